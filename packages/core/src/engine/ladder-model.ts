import { z } from "zod";
import { NotFoundError, ValidationError } from "../errors";
import { DAY_MS } from "../time";
import { instantMs } from "./days";
import { clamp, logistic, logit } from "./math";
import { AttemptOutcome, outcomeScore } from "./outcome";

/**
 * The adaptive ladder's success model: p(success at step i) = logistic(ability − difficulty[i]),
 * an Elo / item-response model as in Math Garden (Klinkenberg, Straatemeier & van der Maas 2011;
 * Pelánek 2016). One ability per person-and-goal, one difficulty per step, in logits.
 */

export const LADDER_MODEL_VERSION = 1;
/** Outcomes kept per step for the mastery and split rules. */
export const RECENT_OUTCOMES = 3;
/** Logits are clamped to ±this when predicting, so p stays strictly inside (0, 1). */
const MAX_LOGIT = 12;
/** Stored numbers are kept within ±this, so the JSON stays finite whatever happens. */
const MAX_PARAM = 50;

/** A number to store: clamped, and −0 made 0 (JSON has no −0, so a round trip would differ). */
function param(x: number): number {
  return clamp(x, -MAX_PARAM, MAX_PARAM) + 0;
}

/** Tuning of the model; every field has a documented default (docs/engine.md). */
export type LadderTuning = {
  /** A confidence c maps to an initial p of c/100, clamped to [floor, 1 − floor]. */
  confidenceFloor: number;
  /** Initial predicted success of the first step when no step is rated. */
  unratedFirstStep: number;
  /** Logits between neighbouring steps when a step's difficulty must be guessed. */
  unratedGap: number;
  /** Each step starts at least this many logits harder than the step before it. */
  minInitialGap: number;
  /** Ability step size K = kMin + (k0 − kMin) / (1 + decay · n), n = effective attempts. */
  abilityK0: number;
  abilityKMin: number;
  abilityDecay: number;
  /** Step difficulty step size, same form, n = attempts on that step. */
  stepK0: number;
  stepKMin: number;
  stepDecay: number;
  /** How fast the per-attempt practice gain is learned from surprises (0 turns the drift off). */
  gainK: number;
  /** Upper bound of the practice gain, in logits per attempt. */
  gainMax: number;
  /** Gaps longer than this many days make the ability uncertain again … */
  idleGraceDays: number;
  /** … halving its effective attempt count every this many days beyond the grace. */
  idleHalfLifeDays: number;
};

export const DEFAULT_LADDER_TUNING: Readonly<LadderTuning> = Object.freeze({
  confidenceFloor: 0.05,
  unratedFirstStep: 0.9,
  unratedGap: 1.0,
  minInitialGap: 0.25,
  abilityK0: 1.0,
  abilityKMin: 0.2,
  abilityDecay: 0.15,
  stepK0: 0.2,
  stepKMin: 0.02,
  stepDecay: 0.3,
  gainK: 0.06,
  gainMax: 0.5,
  idleGraceDays: 7,
  idleHalfLifeDays: 30,
});

export const StepOverride = z.enum(["mastered", "unmastered"]);
export type StepOverride = z.infer<typeof StepOverride>;

export const LadderStepState = z.object({
  id: z.string().min(1),
  /** Logits; never lower than the step before it. */
  difficulty: z.number().min(-MAX_PARAM).max(MAX_PARAM),
  attempts: z.number().int().min(0),
  /** The last outcomes on this step, oldest first (at most RECENT_OUTCOMES). */
  recent: z.array(AttemptOutcome).max(RECENT_OUTCOMES),
  /** The person's own say on mastery, which beats the rule. */
  override: StepOverride.nullable(),
});
export type LadderStepState = z.infer<typeof LadderStepState>;

export const LadderModel = z
  .object({
    version: z.literal(LADDER_MODEL_VERSION),
    /** Logits. */
    ability: z.number().min(-MAX_PARAM).max(MAX_PARAM),
    /** Effective number of attempts behind the ability estimate; shrinks after idle gaps. */
    abilityEvidence: z.number().min(0),
    /** Learned growth of ability per attempt (practice gain), logits; added after each attempt. */
    practiceGain: z.number().min(0).max(MAX_PARAM),
    attempts: z.number().int().min(0),
    lastAttemptAt: z.iso.datetime().nullable(),
    /** The last attempted step still on the ladder; null = none yet (the first step is current). */
    currentStepId: z.string().nullable(),
    steps: z.array(LadderStepState).min(1),
  })
  .superRefine((m, ctx) => {
    const ids = new Set<string>();
    m.steps.forEach((s, i) => {
      if (ids.has(s.id)) {
        ctx.addIssue({ code: "custom", path: ["steps", i, "id"], message: "is not unique" });
      }
      ids.add(s.id);
      const prev = m.steps[i - 1];
      if (prev && s.difficulty < prev.difficulty) {
        ctx.addIssue({
          code: "custom",
          path: ["steps", i, "difficulty"],
          message: "must not be lower than the step before",
        });
      }
    });
    if (m.currentStepId !== null && !ids.has(m.currentStepId)) {
      ctx.addIssue({ code: "custom", path: ["currentStepId"], message: "is not a step" });
    }
  });
