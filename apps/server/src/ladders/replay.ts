// INTERIM: the `replay` branch owns this file and replaces it on merge. A plain replay so the
// corrections routes can be built and tested against the call they will make.
import {
  type AttemptOutcome,
  createLadderModel,
  type LadderModel,
  setStepOverride,
  updateWithAttempt,
} from "@cando/core";
import { type Db, type GoalRow, listAttempts, listSteps } from "@cando/storage";
import { activeOnly, modelOf, saveModel } from "./ladder";

/** Rebuilds the goal's ladder model from its steps, attempts and overrides, and stores it. */
export async function rebuildLadderModel(
  db: Db,
  goal: GoalRow,
  updatedAt: string,
): Promise<LadderModel | null> {
  const steps = activeOnly(await listSteps(db, goal.id));
  const current = modelOf(goal);
  if (steps.length === 0) {
    await saveModel(db, goal, null, updatedAt);
    return null;
  }
  let model = createLadderModel(steps.map((s) => ({ id: s.id, confidence: s.confidence })));
  const active = new Set(steps.map((s) => s.id));
  const attempts = (await listAttempts(db, goal.userId, { goalId: goal.id }))
    .filter((a) => active.has(a.stepId))
    .sort((a, b) =>
      a.attemptedAt === b.attemptedAt
        ? a.id < b.id
          ? -1
          : 1
        : a.attemptedAt < b.attemptedAt
          ? -1
          : 1,
    );
  for (const a of attempts) {
    model = updateWithAttempt(model, {
      stepId: a.stepId,
      outcome: a.outcome as AttemptOutcome,
      at: a.attemptedAt,
    });
  }
  for (const s of current?.steps ?? []) {
    if (s.override !== null && active.has(s.id)) model = setStepOverride(model, s.id, s.override);
  }
  await saveModel(db, goal, model, updatedAt);
  return model;
}
