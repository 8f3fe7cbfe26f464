import { z } from "zod";
import { NotFoundError, ValidationError } from "../errors";
import { DAY_MS } from "../time";
import { instantMs } from "./days";
import { clamp, logistic, logit } from "./math";
import { AttemptOutcome, outcomeScore } from "./outcome";

/**
 * The adaptive ladder's success model: p(success at step i) = logistic(ability − difficulty[i]),
 * an Elo / item-response model as in Math Garden (Klinkenberg, Straatemeier & van der Maas 2011;
 * Pelánek 2016). One ability per person-and-goal, one difficulty per step, in logits, each with
 * its own uncertainty (a variance, as in Glicko; Glickman 1999), so that a surprise is shared by
 * how much is known about each: a first setback on an untried step mostly moves that step.
 */

export const LADDER_MODEL_VERSION = 3;
/** p(1 − p) at p = 0.8, where an attempt adds exactly the practice gain. */
const GAIN_AT_INFO = 0.16;
/** Outcomes kept per step for the mastery and split rules. */
export const RECENT_OUTCOMES = 3;
/** A step is mastered when its predicted success is at least this … */
export const MASTERY_MIN_PREDICTED = 0.9;
/** … and at least this many of its last three attempts were done (partly does not count). */
export const MASTERY_MIN_RECENT_DONE = 2;
/** Logits are clamped to ±this when predicting, so p stays strictly inside (0, 1). */
const MAX_LOGIT = 12;
/** Stored numbers are kept within ±this, so the JSON stays finite whatever happens. */
const MAX_PARAM = 50;

/** A number to store: clamped, and −0 made 0 (JSON has no −0, so a round trip would differ). */
function param(x: number): number {
  return clamp(x, -MAX_PARAM, MAX_PARAM) + 0;
}

/** −0 as 0: JSON writes −0 as 0, so a model holding −0 would not survive being stored. */
const positiveZero = (x: number) => x + 0;

/** A stored number within [min, max], read back with −0 as 0 (JSON.parse("-0") is −0). */
function stored(min: number, max: number) {
  return z.number().min(min).max(max).overwrite(positiveZero);
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
  /** Variance (logits²) of the ability before any attempt: how far ratings may be off overall. */
  abilityVariance0: number;
  /** Variance added to the ability per attempt (it grows with practice), keeping it learning … */
  abilityNoise: number;
  /** … and never below this, so the estimate keeps up with a learner who keeps growing. */
  abilityVarianceMin: number;
  /** Variance of a rated step's difficulty before any attempt on it (a rating's own error). */
  stepVarianceRated: number;
  /** Variance of an unrated step's difficulty (it was guessed from its neighbours). */
  stepVarianceUnrated: number;
  /** A step's variance never falls below this (steps are not perfectly stable either). */
  stepVarianceMin: number;
  /** How fast the per-attempt practice gain is learned from surprises (0 turns the drift off). */
  gainK: number;
  /** Upper bound of the practice gain, in logits per attempt. */
  gainMax: number;
  /**
   * The practice gain before any attempt, at a predicted success of 0.8: practice at the right
   * level makes people grow, so the model expects some growth from the start (0.11 logits per
   * attempt: a step of about 1.1 logits in about ten attempts) instead of lagging until it has
   * learned it. An attempt adds it in proportion to p(1 − p): an easy win or a long shot builds
   * less than a stretch.
   */
  practiceGain0: number;
  /** Gaps longer than this many days make the ability uncertain again … */
  idleGraceDays: number;
  /** … adding this much variance per idle day beyond the grace (never beyond the start's). */
  idleNoisePerDay: number;
};

export const DEFAULT_LADDER_TUNING: Readonly<LadderTuning> = Object.freeze({
  confidenceFloor: 0.05,
  unratedFirstStep: 0.9,
  unratedGap: 1.0,
  minInitialGap: 0.25,
  abilityVariance0: 0.4,
  abilityNoise: 0.001,
  abilityVarianceMin: 0.15,
  stepVarianceRated: 0.45,
  stepVarianceUnrated: 1.0,
  stepVarianceMin: 0.02,
  gainK: 0.02,
  gainMax: 0.5,
  practiceGain0: 0.11,
  idleGraceDays: 7,
  idleNoisePerDay: 0.01,
});

export const StepOverride = z.enum(["mastered", "unmastered"]);
export type StepOverride = z.infer<typeof StepOverride>;