export type LadderModel = z.infer<typeof LadderModel>;

export type LadderStepInput = {
  id: string;
  /** The person's confidence they can do this step now, 0–100; null if not rated. */
  confidence: number | null;
};

export type LadderAttempt = {
  stepId: string;
  outcome: AttemptOutcome;
  at: string | Date;
};

function tuningOf(options?: Partial<LadderTuning>): LadderTuning {
  return options ? { ...DEFAULT_LADDER_TUNING, ...options } : DEFAULT_LADDER_TUNING;
}

function checkSteps(steps: readonly LadderStepInput[]): void {
  if (steps.length === 0) {
    throw new ValidationError([{ path: "steps", message: "a ladder needs at least one step" }]);
  }
  const ids = new Set<string>();
  steps.forEach((s, i) => {
    if (s.id.length === 0) {
      throw new ValidationError([{ path: `steps.${i}.id`, message: "is required" }]);
    }
    if (ids.has(s.id)) {
      throw new ValidationError([{ path: `steps.${i}.id`, message: "is not unique" }]);
    }
    ids.add(s.id);
    const c = s.confidence;
    if (c !== null && (!Number.isFinite(c) || c < 0 || c > 100)) {
      throw new ValidationError([
        { path: `steps.${i}.confidence`, message: "must be from 0 to 100" },
      ]);
    }
  });
}

/** Non-decreasing weighted least-squares fit (pool adjacent violators); ordered input is kept. */
function isotonic(values: readonly number[], weights: readonly number[]): number[] {
  const blocks: { mean: number; weight: number; size: number }[] = [];
  values.forEach((v, i) => {
    blocks.push({ mean: v, weight: weights[i] ?? 1, size: 1 });
    for (;;) {
      const last = blocks[blocks.length - 1];
      const before = blocks[blocks.length - 2];
      if (!last || !before || before.mean <= last.mean) break;
      blocks.pop();
      const weight = before.weight + last.weight;
      blocks[blocks.length - 1] = {
        mean: (before.mean * before.weight + last.mean * last.weight) / weight,
        weight,
        size: before.size + last.size,
      };
    }
  });
  const out: number[] = [];
  for (const b of blocks) for (let k = 0; k < b.size; k++) out.push(b.mean);
  return out;
}

/** Difficulty (relative to ability 0) of a confidence: p = c/100, clamped away from 0 and 1. */
function confidenceDifficulty(confidence: number, t: LadderTuning): number {
  return -logit(clamp(confidence / 100, t.confidenceFloor, 1 - t.confidenceFloor));
}

/**
 * Initial difficulties from confidences. Ratings at the ends of the scale are censored (0 says "5%
 * or less", 100 "95% or more"), so they and unrated steps are placed by interpolation between the
 * informative ratings, or one gap beyond them, within those bounds. Then the order is enforced:
 * non-decreasing by pooling, and each step at least `minInitialGap` harder than the one before
 * (the person put it later because it is harder, even if the coarse ratings tie).
 */
function initialDifficulties(steps: readonly LadderStepInput[], t: LadderTuning): number[] {
  const lowest = 100 * t.confidenceFloor;
  const highest = 100 - lowest;
  const known: { i: number; d: number }[] = [];
  steps.forEach((s, i) => {
    const c = s.confidence;
    if (c !== null && c > lowest && c < highest) known.push({ i, d: confidenceDifficulty(c, t) });
  });
  const raw = steps.map((s, i) => {
    let d = -logit(t.unratedFirstStep) + t.unratedGap * i;
    let before: { i: number; d: number } | undefined;
    let after: { i: number; d: number } | undefined;
    for (const k of known) {
      if (k.i <= i) before = k;
      if (k.i >= i && after === undefined) after = k;
    }
    if (before && after) {
      d =
        before.i === after.i
          ? before.d
          : before.d + ((after.d - before.d) * (i - before.i)) / (after.i - before.i);
    } else if (before) d = before.d + t.unratedGap * (i - before.i);
    else if (after) d = after.d - t.unratedGap * (after.i - i);
    const c = s.confidence;
    if (c !== null && c <= lowest) d = Math.max(d, confidenceDifficulty(c, t));
    if (c !== null && c >= highest) d = Math.min(d, confidenceDifficulty(c, t));
    return d;
  });
  const fitted = isotonic(
    raw,
    raw.map(() => 1),
  );
  for (let i = 1; i < fitted.length; i++) {
    fitted[i] = Math.max(fitted[i] ?? 0, (fitted[i - 1] ?? 0) + t.minInitialGap);
  }
  return fitted;
}

