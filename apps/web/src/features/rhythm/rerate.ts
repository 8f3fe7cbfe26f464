import type { RerateResponse } from "@cando/core";

type Since = RerateResponse["steps"][number];

const pct = (p: number) => `${Math.round(p * 100)}%`;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "Since then: 3 attempts (1 done, 1 partly, 1 not yet)" or "No attempts since then". */
export function sinceWords(s: Since): string {
  if (s.attempts === 0) return s.lastRating ? "No attempts since then" : "No attempts yet";
  const parts = [
    s.done > 0 ? `${s.done} done` : null,
    s.partly > 0 ? `${s.partly} partly` : null,
    s.notYet > 0 ? `${s.notYet} not yet` : null,
  ].filter((p) => p !== null);
  return `Since then: ${plural(s.attempts, "attempt", "attempts")} (${parts.join(", ")})`;
}

/** The model's estimate then (at the first attempt since the rating) and now. */
export function estimateWords(s: Since): string {
  if (s.estimateThen === null) return `The model's estimate of success now: ${pct(s.estimateNow)}`;
  return `The model's estimate of success: ${pct(s.estimateThen)} at your first attempt since, ${pct(s.estimateNow)} now`;
}
