import type { Evidence } from "./schema";

export interface DoubtContext {
  stepId?: string | null;
  goalId?: string | null;
  domainId?: string | null;
}

/** 3 = same step, 2 = same goal, 1 = same domain, 0 = elsewhere. */
function closeness(e: Evidence, at: DoubtContext): number {
  if (at.stepId && e.stepId === at.stepId) return 3;
  if (at.goalId && e.goalId === at.goalId) return 2;
  if (at.domainId && e.domainId === at.domainId) return 1;
  return 0;
}

/**
 * The evidence to bring up when doubt comes (product.md): same step first, then same goal, then
 * the domain; within each, effortful successes before easy ones (mastery that took effort is what
 * builds belief), then what was most the person's own doing, then the most recent.
 */
export function rankEvidenceForDoubt(
  evidence: readonly Evidence[],
  at: DoubtContext,
  limit = 5,
): Evidence[] {
  return [...evidence]
    .sort(
      (a, b) =>
        closeness(b, at) - closeness(a, at) ||
        (b.effort ?? 0) - (a.effort ?? 0) ||
        b.ownership - a.ownership ||
        b.occurredOn.localeCompare(a.occurredOn) ||
        b.createdAt.localeCompare(a.createdAt),
    )
    .slice(0, limit);
}

/** The share of an accomplishment the person credits to their own effort, skill and strategy. */
export function ownShare(
  weights: Record<"effort" | "skill" | "strategy" | "luck" | "help" | "timing", number>,
): number {
  const own = weights.effort + weights.skill + weights.strategy;
  const all = own + weights.luck + weights.help + weights.timing;
  return all === 0 ? 0 : Math.round((own / all) * 100);
}
