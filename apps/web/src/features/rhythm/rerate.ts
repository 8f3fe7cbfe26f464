import type { StepRating } from "@cando/core";

/** The latest rating of each step before now, by step id: "last month's rating". */
export function latestRatings(ratings: readonly StepRating[]): Map<string, StepRating> {
  const latest = new Map<string, StepRating>();
  for (const r of ratings) {
    const seen = latest.get(r.stepId);
    if (!seen || r.ratedAt > seen.ratedAt) latest.set(r.stepId, r);
  }
  return latest;
}

/** "2 of 3 attempts done" or "No attempts yet". */
export function attemptsWords(attempts: number, successes: number): string {
  if (attempts === 0) return "No attempts yet";
  return `${successes} of ${attempts} attempt${attempts === 1 ? "" : "s"} done`;
}
