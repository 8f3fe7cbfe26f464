import type { LadderModel } from "../engine/ladder-model";
import { stepMastery } from "../engine/mastery";

export type MilestoneBasis = {
  id: string;
  kind: "step_mastered" | "goal_reached";
  stepId: string | null;
  basisRemovedAt: string | null;
};

function mastered(model: LadderModel | null, stepId: string | null | undefined): boolean {
  if (!model || !stepId || !model.steps.some((s) => s.id === stepId)) return false;
  return stepMastery(model, stepId).mastered;
}

/**
 * After a correction (an attempt edited, deleted or restored) the ladder model is replayed. A
 * milestone whose mastery the correction took away stays in history but is marked from `now`;
 * one whose mastery comes back (an undo) is unmarked. Mastery that lapsed through later setbacks
 * is not a removed basis, so only a change across this correction counts. The goal's milestone
 * follows its last active step, the goal itself. Returns only the milestones that change.
 */
export function milestoneBasisChanges(
  milestones: readonly MilestoneBasis[],
  before: LadderModel | null,
  after: LadderModel | null,
  lastStepId: string | null,
  now: string,
): { id: string; basisRemovedAt: string | null }[] {
  const changes: { id: string; basisRemovedAt: string | null }[] = [];
  for (const m of milestones) {
    const stepId = m.kind === "goal_reached" ? lastStepId : m.stepId;
    const was = mastered(before, stepId);
    const is = mastered(after, stepId);
    if (m.basisRemovedAt === null && was && !is) changes.push({ id: m.id, basisRemovedAt: now });
    if (m.basisRemovedAt !== null && is) changes.push({ id: m.id, basisRemovedAt: null });
  }
  return changes;
}
