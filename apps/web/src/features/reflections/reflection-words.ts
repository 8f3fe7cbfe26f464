import type { WeekFacts } from "@cando/core";

// Pure helpers of the reflection pages (tested without a browser).

export const reflectionsPath = (q?: string) =>
  q ? `/reflections?q=${encodeURIComponent(q)}` : "/reflections";
export const reflectionWeekPath = (weekEnd?: string) =>
  weekEnd ? `/reflections/week?end=${encodeURIComponent(weekEnd)}` : "/reflections/week";

/** "3 attempts: 2 done, 1 not yet" — only the outcomes that happened. */
export function attemptsSentence(a: WeekFacts["attempts"]): string {
  if (a.total === 0) return "No attempts this week.";
  const parts = [
    a.done > 0 ? `${a.done} done` : null,
    a.partly > 0 ? `${a.partly} partly` : null,
    a.notYet > 0 ? `${a.notYet} not yet` : null,
  ].filter((p) => p !== null);
  return `${a.total} attempt${a.total === 1 ? "" : "s"}: ${parts.join(", ")}.`;
}

/** "45 minutes of practice on 2 days." */
export function practiceSentence(p: WeekFacts["practice"]): string {
  if (p.minutes === 0) return "No practice logged this week.";
  return `${p.minutes} minute${p.minutes === 1 ? "" : "s"} of practice on ${p.days} day${p.days === 1 ? "" : "s"}.`;
}

/** "1 piece of evidence added." */
export function evidenceSentence(e: WeekFacts["evidence"]): string {
  if (e.count === 0) return "No evidence added this week.";
  return `${e.count} piece${e.count === 1 ? "" : "s"} of evidence from this week.`;
}

/** The first line of an answer, as the evidence title it would become. */
export function firstLine(text: string): string {
  return text.trim().split("\n")[0] ?? "";
}
