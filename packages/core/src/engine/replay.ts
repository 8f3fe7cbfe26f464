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
  /** When the step was put on the ladder (ISO-8601): it joins the model then. */
  addedAt: string;
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
 * Rebuilds a goal's ladder model from its facts (docs/engine.md, "The model as a replay"). Time
 * runs forward through two kinds of event:
 * - a step joins the model when it was added (or just before its first attempt, if that is
 *   earlier): the first steps through `createLadderModel`, later ones through `syncSteps`, so a
 *   step added later is placed by its rating at the ability of that moment, between its neighbours;
 * - each attempt, in `attemptedAt` order (ties by id), folded in with `updateWithAttempt`.
 * Steps joining at an instant come before attempts at that instant. Archived steps take part (what
 * the person did there counts as evidence of their ability) and are dropped at the end; then the
 * active steps' overrides are applied. Null when no step is active. Attempts on steps that are not
 * in `steps` are ignored. Pure.
 */
export function replayLadderModel(
  facts: LadderFacts,
  tuning?: Partial<LadderTuning>,
): LadderModel | null {
  const active = facts.steps.filter((s) => !s.archived);
  if (active.length === 0) return null;
  const known = new Set(facts.steps.map((s) => s.id));
  const attempts = facts.attempts.filter((a) => known.has(a.stepId)).sort(compareLadderAttempts);

  // When each step joins: when it was added, or at its first attempt if that is earlier.
  const joins = new Map<string, number>();
  for (const s of facts.steps) joins.set(s.id, instantMs(s.addedAt, "addedAt"));
  for (const a of attempts) {
    const ms = instantMs(a.at, "at");
    if (ms < (joins.get(a.stepId) ?? ms)) joins.set(a.stepId, ms);
  }
  const joinTimes = [...new Set(joins.values())].sort((a, b) => a - b);
  const rated = (s: LadderFactStep) => ({ id: s.id, confidence: s.confidence });

  let model: LadderModel | null = null;
  const join = (upTo: number) => {
    const present = facts.steps.filter((s) => (joins.get(s.id) ?? Infinity) <= upTo).map(rated);
    model = model ? syncSteps(model, present, tuning) : createLadderModel(present, tuning);
  };
  let nextJoin = 0;
  for (const a of attempts) {
    const ms = instantMs(a.at, "at");
    let upTo: number | undefined;
    while (nextJoin < joinTimes.length && (joinTimes[nextJoin] ?? Infinity) <= ms) {
      upTo = joinTimes[nextJoin++];
    }
    if (upTo !== undefined) join(upTo);
    if (!model) continue; // unreachable: the attempt's step has joined by now
    model = updateWithAttempt(model, { stepId: a.stepId, outcome: a.outcome, at: a.at }, tuning);
  }
  const last = joinTimes[joinTimes.length - 1];
  if (nextJoin < joinTimes.length && last !== undefined) join(last);

  let result: LadderModel = model ?? createLadderModel(active.map(rated), tuning);
  if (result.steps.length > active.length) result = syncSteps(result, active.map(rated), tuning);
  for (const s of active) {
    if (s.override !== null) result = setStepOverride(result, s.id, s.override);
  }
  return result;
}

/**
 * Whether a new attempt may be folded into the stored model instead of replaying: it must sort
 * after every attempt the model has seen (strictly later: at the same instant its id could sort
 * first) and not before any step joined the ladder (`lastStepAddedAt`, the latest `addedAt`).
 */
export function foldsLast(model: LadderModel, at: string, lastStepAddedAt: string | null): boolean {
  const ms = instantMs(at, "at");
  if (lastStepAddedAt !== null && ms < instantMs(lastStepAddedAt, "lastStepAddedAt")) return false;
  return model.lastAttemptAt === null || ms > Date.parse(model.lastAttemptAt);
}
