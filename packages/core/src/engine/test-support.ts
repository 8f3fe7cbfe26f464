// Builders for the engine's tests: a model state with exact predicted probabilities.
import { LADDER_MODEL_VERSION, type LadderModel, type LadderStepState } from "./ladder-model";
import { logit } from "./math";
import type { AttemptOutcome } from "./outcome";

export type StepSpec = {
  /** Predicted success at ability 0: difficulty = −logit(p). */
  p: number;
  recent?: AttemptOutcome[];
  override?: LadderStepState["override"];
  rating?: number | null;
  /** Remembered mastery (default false). */
  mastered?: boolean;
  variance?: number;
};

/** A valid model whose steps s1, s2, … have the given predicted success (easiest first). */
export function buildModel(
  specs: readonly StepSpec[],
  overrides: Partial<Omit<LadderModel, "steps">> = {},
): LadderModel {
  const tried = specs.reduce((n, s) => n + (s.recent?.length ?? 0), 0);
  return {
    version: LADDER_MODEL_VERSION,
    ability: 0,
    abilityVariance: 1,
    practiceGain: 0,
    lastAttemptAt: null,
    currentStepId: null,
    ...overrides,
    // A current step means something was attempted, even when the test gives no outcomes.
    attempts: overrides.attempts ?? (overrides.currentStepId ? Math.max(1, tried) : tried),
    steps: specs.map((s, i) => ({
      id: `s${i + 1}`,
      rating: s.rating === undefined ? Math.round(s.p * 10) * 10 : s.rating,
      difficulty: -logit(s.p),
      // Predictions allow for a step's variance: a tiny one keeps p as given.
      variance: s.variance ?? 1e-15,
      mastered: s.mastered ?? false,
      attempts: s.recent?.length ?? 0,
      recent: s.recent ?? [],
      override: s.override ?? null,
    })),
  };
}