/** Creates a ladder model from the steps in order (easiest first) and the person's confidences. */
export function createLadderModel(
  steps: readonly LadderStepInput[],
  options?: Partial<LadderTuning>,
): LadderModel {
  checkSteps(steps);
  const t = tuningOf(options);
  const difficulties = initialDifficulties(steps, t);
  return {
    version: LADDER_MODEL_VERSION,
    ability: 0,
    abilityEvidence: 0,
    practiceGain: 0,
    attempts: 0,
    lastAttemptAt: null,
    currentStepId: null,
    steps: steps.map((s, i) => ({
      id: s.id,
      difficulty: param(difficulties[i] ?? 0),
      attempts: 0,
      recent: [],
      override: null,
    })),
  };
}

function stepIndex(model: LadderModel, stepId: string): number {
  const i = model.steps.findIndex((s) => s.id === stepId);
  if (i < 0) throw new NotFoundError("step");
  return i;
}

function successAt(ability: number, difficulty: number): number {
  return logistic(clamp(ability - difficulty, -MAX_LOGIT, MAX_LOGIT));
}

/** Predicted probability (strictly between 0 and 1) that the person succeeds at the step now. */
export function predictSuccess(model: LadderModel, stepId: string): number {
  const step = model.steps[stepIndex(model, stepId)];
  return successAt(model.ability, step?.difficulty ?? 0);
}

/** Predicted success for every step, in ladder order. */
export function predictLadder(model: LadderModel): { stepId: string; predictedSuccess: number }[] {
  return model.steps.map((s) => ({
    stepId: s.id,
    predictedSuccess: successAt(model.ability, s.difficulty),
  }));
}

const CANONICAL_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The instant as `toISOString()` text, reusing the input when it already is (a hot path). */
function canonicalInstant(at: string | Date, ms: number): string {
  // Date.parse rolls "02-30" over into March, so the day of the month is checked too.
  if (
    typeof at === "string" &&
    CANONICAL_INSTANT.test(at) &&
    new Date(ms).getUTCDate() === Number(at.slice(8, 10))
  ) {
    return at;
  }
  return new Date(ms).toISOString();
}

/** Step size that is large while little is known and shrinks with attempts (Pelánek 2016). */
function stepSize(k0: number, kMin: number, decay: number, n: number): number {
  return kMin + (k0 - kMin) / (1 + decay * n);
}

/**
 * Elo update after one attempt (done = 1, partly = 0.5, not yet = 0): ability += K_a·(score − p),
 * difficulty −= K_s·(score − p), with uncertainty-scaled K; the order of difficulties is then
 * restored by moving neighbours that would overtake the updated step onto it. Pure.
 */
