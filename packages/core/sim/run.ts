import {
  isStepMastered,
  type LadderModel,
  predictSuccess,
  syncSteps,
  updateWithAttempt,
} from "../src/engine";
import {
  addStepBefore,
  attempt,
  CLIFF,
  createLearner,
  DEFAULT_LEARNER_CONFIG,
  LADDER_STEPS,
  type LearnerConfig,
  type LearnerProfile,
  rest,
  startLearner,
} from "./learners";
import { auc, brier, ece, logLoss, median, rmse } from "./metrics";
import {
  adaptivePolicy,
  createModelFor,
  easiestUnmasteredPolicy,
  fixedPolicy,
  type Policy,
  type PolicyName,
} from "./policies";
import {
  createReference,
  referenceAddStep,
  referencePredict,
  referenceUpdate,
} from "./reference-v1";
import { deriveSeed, mulberry32, type Rng } from "./rng";

export type SimOptions = {
  learners: number;
  /** Attempt budget per learner. */
  attempts: number;
  seed: number;
  learner: LearnerConfig;
};

export const DEFAULT_SIM_OPTIONS: SimOptions = {
  learners: 1000,
  attempts: 200,
  seed: 20260101,
  learner: DEFAULT_LEARNER_CONFIG,
};

/**
 * Clocks given in, so the library stays free of globals: `wall` is a monotonic clock in ms and
 * `cpu` the process's CPU time in ms (user + system), which other load on the machine barely moves.
 */
export type Timer = { wall: () => number; cpu: () => number };

export type PolicyResult = {
  policy: PolicyName;
  attempts: number;
  /** Share of attempts whose true success probability lay in [0.65, 0.90]. */
  inBand: number;
  /** Share of learners who succeeded at the goal step within the budget. */
  reachedGoal: number;
  /** Median attempts to the first success at the goal step (Infinity if most never got there). */
  medianToGoal: number;
  /** Median true success probability at the goal step when first done: luck or capability? */
  goalSuccessP: number;
  logLoss: number;
  brier: number;
  auc: number;
  ece: number;
  /** Root mean squared error of the predictions against the true chances (policy-independent). */
  rmse: number;
  /** Share of recommendations right after a success that pointed to a lower step (target 0). */
  downAfterSuccess: number;
  /** Mastered steps that stopped being mastered after an attempt on another step (target 0). */
  masteryLostElsewhere: number;
  /** Steps added by the split flow (adaptive only). */
  stepsAdded: number;
  /** Version 1's model (sim/reference-v1.ts) scored on these very attempts. */
  reference: Scores;
  /** The engine's calibration by phase: first attempts on a step, 2nd–3rd, 4th and later. */
  phases: Phase[];
  ms: number;
};

export type Scores = { logLoss: number; brier: number; ece: number; rmse: number };
export type Phase = {
  phase: "first" | "2nd–3rd" | "4th+";
  attempts: number;
  /** Mean predicted success, and the share done, of the engine and of version 1's model. */
  predicted: number;
  done: number;
  ece: number;
  referencePredicted: number;
  referenceEce: number;
};

export type SimResult = {
  options: SimOptions;
  policies: PolicyResult[];
  /** The same policies on "cliff" learners: one jump much bigger than the others. */
  cliff: { extra: readonly [number, number]; policies: PolicyResult[] } | null;
  /** The adaptive policy over learners × attempts without stopping at the goal (engine + learners). */
  throughput: { learners: number; attempts: number; ms: number; cpuMs: number };
};

export const BAND_LOW = 0.65;
export const BAND_HIGH = 0.9;
const START_MS = Date.UTC(2026, 0, 5, 18, 0, 0);
const DAY = 86_400_000;

/** Days until the next attempt: usually the next day, sometimes a break of one to four weeks. */
function nextGap(rng: Rng): number {
  if (rng() < 0.04) return 7 + Math.floor(rng() * 22);
  return 1 + (rng() < 0.3 ? 1 : 0);
}

