import {
  firstStepDateWarning,
  isoDay,
  type LadderModel,
  type LadderView,
  parseLadderModel,
  predictSuccess,
  recommendNext,
  type Step,
  scoreEfficacyScale,
  stepMastery,
} from "@cando/core";
import { type Db, type GoalRow, listAttempts, listSteps, type StepRow } from "@cando/storage";
import { readLadderModel, rebuildLadderModel } from "./replay";

export { saveModel } from "./replay";

/** The engine's model of a goal's ladder, or null before the ladder has steps; throws if damaged. */
export function modelOf(goal: GoalRow): LadderModel | null {
  return goal.model === null ? null : parseLadderModel(JSON.parse(goal.model));
}

export const activeOnly = (steps: StepRow[]) => steps.filter((s) => s.archivedAt === null);

/**
 * Replays the stored model after the ladder changed (built, step added, reordered, archived,
 * re-rated, overrides): see `rebuildLadderModel`. Call inside the transaction that changed the
 * steps, so the steps and the model never disagree.
 */
export async function syncLadderModel(
  db: Db,
  goal: GoalRow,
  updatedAt: string,
): Promise<LadderModel | null> {
  return rebuildLadderModel(db, goal, updatedAt);
}

interface StepRecord {
  attempts: number;
  successes: number;
}

function presentStep(
  row: StepRow,
  model: LadderModel | null,
  record: StepRecord | undefined,
): Step {
  const inModel = model?.steps.some((s) => s.id === row.id) ?? false;
  const mastery = model && inModel ? stepMastery(model, row.id) : null;
  const override = model?.steps.find((s) => s.id === row.id)?.override ?? null;
  return {
    id: row.id,
    goalId: row.goalId,
    title: row.title,
    description: row.description,
    position: row.position,
    confidence: row.confidence,
    plannedDate: row.plannedDate,
    archivedAt: row.archivedAt,
    attemptCount: record?.attempts ?? 0,
    successCount: record?.successes ?? 0,
    predictedSuccess: model && inModel ? predictSuccess(model, row.id) : 0,
    mastered: mastery?.mastered ?? false,
    masteredOverride: override === null ? null : override === "mastered",
    createdAt: row.createdAt,
  };
}

/** The ladder as the app shows it: steps with predictions, the efficacy scale, the next step. */
export async function ladderView(db: Db, goal: GoalRow, now: Date): Promise<LadderView> {
  const rows = await listSteps(db, goal.id);
  const records = new Map<string, StepRecord>();
  for (const a of await listAttempts(db, goal.userId, { goalId: goal.id })) {
    const r = records.get(a.stepId) ?? { attempts: 0, successes: 0 };
    r.attempts++;
    if (a.outcome === "done") r.successes++;
    records.set(a.stepId, r);
  }
  const model = await readLadderModel(db, goal);
  const active = activeOnly(rows);
  const steps = active.map((s) => presentStep(s, model, records.get(s.id)));
  const archivedSteps = rows
    .filter((s) => s.archivedAt !== null)
    .map((s) => presentStep(s, model, records.get(s.id)));
  const labels = Object.fromEntries(active.map((s) => [s.id, `"${s.title}"`]));
  const first = active[0];
  const noAttemptsYet = (model?.attempts ?? 0) === 0;
  return {
    steps,
    archivedSteps,
    scale: scoreEfficacyScale(active.map((s) => s.confidence)),
    recommendation: model ? recommendNext(model, { stepLabels: labels }) : null,
    firstStepWarning:
      first && noAttemptsYet ? firstStepDateWarning(isoDay(now), first.plannedDate) : null,
  };
}
