import { deriveSeed, mulberry32, normal, type Rng, uniform } from "./rng";

/**
 * Synthetic learners for the ladder benchmark (documented in docs/engine.md). Deliberately not the
 * engine's own model: success has a learner-specific slope plus slip and guess rates, the steps'
 * gaps are uneven, stated confidence is biased per learner and noisy per step, skill grows most
 * with practice in a middle band of difficulty and fades a little over long breaks.
 */

export const LADDER_STEPS = 8;
/** Chance of failing a step one has long outgrown, and of a fluke success on a hopeless one. */
export const SLIP = 0.02;
export const GUESS = 0.005;
/** Growth is largest at this true success probability … */
export const GROWTH_PEAK = 0.7;
/** … with g(p) ∝ p^7 (1 − p)^3: under 5% of the peak above p = 0.95 or below p = 0.3. */
const GROWTH_A = 7;
const GROWTH_B = 3;
const GROWTH_NORM = GROWTH_PEAK ** GROWTH_A * (1 - GROWTH_PEAK) ** GROWTH_B;
/** Logits of skill lost per idle day beyond a week. */
export const FORGET_PER_IDLE_DAY = 0.015;
export const FORGET_GRACE_DAYS = 7;

/** The ranges learners are drawn from; the defaults are the documented learner model. */
export type LearnerConfig = {
  /** Logits between neighbouring steps, drawn uniformly from [lo, hi]. */
  gaps: readonly [number, number];
  /** Logits of growth per attempt at the peak of g(p), drawn uniformly from [lo, hi]. */
  gains: readonly [number, number];
  /**
   * A "cliff": extra logits, drawn uniformly from [lo, hi], added to one gap between steps 3 and
   * 8 (chosen at random), so one jump is much bigger than the others; null for none.
   */
  cliff: readonly [number, number] | null;
};

export const DEFAULT_LEARNER_CONFIG: LearnerConfig = {
  gaps: [0.6, 1.6],
  gains: [0.1, 0.3],
  cliff: null,
};
/** The cliff learners' extra jump (reported beside the default run). */
export const CLIFF: readonly [number, number] = [1.5, 2.5];

export type ConfidenceKind = "under_confident" | "calibrated" | "over_confident";

export type LearnerProfile = {
  index: number;
  /** Slope of the success curve (discrimination). */
  slope: number;
  /** True step difficulties in skill units, increasing. */
  difficulties: number[];
  /** Skill at the start (skill units). */
  skill: number;
  /** Logits of growth per attempt at the peak of g(p). */
  gain: number;
  kind: ConfidenceKind;
  /** The person's bias, in logits, when rating confidence. */
  confidenceBias: number;
  /** Stated confidence per step at the start, 0–100 in steps of 10 (Bandura's format). */
  confidence: number[];
};

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Relative skill growth from one effortful attempt at true success probability p (peak = 1). */
export function growth(p: number): number {
  return (p ** GROWTH_A * (1 - p) ** GROWTH_B) / GROWTH_NORM;
}

/** Draws learner `index` of a run; the same seed and index always give the same learner. */
export function createLearner(
  seed: number,
  index: number,
  config: LearnerConfig = DEFAULT_LEARNER_CONFIG,
): LearnerProfile {
  const rng = mulberry32(deriveSeed(seed, index, 1));
  const slope = uniform(rng, 0.8, 1.6);
  // Initial logits: the first step well within reach (p 0.82–0.95); each next step "a little"
  // stretch: mastering a step (p ≈ 0.9) should leave the next near p ≈ 0.75, a gap of about 1.1
  // logits, so gaps are drawn uneven around that (0.6–1.6). The goal then starts near p ≈ 0.5%.
  const first = uniform(rng, 1.5, 3);
  const logits = [first];
  for (let j = 1; j < LADDER_STEPS; j++) {
    logits.push((logits[j - 1] ?? first) - uniform(rng, config.gaps[0], config.gaps[1]));
  }
  if (config.cliff) {
    // Its own stream, so cliff learners are otherwise the very same learners.
    const cliffRng = mulberry32(deriveSeed(seed, index, 4));
    const at = 2 + Math.floor(cliffRng() * (LADDER_STEPS - 2));
    const extra = uniform(cliffRng, config.cliff[0], config.cliff[1]);
    for (let j = at; j < LADDER_STEPS; j++) logits[j] = (logits[j] ?? 0) - extra;
  }
  const skill = 0;
  const difficulties = logits.map((l) => skill - l / slope);
  const u = rng();
  const kind: ConfidenceKind =
    u < 0.35 ? "under_confident" : u < 0.65 ? "calibrated" : "over_confident";
  const confidenceBias =
    kind === "under_confident"
      ? normal(rng, -1.2, 0.3)
      : kind === "over_confident"
        ? normal(rng, 1.0, 0.3)
        : normal(rng, 0, 0.3);
  const confidence = logits.map((l) => {
    const c = 100 * sigmoid(l + confidenceBias + normal(rng, 0, 0.4));
    return Math.min(100, Math.max(0, Math.round(c / 10) * 10));
  });
  return {
    index,
    slope,
    difficulties,
    skill,
    gain: uniform(rng, config.gains[0], config.gains[1]),
    kind,
    confidenceBias,
    confidence,
  };
}

/** A learner's live state during one policy's run (the profile itself is never changed). */
export type LearnerState = { profile: LearnerProfile; skill: number };

export function startLearner(profile: LearnerProfile): LearnerState {
  return { profile: { ...profile, difficulties: [...profile.difficulties] }, skill: profile.skill };
}

/**
 * The learner adds a step before step j (the split flow): in truth midway between step j − 1 and
 * step j, or one logit below the first step.
 */
export function addStepBefore(state: LearnerState, j: number): void {
  const d = state.profile.difficulties;
  const here = d[j] ?? 0;
  d.splice(j, 0, j > 0 ? ((d[j - 1] ?? here) + here) / 2 : here - 1 / state.profile.slope);
}

/** True probability of success at step j now, with slip and guess rates. */
export function trueSuccess(state: LearnerState, j: number): number {
  const d = state.profile.difficulties[j] ?? 0;
  return GUESS + (1 - GUESS - SLIP) * sigmoid(state.profile.slope * (state.skill - d));
}

/** One attempt at step j: a noisy outcome, then skill grows by gain · g(p) · noise. */
export function attempt(state: LearnerState, j: number, rng: Rng): { p: number; done: boolean } {
  const p = trueSuccess(state, j);
  const done = rng() < p;
  const logitGain = state.profile.gain * growth(p) * (0.5 + rng());
  state.skill += logitGain / state.profile.slope;
  return { p, done };
}

/** A break of `days` days: beyond a week, skill fades slowly. */
export function rest(state: LearnerState, days: number): void {
  const idle = days - FORGET_GRACE_DAYS;
  if (idle > 0) state.skill -= (FORGET_PER_IDLE_DAY * idle) / state.profile.slope;
}