type RunLog = {
  predicted: number[];
  reference: number[];
  /** 0: first attempt on the step, 1: its 2nd or 3rd, 2: later. */
  phase: number[];
  truth: number[];
  outcomes: number[];
  inBand: number;
  toGoal: number[];
  goalP: number[];
  afterSuccess: number;
  downAfterSuccess: number;
  masteryLostElsewhere: number;
  stepsAdded: number;
};

function emptyLog(): RunLog {
  return {
    predicted: [],
    reference: [],
    phase: [],
    truth: [],
    outcomes: [],
    inBand: 0,
    toGoal: [],
    goalP: [],
    afterSuccess: 0,
    downAfterSuccess: 0,
    masteryLostElsewhere: 0,
    stepsAdded: 0,
  };
}

function runLearner(
  profile: LearnerProfile,
  policy: Policy,
  options: SimOptions,
  log: RunLog,
  stopAtGoal: boolean,
): void {
  const learner = startLearner(profile);
  // The same streams for every policy (common random numbers), so differences are the policy's.
  const outcomes = mulberry32(deriveSeed(options.seed, profile.index, 2));
  const calendar = mulberry32(deriveSeed(options.seed, profile.index, 3));
  let model: LadderModel = createModelFor(profile.confidence);
  // Version 1's model beside it, on the same attempts (measured runs only).
  const reference = stopAtGoal
    ? createReference(profile.confidence.map((c, i) => ({ id: `s${i + 1}`, confidence: c })))
    : null;
  const goalId = model.steps[LADDER_STEPS - 1]?.id ?? "";
  let at = START_MS;
  let reachedAt = Number.POSITIVE_INFINITY;
  let lastDone = -1;
  let added = 0;
  for (let n = 1; n <= options.attempts; n++) {
    const split = policy.split?.(model) ?? null;
    if (split) {
      // The person adds the smaller step (no attempt is spent on that).
      const j = model.steps.findIndex((s) => s.id === split.beforeStepId);
      addStepBefore(learner, j);
      const steps = model.steps.map((s) => ({ id: s.id, confidence: s.rating }));
      steps.splice(j, 0, { id: `added-${++added}`, confidence: split.suggestedConfidence });
      model = syncSteps(model, steps);
      if (reference) referenceAddStep(reference, j, `added-${added}`, split.suggestedConfidence);
      log.stepsAdded += 1;
    }
    const step = policy.choose(model);
    const stepId = model.steps[step]?.id ?? "";
    if (lastDone >= 0) {
      log.afterSuccess += 1;
      if (step < lastDone) log.downAfterSuccess += 1;
    }
    const predicted = predictSuccess(model, stepId);
    const tried = model.steps[step]?.attempts ?? 0;
    const { p, done } = attempt(learner, step, outcomes);
    log.predicted.push(predicted);
    if (reference) {
      log.reference.push(referencePredict(reference, step));
      log.phase.push(tried === 0 ? 0 : tried < 3 ? 1 : 2);
      referenceUpdate(reference, step, done, at);
    }
    log.truth.push(p);
    log.outcomes.push(done ? 1 : 0);
    if (p >= BAND_LOW && p <= BAND_HIGH) log.inBand += 1;
    const before = model;
    model = updateWithAttempt(model, {
      stepId,
      outcome: done ? "done" : "not_yet",
      at: new Date(at).toISOString(),
    });
    // Measured runs only: the throughput pass times the engine and the learners, not this check.
    if (stopAtGoal) {
      for (const s of before.steps) {
        if (s.id === stepId || (!s.mastered && s.override === null)) continue;
        if (isStepMastered(before, s.id) && !isStepMastered(model, s.id)) {
          log.masteryLostElsewhere += 1;
        }
      }
    }
    policy.observe(step, done);
    lastDone = done ? step : -1;
    if (done && stepId === goalId && reachedAt === Number.POSITIVE_INFINITY) {
      reachedAt = n;
      log.goalP.push(p);
      if (stopAtGoal) break;
    }
    const gap = nextGap(calendar);
    rest(learner, gap);
    at += gap * DAY;
  }
  log.toGoal.push(reachedAt);
}

const PHASES: Phase["phase"][] = ["first", "2nd–3rd", "4th+"];
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

