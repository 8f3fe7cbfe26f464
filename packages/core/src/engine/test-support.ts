// Builders for the engine's tests: a model state with exact predicted probabilities.
import type { LadderModel, LadderStepState } from "./ladder-model";
import { logit } from "./math";
import type { AttemptOutcome } from "./outcome";

export type StepSpec = {
  /** Predicted success at ability 0: difficulty = −logit(p). */
  p: number;
  recent?: AttemptOutcome[];
  override?: LadderStepState["override"];
};

/** A valid model whose steps s1, s2, … have the given predicted success (easiest first). */
export function buildModel(
  specs: readonly StepSpec[],
  overrides: Partial<Omit<LadderModel, "steps">> = {},
): LadderModel {
  return {
    version: 1,
    ability: 0,
    abilityEvidence: 0,
    practiceGain: 0,
    attempts: 0,
    lastAttemptAt: null,
    currentStepId: null,
    ...overrides,
    steps: specs.map((s, i) => ({
      id: `s${i + 1}`,
      difficulty: -logit(s.p),
      attempts: s.recent?.length ?? 0,
      recent: s.recent ?? [],
      override: s.override ?? null,
    })),
  };
}