export const LadderStepState = z.object({
  id: z.string().min(1),
  /** The person's confidence rating the step was last placed from (0–100), null if unrated. */
  rating: stored(0, 100).nullable(),
  /** Logits; never lower than the step before it. */
  difficulty: stored(-MAX_PARAM, MAX_PARAM),
  /** Uncertainty of the difficulty (a variance, logits²). */
  variance: z.number().positive().max(MAX_PARAM),
  attempts: z.number().int().min(0),
  /** The last outcomes on this step, oldest first (at most RECENT_OUTCOMES). */
  recent: z.array(AttemptOutcome).max(RECENT_OUTCOMES),
  /**
   * Mastered by the rule (see mastery.ts), remembered: set when the rule holds after any attempt,
   * cleared only when setbacks on this step itself leave fewer than 2 of its last 3 done.
   */
  mastered: z.boolean(),
  /** The person's own say on mastery, which beats the rule. */
  override: StepOverride.nullable(),
});
export type LadderStepState = z.infer<typeof LadderStepState>;

export const LadderModel = z
  .object({
    version: z.literal(LADDER_MODEL_VERSION),
    /** Logits. */
    ability: stored(-MAX_PARAM, MAX_PARAM),
    /** Uncertainty of the ability (a variance, logits²); grows with practice and idle time. */
    abilityVariance: z.number().positive().max(MAX_PARAM),
    /** Learned growth of ability per attempt (practice gain), logits; added after each attempt. */
    practiceGain: stored(0, MAX_PARAM),
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
    // Predictions allow for the step's uncertainty, so the difficulty is spread by as much: before
    // any attempt, each step is predicted at the person's own rating.
    return d * spreadOf(initialVariance(c, t));
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

/** Variance of a step placed from this rating: a censored (0, 100) or missing rating says less. */
function initialVariance(confidence: number | null, t: LadderTuning): number {
  const lowest = 100 * t.confidenceFloor;
  return confidence !== null && confidence > lowest && confidence < 100 - lowest
    ? t.stepVarianceRated
    : t.stepVarianceUnrated;
}

/** The rating to store: the step's confidence, −0 as 0 (every stored number survives JSON). */
function ratingOf(s: LadderStepInput): number | null {
  return s.confidence === null ? null : positiveZero(s.confidence);
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
    abilityVariance: t.abilityVariance0,
    practiceGain: t.practiceGain0,
    attempts: 0,
    lastAttemptAt: null,
    currentStepId: null,
    steps: steps.map((s, i) => ({
      id: s.id,
      rating: ratingOf(s),
      difficulty: param(difficulties[i] ?? 0),
      variance: initialVariance(s.confidence, t),
      attempts: 0,
      recent: [],
      mastered: false,
      override: null,
    })),
  };
}

function stepIndex(model: LadderModel, stepId: string): number {
  const i = model.steps.findIndex((s) => s.id === stepId);
  if (i < 0) throw new NotFoundError("step");
  return i;
}

/**
 * How much uncertainty flattens a prediction: p = logistic(z / √(1 + SPREAD·V)). Glicko's g factor
 * uses 3/π²; three times that was better calibrated on the simulator (docs/engine.md).
 */
const UNCERTAINTY_SPREAD = 9 / Math.PI ** 2;

/**
 * Success at a difficulty, allowing for how uncertain it is (as Glicko's expected score allows for
 * the opponent's rating deviation): a step not yet known predicts less extreme chances.
 */
function spreadOf(variance: number): number {
  return Math.sqrt(1 + UNCERTAINTY_SPREAD * variance);
}

function successAt(ability: number, difficulty: number, variance: number): number {
  const z = (ability - difficulty) / spreadOf(variance);
  return logistic(clamp(z, -MAX_LOGIT, MAX_LOGIT));
}

/** Predicted probability (strictly between 0 and 1) that the person succeeds at the step now. */
export function predictSuccess(model: LadderModel, stepId: string): number {
  const i = stepIndex(model, stepId);
  return laddered(model.ability, model.steps, i);
}

/**
 * The prediction of step `upTo` given an ability: its own chance, never above an easier step's (an
 * uncertain easier step is predicted less extremely, which must not make a harder step likelier).
 */
function laddered(ability: number, steps: readonly LadderStepState[], upTo: number): number {
  let p = 1;
  for (let j = 0; j <= upTo; j++) {
    const s = steps[j];
    if (s) p = Math.min(p, successAt(ability, s.difficulty, s.variance));
  }
  return p;
}

/** Predicted success for every step, in ladder order (a harder step is never likelier). */
export function predictLadder(model: LadderModel): { stepId: string; predictedSuccess: number }[] {
  let p = 1;
  return model.steps.map((s) => {
    p = Math.min(p, successAt(model.ability, s.difficulty, s.variance));
    return { stepId: s.id, predictedSuccess: p };
  });
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

function doneCount(recent: readonly AttemptOutcome[]): number {
  let n = 0;
  for (const o of recent) if (o === "done") n++;
  return n;
}

/**
 * The update after one attempt (done = 1, partly = 0.5, not yet = 0), the single place the rule
 * lives (replay folds it over the history). The surprise `score − p` moves ability − difficulty by
 * one Newton step of the logistic likelihood, V·(score − p)/(1 + V·p(1 − p)) with V the sum of the
 * two variances (Glicko-style; Glickman 1999, Pelánek 2016), and is shared by variance: the less
 * is known about a part, the more of the surprise it takes. Both variances then shrink; the
 * ability's grows again with practice and idle time. A learned practice gain is added (Holt 1957);
 * a setback never raises the ability. The order of difficulties is restored by moving neighbours
 * that would overtake the updated step onto it, and mastery is remembered (only setbacks on a
 * step itself take it away). Pure.
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

  let abilityVariance = model.abilityVariance;
  let lastAttemptAt: string | null = null;
  if (model.lastAttemptAt !== null) {
    const prevMs = Date.parse(model.lastAttemptAt);
    const idleDays = (ms - prevMs) / DAY_MS - t.idleGraceDays;
    // After a long break the ability is less certain (as Glicko lets a rating's deviation grow).
    if (idleDays > 0) {
      const cap = Math.max(abilityVariance, t.abilityVariance0);
      abilityVariance = Math.min(abilityVariance + t.idleNoisePerDay * idleDays, cap);
    }
    // Attempts logged late, out of order, do not move the clock back.
    if (ms < prevMs) lastAttemptAt = model.lastAttemptAt;
  }
  lastAttemptAt ??= canonicalInstant(attempt.at, ms);

  // The surprise is measured against the step's own predicted chance (as Glicko's expected score
  // allows for the opponent's deviation only); the variances then decide how far the estimate
  // moves and who takes how much of it. (A chance flattened by both variances made every success
  // look more surprising than the prediction shown, and the model noisier; docs/engine.md.)
  const p = successAt(model.ability, step.difficulty, step.variance);
  const error = outcomeScore(outcome) - p;
  const info = p * (1 - p);
  const total = abilityVariance + step.variance;
  const shift = (total * error) / (1 + total * info);
  const shrink = info / (1 + total * info);
  // Practice makes ability grow: the gain per attempt is learned from the surprises (a local linear
  // trend, as in Holt 1957) and added after each attempt, so the model does not lag a learner. It
  // is scaled by p(1 − p), 1 at p = 0.8: a stretch builds skill, an easy win or a long shot less
  // (learning goes with the gradient of the logistic, p(1 − p); Wilson et al. 2019).
  const practiceGain = clamp(model.practiceGain + t.gainK * error, 0, t.gainMax) + 0;
  let change = (abilityVariance / total) * shift + (practiceGain * info) / GAIN_AT_INFO;
  // A setback is no evidence of growth: it never raises the ability (nor a success lowers it).
  if (outcome === "not_yet") change = Math.min(change, 0);
  const ability = param(model.ability + change);
  const difficulty = param(step.difficulty - (step.variance / total) * shift);
  const nextAbilityVariance = clamp(
    abilityVariance * (1 - abilityVariance * shrink) + t.abilityNoise,
    t.abilityVarianceMin,
    MAX_PARAM,
  );
  const stepVariance = clamp(
    step.variance * (1 - step.variance * shrink),
    t.stepVarianceMin,
    MAX_PARAM,
  );

  const recent = step.recent.slice(step.recent.length >= RECENT_OUTCOMES ? 1 : 0);
  recent.push(outcome);
  const steps = model.steps.map((s, j) => {
    if (j === i) {
      return { ...s, difficulty, variance: stepVariance, attempts: s.attempts + 1, recent };
    }
    // Keep the order: an easier step is never harder than this one, a harder never easier.
    if (j < i && s.difficulty > difficulty) return { ...s, difficulty };
    if (j > i && s.difficulty < difficulty) return { ...s, difficulty };
    return s;
  });
  // Mastery with memory: any step meeting the rule now is mastered from now on; only this step's
  // own record can take its mastery away (fewer than 2 of its last 3 attempts done).
  for (let j = 0; j < steps.length; j++) {
    const s = steps[j];
    if (!s || (s.mastered && j !== i)) continue;
    const enough = doneCount(s.recent) >= MASTERY_MIN_RECENT_DONE;
    // (The prediction is only worked out when it can decide: a hot path in replay and simulation.)
    const mastered = enough && (s.mastered || laddered(ability, steps, j) >= MASTERY_MIN_PREDICTED);
    if (mastered !== s.mastered) steps[j] = { ...s, mastered };
  }

  return {
    ...model,
    ability,
    abilityVariance: nextAbilityVariance,
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
 * Brings the model in line with the ladder's steps after adding, reordering, archiving or
 * re-rating: known steps keep what was learned, while a new step, or an untried one whose rating
 * changed (so a re-rating moves it), starts from its confidence at the current ability (clamped
 * between its known neighbours) or midway between them; the order is then restored by weighted
 * pooling. (The server replays the model from the facts instead: see replay.ts.)
 */
export function syncSteps(
  model: LadderModel,
  steps: readonly LadderStepInput[],
  options?: Partial<LadderTuning>,
): LadderModel {
  checkSteps(steps);
  const t = tuningOf(options);
  const byId = new Map(model.steps.map((s) => [s.id, s]));
  // A step keeps what was learned unless it is untried and the person has re-rated it.
  const kept = (s: LadderStepInput): LadderStepState | undefined => {
    const old = byId.get(s.id);
    return old && (old.attempts > 0 || old.rating === s.confidence) ? old : undefined;
  };
  const fresh = initialDifficulties(steps, t).map((d) => d + model.ability);
  const known = steps.map((s) => kept(s)?.difficulty ?? null);
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
      const spread = spreadOf(initialVariance(s.confidence, t));
      return clamp(model.ability + confidenceDifficulty(s.confidence, t) * spread, lo, hi);
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
      if (old && kept(s)) return { ...old, difficulty };
      if (old) {
        return {
          ...old,
          rating: ratingOf(s),
          difficulty,
          variance: initialVariance(s.confidence, t),
        };
      }
      return {
        id: s.id,
        rating: ratingOf(s),
        difficulty,
        variance: initialVariance(s.confidence, t),
        attempts: 0,
        recent: [],
        mastered: false,
        override: null,
      };
    }),
  };
}

