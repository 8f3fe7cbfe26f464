import { instantMs } from "./days";
import {
  createLadderModel,
  type LadderModel,
  type LadderTuning,
  type StepOverride,
  setStepOverride,
  syncSteps,
  updateWithAttempt,
} from "./ladder-model";
import type { AttemptOutcome } from "./outcome";

/** A step of the ladder as stored: its current rating, whether it is archived, the person's say. */
export type LadderFactStep = {
  id: string;
  /** The person's current confidence rating, 0–100; null if not rated. */
  confidence: number | null;
  archived: boolean;
  /** The person's mastery override; only active steps' overrides are used. */
  override: StepOverride | null;
};

/** An attempt as stored; `id` breaks ties between attempts at the same instant. */
export type LadderFactAttempt = {
  id: string;
  stepId: string;
  outcome: AttemptOutcome;
  at: string;
};

/**
 * Everything the ladder model is derived from. `steps` in ladder order: active steps by position;
 * an archived step where it stood (the caller places it; the server puts it after the active step
 * that now holds its old position).
 */
export type LadderFacts = {
  steps: readonly LadderFactStep[];
  attempts: readonly LadderFactAttempt[];
};

/** The order attempts are replayed in: by instant, ties by id (code-unit order). */
export function compareLadderAttempts(
  a: { at: string; id: string },
  b: { at: string; id: string },
): number {
  const d = instantMs(a.at, "at") - instantMs(b.at, "at");
  if (d !== 0) return d;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Rebuilds a goal's ladder model from its facts (docs/engine.md, "The model as a replay"):
 * 1. the active steps' initial model from their current ratings (`createLadderModel`);
 * 2. archived steps that have attempts are put back where they stood (`syncSteps`: between their
 *    neighbours, which keep their starting difficulties), so their attempts still count as
 *    evidence of the person's ability;
 * 3. every attempt, in `attemptedAt` order (ties by id), folded in with `updateWithAttempt`;
 * 4. archived steps dropped again (`syncSteps` with the active steps), then the overrides.
 * Null when no step is active. Attempts on steps that are not in `steps` are ignored. Pure.
 */
export function replayLadderModel(
  facts: LadderFacts,
  tuning?: Partial<LadderTuning>,
): LadderModel | null {
  const active = facts.steps.filter((s) => !s.archived);
  if (active.length === 0) return null;
  const known = new Set(facts.steps.map((s) => s.id));
  const attempts = facts.attempts.filter((a) => known.has(a.stepId));
  const attempted = new Set(attempts.map((a) => a.stepId));
  const rated = (s: LadderFactStep) => ({ id: s.id, confidence: s.confidence });

  let model = createLadderModel(active.map(rated), tuning);
  const folded = facts.steps.filter((s) => !s.archived || attempted.has(s.id));
  if (folded.length > active.length) model = syncSteps(model, folded.map(rated), tuning);

  const ordered = [...attempts].sort(compareLadderAttempts);
  for (const a of ordered) {
    model = updateWithAttempt(model, { stepId: a.stepId, outcome: a.outcome, at: a.at }, tuning);
  }

  if (folded.length > active.length) model = syncSteps(model, active.map(rated), tuning);
  for (const s of active) {
    if (s.override !== null) model = setStepOverride(model, s.id, s.override);
  }
  return model;
}

/**
 * Whether a new attempt may be folded into the stored model instead of replaying: it must sort
 * after every attempt the model has seen. An attempt at the same instant as the last one could
 * sort before it by id, so only a strictly later one qualifies.
 */
export function foldsLast(model: LadderModel, at: string): boolean {
  if (model.lastAttemptAt === null) return true;
  return instantMs(at, "at") > Date.parse(model.lastAttemptAt);
}