export function updateWithAttempt(
  model: LadderModel,
  attempt: LadderAttempt,
  options?: Partial<LadderTuning>,
): LadderModel {
  const t = tuningOf(options);
  const i = stepIndex(model, attempt.stepId);
  const step = model.steps[i];
  if (!step) throw new NotFoundError("step");
  const outcome = attempt.outcome;
  if (outcome !== "done" && outcome !== "partly" && outcome !== "not_yet") {
    throw new ValidationError([{ path: "outcome", message: "must be done, partly or not_yet" }]);
  }
  const ms = instantMs(attempt.at, "at");

  let evidence = model.abilityEvidence;
  let lastAttemptAt: string | null = null;
  if (model.lastAttemptAt !== null) {
    const prevMs = Date.parse(model.lastAttemptAt);
    const idleDays = (ms - prevMs) / DAY_MS - t.idleGraceDays;
    if (idleDays > 0) evidence *= 2 ** (-idleDays / t.idleHalfLifeDays);
    // Attempts logged late, out of order, do not move the clock back.
    if (ms < prevMs) lastAttemptAt = model.lastAttemptAt;
  }
  lastAttemptAt ??= canonicalInstant(attempt.at, ms);

  const p = successAt(model.ability, step.difficulty);
  const error = outcomeScore(outcome) - p;
  const kAbility = stepSize(t.abilityK0, t.abilityKMin, t.abilityDecay, evidence);
  const kStep = stepSize(t.stepK0, t.stepKMin, t.stepDecay, step.attempts);
  // Practice makes ability grow: the gain per attempt is learned from the surprises (a local linear
  // trend, as in Holt 1957) and added after each attempt, so the model does not lag a learner.
  const practiceGain = clamp(model.practiceGain + t.gainK * error, 0, t.gainMax) + 0;
  let change = kAbility * error + practiceGain;
  // A setback is no evidence of growth: it never raises the ability (nor a success lowers it).
  if (outcome === "not_yet") change = Math.min(change, 0);
  const ability = param(model.ability + change);
  const difficulty = param(step.difficulty - kStep * error);

  const recent = step.recent.slice(step.recent.length >= RECENT_OUTCOMES ? 1 : 0);
  recent.push(outcome);
  const steps = model.steps.map((s, j) => {
    if (j === i) return { ...s, difficulty, attempts: s.attempts + 1, recent };
    // Keep the order: an easier step is never harder than this one, a harder never easier.
    if (j < i && s.difficulty > difficulty) return { ...s, difficulty };
    if (j > i && s.difficulty < difficulty) return { ...s, difficulty };
    return s;
  });

  return {
    ...model,
    ability,
    abilityEvidence: evidence + 1,
    practiceGain,
    attempts: model.attempts + 1,
    lastAttemptAt,
    currentStepId: step.id,
    steps,
  };
}

/** Records the person's own say: the step is mastered, not mastered, or back to the rule (null). */
export function setStepOverride(
  model: LadderModel,
  stepId: string,
  override: StepOverride | null,
): LadderModel {
  const i = stepIndex(model, stepId);
  return { ...model, steps: model.steps.map((s, j) => (j === i ? { ...s, override } : s)) };
}

/**
 * Brings the model in line with the ladder's steps after adding, reordering or archiving: known
 * steps keep what was learned; a new step starts from its confidence (clamped between its
 * neighbours) or midway between them; the order is then restored by weighted pooling.
 */
export function syncSteps(
  model: LadderModel,
  steps: readonly LadderStepInput[],
  options?: Partial<LadderTuning>,
): LadderModel {
  checkSteps(steps);
  const t = tuningOf(options);
  const byId = new Map(model.steps.map((s) => [s.id, s]));
  const fresh = initialDifficulties(steps, t).map((d) => d + model.ability);
  const known = steps.map((s) => byId.get(s.id)?.difficulty ?? null);
  const anyKnown = known.some((d) => d !== null);

  const raw = steps.map((s, i) => {
    const own = known[i];
    if (own !== undefined && own !== null) return own;
    if (!anyKnown) return fresh[i] ?? 0;
    let before: { i: number; d: number } | undefined;
    let after: { i: number; d: number } | undefined;
    for (let k = 0; k < known.length; k++) {
      const d = known[k];
      if (d === undefined || d === null) continue;
      if (k < i) before = { i: k, d };
      if (k > i && after === undefined) after = { i: k, d };
    }
    const lo = before?.d ?? -Infinity;
    const hi = after?.d ?? Infinity;
    if (s.confidence !== null) {
      return clamp(model.ability + confidenceDifficulty(s.confidence, t), lo, hi);
    }
    if (before && after) {
      return before.d + ((after.d - before.d) * (i - before.i)) / (after.i - before.i);
    }
    if (before) return before.d + t.unratedGap * (i - before.i);
    if (after) return after.d - t.unratedGap * (after.i - i);
    return fresh[i] ?? 0;
  });
  const weights = steps.map((s) => (byId.get(s.id)?.attempts ?? 0) + 1);
  const difficulties = isotonic(raw, weights);

  const current = model.currentStepId;
  return {
    ...model,
    currentStepId: current !== null && steps.some((s) => s.id === current) ? current : null,
    steps: steps.map((s, i) => {
      const old = byId.get(s.id);
      const difficulty = param(difficulties[i] ?? 0);
      return old
        ? { ...old, difficulty }
        : { id: s.id, difficulty, attempts: 0, recent: [], override: null };
    }),
  };
}

/** Validates stored model JSON (version 1); throws a ValidationError naming each bad field. */
export function parseLadderModel(json: unknown): LadderModel {
  const result = LadderModel.safeParse(json);
  if (!result.success) {
    throw new ValidationError(
      result.error.issues.map((issue) => ({
        path: issue.path.map(String).join(".") || "model",
        message: issue.message,
      })),
      "The stored ladder model is not valid.",
    );
  }
  return result.data;
}