/**
 * A version-1 model (before per-step uncertainty and remembered mastery) in today's shape, as
 * well as it can be without the history: variances from the attempt counts, mastery by today's
 * rule, ratings unknown. The server replays the history instead whenever it has it.
 */
function upgradeFromVersion1(json: Record<string, unknown>): unknown {
  const t = DEFAULT_LADDER_TUNING;
  const evidence = typeof json.abilityEvidence === "number" ? json.abilityEvidence : 0;
  const ability = typeof json.ability === "number" ? json.ability : 0;
  const steps = Array.isArray(json.steps) ? json.steps : [];
  return {
    ...json,
    version: LADDER_MODEL_VERSION,
    abilityEvidence: undefined,
    abilityVariance: Math.max(t.abilityVariance0 / (1 + 0.5 * evidence), 0.1),
    steps: steps.map((raw: unknown) => {
      const s = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
      const attempts = typeof s.attempts === "number" ? s.attempts : 0;
      const recent = Array.isArray(s.recent) ? s.recent : [];
      const difficulty = typeof s.difficulty === "number" ? s.difficulty : 0;
      const done = recent.filter((o) => o === "done").length;
      return {
        ...s,
        rating: null,
        variance: Math.max(t.stepVarianceRated / (1 + 0.5 * attempts), t.stepVarianceMin),
        mastered:
          done >= MASTERY_MIN_RECENT_DONE &&
          successAt(ability, difficulty, t.stepVarianceMin) >= MASTERY_MIN_PREDICTED,
      };
    }),
  };
}

/**
 * Validates stored model JSON (version 3; version 2 has the same shape, its numbers from the
 * earlier update rule, and is read as it is; version 1 is upgraded); throws a ValidationError
 * naming each bad field. The server replays older versions from the facts instead (replay.ts).
 */
export function parseLadderModel(json: unknown): LadderModel {
  const version =
    typeof json === "object" && json !== null ? (json as { version?: unknown }).version : null;
  const input =
    version === 1
      ? upgradeFromVersion1(json as Record<string, unknown>)
      : version === 2
        ? { ...(json as Record<string, unknown>), version: LADDER_MODEL_VERSION }
        : json;
  const result = LadderModel.safeParse(input);
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