function phasesOf(log: RunLog): Phase[] {
  return PHASES.map((phase, k) => {
    const at = log.phase.flatMap((ph, i) => (ph === k ? [i] : []));
    const p = at.map((i) => log.predicted[i] ?? 0);
    const r = at.map((i) => log.reference[i] ?? 0);
    const y = at.map((i) => log.outcomes[i] ?? 0);
    return {
      phase,
      attempts: at.length,
      predicted: mean(p),
      done: mean(y),
      ece: ece(p, y),
      referencePredicted: mean(r),
      referenceEce: ece(r, y),
    };
  });
}

function makePolicy(name: PolicyName): Policy {
  if (name === "adaptive") return adaptivePolicy();
  if (name === "fixed") return fixedPolicy(LADDER_STEPS);
  return easiestUnmasteredPolicy(LADDER_STEPS);
}

export const POLICIES: readonly PolicyName[] = ["adaptive", "fixed", "easiest_unmastered"];

function runPolicies(
  profiles: readonly LearnerProfile[],
  options: SimOptions,
  timer: Timer,
): PolicyResult[] {
  return POLICIES.map((name): PolicyResult => {
    const log = emptyLog();
    const t0 = timer.wall();
    for (const profile of profiles) runLearner(profile, makePolicy(name), options, log, true);
    const ms = timer.wall() - t0;
    const n = log.predicted.length;
    return {
      policy: name,
      attempts: n,
      inBand: n === 0 ? 0 : log.inBand / n,
      reachedGoal: log.toGoal.filter(Number.isFinite).length / Math.max(1, log.toGoal.length),
      medianToGoal: median(log.toGoal),
      goalSuccessP: median(log.goalP),
      logLoss: logLoss(log.predicted, log.outcomes),
      brier: brier(log.predicted, log.outcomes),
      auc: auc(log.predicted, log.outcomes),
      ece: ece(log.predicted, log.outcomes),
      rmse: rmse(log.predicted, log.truth),
      downAfterSuccess: log.afterSuccess === 0 ? 0 : log.downAfterSuccess / log.afterSuccess,
      masteryLostElsewhere: log.masteryLostElsewhere,
      stepsAdded: log.stepsAdded,
      reference: {
        logLoss: logLoss(log.reference, log.outcomes),
        brier: brier(log.reference, log.outcomes),
        ece: ece(log.reference, log.outcomes),
        rmse: rmse(log.reference, log.truth),
      },
      phases: phasesOf(log),
      ms,
    };
  });
}

/**
 * Runs every policy on the same learners; a learner's run ends at the first success at the goal.
 * Then the same on "cliff" learners (one much bigger jump), unless the run already has cliffs.
 */
export function runSimulation(options: SimOptions, timer: Timer): SimResult {
  const profiles = Array.from({ length: options.learners }, (_, i) =>
    createLearner(options.seed, i, options.learner),
  );
  // Warm the JIT on a few learners first, so the timings measure the engine, not the compiler.
  for (const profile of profiles.slice(0, 50)) {
    for (const name of POLICIES) runLearner(profile, makePolicy(name), options, emptyLog(), true);
  }
  const policies = runPolicies(profiles, options, timer);
  let cliff: SimResult["cliff"] = null;
  if (options.learner.cliff === null) {
    const config = { ...options.learner, cliff: CLIFF };
    const cliffProfiles = Array.from({ length: options.learners }, (_, i) =>
      createLearner(options.seed, i, config),
    );
    cliff = { extra: CLIFF, policies: runPolicies(cliffProfiles, options, timer) };
  }

  // Throughput: the adaptive policy for the full budget (no stop at the goal).
  const log = emptyLog();
  const t0 = timer.wall();
  const c0 = timer.cpu();
  for (const profile of profiles) runLearner(profile, adaptivePolicy(), options, log, false);
  const ms = timer.wall() - t0;
  const cpuMs = timer.cpu() - c0;

  return {
    options,
    policies,
    cliff,
    throughput: { learners: options.learners, attempts: options.attempts, ms, cpuMs },
  };
}
