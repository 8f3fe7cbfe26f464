import { type LadderModel, type Milestone, milestoneBasisChanges } from "@cando/core";
import {
  type Db,
  type GoalRow,
  listMilestonesOfGoal,
  listSteps,
  setMilestoneBasisRemoved,
} from "@cando/storage";
import type { AppDeps } from "../context";
import { activeOnly } from "../ladders/ladder";
import { cachedModel, rebuildLadderModel } from "../ladders/replay";
import { recordMilestones } from "../milestones/record";

/**
 * After a correction to a goal's attempts: the ladder model is replayed from the facts, milestones
 * whose mastery the correction removed are marked (and unmarked when it comes back), and anything
 * newly mastered is recorded. In the caller's transaction, with the goal row locked.
 */
export async function afterAttemptsChanged(
  db: Db,
  deps: Pick<AppDeps, "clock" | "newId">,
  goal: GoalRow,
): Promise<{ model: LadderModel | null; milestones: Milestone[]; basisRemoved: string[] }> {
  const now = deps.clock.now().toISOString();
  // An unusable cache counts as no model before: nothing it said can be trusted to compare.
  const before = cachedModel(goal) ?? null;
  const model = await rebuildLadderModel(db, goal, now);
  const last = activeOnly(await listSteps(db, goal.id)).at(-1);
  const existing = await listMilestonesOfGoal(db, goal.id);
  const changes = milestoneBasisChanges(
    existing.map((m) => ({
      id: m.id,
      kind: m.kind === "goal_reached" ? "goal_reached" : "step_mastered",
      stepId: m.stepId,
      basisRemovedAt: m.basisRemovedAt,
    })),
    before,
    model,
    last?.id ?? null,
    now,
  );
  for (const c of changes) await setMilestoneBasisRemoved(db, c.id, c.basisRemovedAt);
  const milestones = await recordMilestones(db, deps, goal, model);
  return {
    model,
    milestones,
    basisRemoved: changes.filter((c) => c.basisRemovedAt !== null).map((c) => c.id),
  };
}
