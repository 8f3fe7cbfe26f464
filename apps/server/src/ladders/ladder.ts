import {
  explainPrediction,
  firstStepDateWarning,
  isoDay,
  type LadderModel,
  type LadderView,
  type NextStep,
  parseLadderModel,
  predictSuccess,
  recommendNext,
  type Step,
  scoreEfficacyScale,
  stepMastery,
  suggestSplit,
} from "@cando/core";
import { type Db, type GoalRow, getTargetPercent, listSteps, type StepRow } from "@cando/storage";
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

function presentStep(row: StepRow, model: LadderModel | null): Step {
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
    attemptCount: row.attemptCount,
    successCount: row.successCount,
    predictedSuccess: model && inModel ? predictSuccess(model, row.id) : 0,
    why: model && inModel ? whyOf(model, row.id) : null,
    mastered: mastery?.mastered ?? false,
    masteredOverride: override === null ? null : override === "mastered",
    createdAt: row.createdAt,
  };
}

function whyOf(model: LadderModel, stepId: string): Step["why"] {
  const w = explainPrediction(model, stepId);
  return {
    basis: w.basis,
    rating: w.rating,
    stepAttempts: w.stepAttempts,
    stepDone: w.stepDone,
    totalAttempts: w.totalAttempts,
    certainty: w.certainty,
    low: w.low,
    high: w.high,
    sentence: w.sentence,
  };
}

/**
 * The ladder as the app shows it: steps with predictions and why, the efficacy scale, the next
 * step at the person's own target (read here unless given), and where a smaller step would go.
 */
export async function ladderView(
  db: Db,
  goal: GoalRow,
  now: Date,
  target?: number,
  /** The goal's steps as they are now, when the caller holds them (else read here). */
  steps?: StepRow[],
): Promise<LadderView> {
  const aim = target ?? (await getTargetPercent(db, goal.userId)) / 100;
  // Each step's attempt and success counts are kept on the step (triggers): the view reads no
  // attempts, so its cost does not grow with the goal's history.
  const rows = steps ?? (await listSteps(db, goal.id));
  const model = await readLadderModel(db, goal);
  const active = activeOnly(rows);
  const presented = active.map((s) => presentStep(s, model));
  const archivedSteps = rows.filter((s) => s.archivedAt !== null).map((s) => presentStep(s, model));
  const labels = Object.fromEntries(active.map((s) => [s.id, `"${s.title}"`]));
  const first = active[0];
  const noAttemptsYet = (model?.attempts ?? 0) === 0;
  const recommendation = model ? recommendNext(model, { stepLabels: labels, target: aim }) : null;
  return {
    steps: presented,
    archivedSteps,
    scale: scoreEfficacyScale(active.map((s) => s.confidence)),
    recommendation,
    split:
      model && recommendation?.splitStepId ? suggestSplit(model, recommendation.splitStepId) : null,
    target: aim,
    firstStepWarning:
      first && noAttemptsYet ? firstStepDateWarning(isoDay(now), first.plannedDate) : null,
  };
}

/**
 * Today's item for a goal: the recommended step (presented as in the ladder view) and the
 * recommendation, or null without a model or a matching active step. Only that one step is
 * presented: Today shows no other.
 */
export async function recommendedStep(
  db: Db,
  goal: GoalRow,
  target: number,
  steps: StepRow[],
): Promise<{ step: Step; recommendation: NonNullable<LadderView["recommendation"]> } | null> {
  const model = await readLadderModel(db, goal);
  if (!model) return null;
  const active = activeOnly(steps);
  const labels = Object.fromEntries(active.map((s) => [s.id, `"${s.title}"`]));
  const recommendation = recommendNext(model, { stepLabels: labels, target });
  const row = active.find((s) => s.id === recommendation.stepId);
  return row ? { step: presentStep(row, model), recommendation } : null;
}

/**
 * What next on a goal's ladder (the debrief's "What next"): the step, its chance and reason. The
 * target and the goal's steps are read here unless the caller holds them.
 */
export async function nextStep(
  db: Db,
  goal: GoalRow,
  target?: number,
  steps?: StepRow[],
): Promise<NextStep | null> {
  const model = await readLadderModel(db, goal);
  if (!model) return null;
  const active = activeOnly(steps ?? (await listSteps(db, goal.id)));
  const labels = Object.fromEntries(active.map((s) => [s.id, `"${s.title}"`]));
  const aim = target ?? (await getTargetPercent(db, goal.userId)) / 100;
  const recommendation = recommendNext(model, { stepLabels: labels, target: aim });
  const step = active.find((s) => s.id === recommendation.stepId);
  if (!step) return null;
  return { recommendation, stepTitle: step.title, why: whyOf(model, step.id) };
}
