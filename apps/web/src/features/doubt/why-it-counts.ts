import type { Evidence } from "@cando/core";

export type DoubtPlace = { stepId: string | null; goalId: string | null };

/**
 * Why a piece of evidence speaks to this doubt, in plain words: how close it is to what the
 * person faces, the effort it took, how much was their own doing, what they said it shows.
 */
export function whyItCounts(evidence: Evidence, at: DoubtPlace): string[] {
  const reasons: string[] = [];
  if (at.stepId !== null && evidence.stepId === at.stepId) {
    reasons.push("It is the very step you are facing now.");
  } else if (at.goalId !== null && evidence.goalId === at.goalId) {
    reasons.push("It is on the way to this same goal.");
  }
  if (evidence.effort !== null && evidence.effort >= 4) {
    reasons.push(`It took real effort (${evidence.effort} of 5), and you did it anyway.`);
  } else if (evidence.source === "attempt") {
    reasons.push("You did it in an attempt you logged, not in theory.");
  }
  const own = evidence.reattribution?.ownShare ?? evidence.ownership;
  if (own >= 50) reasons.push(`You judged ${own}% of it to be your own doing.`);
  return reasons;
}

/** Where the "log an attempt" link of the empty state goes. */
export function attemptPathFor(at: DoubtPlace): string {
  if (at.goalId !== null && at.stepId !== null) {
    return `/goals/${encodeURIComponent(at.goalId)}/steps/${encodeURIComponent(at.stepId)}/attempt`;
  }
  return at.goalId !== null ? `/goals/${encodeURIComponent(at.goalId)}` : "/goals";
}
