import {
  type LadderModel,
  type LadderStepState,
  MASTERY_MIN_PREDICTED,
  MASTERY_MIN_RECENT_DONE,
  predictSuccess,
} from "./ladder-model";

export type MasteryOptions = { minPredicted?: number; minRecentDone?: number };

export type StepMastery = {
  stepId: string;
  mastered: boolean;
  /** "override" when the person said so, else "rule". */
  decidedBy: "override" | "rule";
  predictedSuccess: number;
  /** "done" among the last three attempts on the step. */
  recentDone: number;
};

/**
 * Mastery of a step: predicted success ≥ 0.9 and at least 2 of the last 3 attempts done (both the
 * model and the record agree), remembered once earned: only setbacks on the step itself (fewer than
 * 2 of its last 3 done) take it away. The person's override, either way, always wins.
 */
export function stepMastery(
  model: LadderModel,
  stepId: string,
  options: MasteryOptions = {},
): StepMastery {
  const p = predictSuccess(model, stepId);
  const step = model.steps.find((s) => s.id === stepId);
  return step
    ? masteryOf(step, p, options)
    : { stepId, mastered: false, decidedBy: "rule", predictedSuccess: p, recentDone: 0 };
}

/** The mastery rule for a step whose predicted success is already known (internal). */
export function masteryOf(
  step: LadderStepState,
  predictedSuccess: number,
  options: MasteryOptions = {},
): StepMastery {
  let recentDone = 0;
  for (const o of step.recent) if (o === "done") recentDone++;
  if (step.override) {
    return {
      stepId: step.id,
      mastered: step.override === "mastered",
      decidedBy: "override",
      predictedSuccess,
      recentDone,
    };
  }
  const mastered =
    step.mastered ||
    (predictedSuccess >= (options.minPredicted ?? MASTERY_MIN_PREDICTED) &&
      recentDone >= (options.minRecentDone ?? MASTERY_MIN_RECENT_DONE));
  return { stepId: step.id, mastered, decidedBy: "rule", predictedSuccess, recentDone };
}

/** Whether a step is mastered, by the rule or the person's override (see stepMastery). */
export function isStepMastered(
  model: LadderModel,
  stepId: string,
  options: MasteryOptions = {},
): boolean {
  return stepMastery(model, stepId, options).mastered;
}
