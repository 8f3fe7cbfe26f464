import {
  foldsLast,
  type LadderModel,
  type LadderView,
  type Milestone,
  type Outcome,
  updateWithAttempt,
  ValidationError,
} from "@cando/core";
import {
  type AttemptRow,
  type Db,
  type GoalRow,
  insertAttempt,
  lastStepAddedAt,
} from "@cando/storage";
import type { AppDeps } from "../context";
import { ladderView } from "../ladders/ladder";
import { rebuildLadderModel, saveModel } from "../ladders/replay";
import { recordMilestones } from "../milestones/record";

/**
 * Stores a finished attempt and brings its goal's model and milestones along, inside the
 * caller's transaction, with the goal already locked (`access.goalForUpdate`). The same steps as
 * logging an attempt in one go (attempts/routes.ts): an attempt after all others is folded into
 * the model, a backdated one replays it.
 */
export async function recordAttempt(
  trx: Db,
  deps: Pick<AppDeps, "clock" | "newId">,
  goal: GoalRow,
  model: LadderModel,
  row: AttemptRow,
  now: Date,
): Promise<{ ladder: LadderView; milestones: Milestone[] }> {
  await insertAttempt(trx, row);
  let next: LadderModel | null;
  if (foldsLast(model, row.attemptedAt, await lastStepAddedAt(trx, goal.id))) {
    next = updateWithAttempt(model, {
      stepId: row.stepId,
      outcome: row.outcome as Outcome,
      at: row.attemptedAt,
    });
    await saveModel(trx, goal, next, now.toISOString());
  } else {
    next = await rebuildLadderModel(trx, goal, now.toISOString());
  }
  if (!next) throw new ValidationError([{ path: "stepId", message: "is not on a ladder" }]);
  const milestones = await recordMilestones(trx, deps, goal, next, row.attemptedAt);
  return { ladder: await ladderView(trx, goal, now), milestones };
}
