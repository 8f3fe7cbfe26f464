import {
  createLadderModel,
  type LadderModel,
  type StepOverride,
  setStepOverride,
  updateWithAttempt,
} from "../engine/ladder-model";
import type { AttemptOutcome } from "../engine/outcome";

export interface ReplayStep {
  id: string;
  position: number;
  confidence: number | null;
  archived: boolean;
  override: StepOverride | null;
}

export interface ReplayAttempt {
  stepId: string;
  outcome: AttemptOutcome;
  attemptedAt: string;
  createdAt: string;
}

/**
 * The ladder model rebuilt from the facts alone: a fresh model of the active steps in order,
 * every attempt on them replayed in the order they happened, then the person's mastery
 * overrides. Attempts on archived steps are history the model no longer tracks. Pure.
 */
export function replayLadderModel(
  steps: readonly ReplayStep[],
  attempts: readonly ReplayAttempt[],
): LadderModel | null {
  const active = steps.filter((s) => !s.archived).sort((a, b) => a.position - b.position);
  if (active.length === 0) return null;
  let model = createLadderModel(active.map((s) => ({ id: s.id, confidence: s.confidence })));
  const onLadder = new Set(active.map((s) => s.id));
  const ordered = attempts
    .filter((a) => onLadder.has(a.stepId))
    .sort(
      (a, b) =>
        Date.parse(a.attemptedAt) - Date.parse(b.attemptedAt) ||
        Date.parse(a.createdAt) - Date.parse(b.createdAt),
    );
  for (const a of ordered) {
    model = updateWithAttempt(model, { stepId: a.stepId, outcome: a.outcome, at: a.attemptedAt });
  }
  for (const s of active) {
    if (s.override !== null) model = setStepOverride(model, s.id, s.override);
  }
  return model;
}
