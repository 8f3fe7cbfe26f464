import { clamp, logistic, logit } from "../src/engine/math";

/**
 * The ladder model as it was before issue 9 (version 1: Elo with step sizes that shrink with
 * attempts, no per-step uncertainty), frozen here so the simulator can score it on the very
 * attempts today's engine predicted. The table's version-1 figures came from version 1's own
 * policy, whose attempts differ; scored on the same attempts, the two models are compared fairly.
 * Only what the simulator needs: create, predict, update (done / not yet), and a step added by
 * the split flow (placed from its rating at the current ability, within its neighbours).
 */

const K = {
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
} as const;
const DAY_MS = 86_400_000;

export type ReferenceStep = { id: string; difficulty: number; attempts: number };
export type ReferenceModel = {
  ability: number;
  evidence: number;
  practiceGain: number;
  lastAt: number | null;
  steps: ReferenceStep[];
};

function confidenceDifficulty(c: number): number {
  return -logit(clamp(c / 100, K.confidenceFloor, 1 - K.confidenceFloor));
}

function isotonic(values: readonly number[]): number[] {
  const blocks: { mean: number; size: number }[] = [];
  for (const v of values) {
    blocks.push({ mean: v, size: 1 });
    for (;;) {
      const last = blocks[blocks.length - 1];
      const before = blocks[blocks.length - 2];
      if (!last || !before || before.mean <= last.mean) break;
      blocks.pop();
      const size = before.size + last.size;
      blocks[blocks.length - 1] = {
        mean: (before.mean * before.size + last.mean * last.size) / size,
        size,
      };
    }
  }
  return blocks.flatMap((b) => Array.from({ length: b.size }, () => b.mean));
}

/** Version 1's initial placement: the rating's logit, censored ends and gaps as today, no spread. */
export function createReference(
  steps: readonly { id: string; confidence: number | null }[],
): ReferenceModel {
  const lowest = 100 * K.confidenceFloor;
  const highest = 100 - lowest;
  const known: { i: number; d: number }[] = [];
  steps.forEach((s, i) => {
    const c = s.confidence;
    if (c !== null && c > lowest && c < highest) known.push({ i, d: confidenceDifficulty(c) });
  });
  const raw = steps.map((s, i) => {
    let d = -logit(K.unratedFirstStep) + K.unratedGap * i;
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
    } else if (before) d = before.d + K.unratedGap * (i - before.i);
    else if (after) d = after.d - K.unratedGap * (after.i - i);
    const c = s.confidence;
    if (c !== null && c <= lowest) d = Math.max(d, confidenceDifficulty(c));
    if (c !== null && c >= highest) d = Math.min(d, confidenceDifficulty(c));
    return d;
  });
  const fitted = isotonic(raw);
  for (let i = 1; i < fitted.length; i++) {
    fitted[i] = Math.max(fitted[i] ?? 0, (fitted[i - 1] ?? 0) + K.minInitialGap);
  }
  return {
    ability: 0,
    evidence: 0,
    practiceGain: 0,
    lastAt: null,
    steps: steps.map((s, i) => ({ id: s.id, difficulty: fitted[i] ?? 0, attempts: 0 })),
  };
}

export function referencePredict(model: ReferenceModel, index: number): number {
  const d = model.steps[index]?.difficulty ?? 0;
  return logistic(clamp(model.ability - d, -12, 12));
}

/** Version 1's update: ability += K_a·error + gain, difficulty −= K_s·error; order kept. Mutates. */
export function referenceUpdate(
  model: ReferenceModel,
  index: number,
  done: boolean,
  atMs: number,
): void {
  const step = model.steps[index];
  if (!step) return;
  if (model.lastAt !== null) {
    const idle = (atMs - model.lastAt) / DAY_MS - K.idleGraceDays;
    if (idle > 0) model.evidence *= 2 ** (-idle / K.idleHalfLifeDays);
  }
  model.lastAt = atMs;
  const error = (done ? 1 : 0) - referencePredict(model, index);
  const kAbility =
    K.abilityKMin + (K.abilityK0 - K.abilityKMin) / (1 + K.abilityDecay * model.evidence);
  const kStep = K.stepKMin + (K.stepK0 - K.stepKMin) / (1 + K.stepDecay * step.attempts);
  model.practiceGain = clamp(model.practiceGain + K.gainK * error, 0, K.gainMax);
  let change = kAbility * error + model.practiceGain;
  if (!done) change = Math.min(change, 0);
  model.ability += change;
  model.evidence += 1;
  step.difficulty -= kStep * error;
  step.attempts += 1;
  model.steps.forEach((s, j) => {
    if (j < index && s.difficulty > step.difficulty) s.difficulty = step.difficulty;
    if (j > index && s.difficulty < step.difficulty) s.difficulty = step.difficulty;
  });
}

/** A step added before `index` by the split flow: its rating at the current ability, clamped. */
export function referenceAddStep(
  model: ReferenceModel,
  index: number,
  id: string,
  confidence: number,
): void {
  const lo = model.steps[index - 1]?.difficulty ?? Number.NEGATIVE_INFINITY;
  const hi = model.steps[index]?.difficulty ?? Number.POSITIVE_INFINITY;
  const difficulty = clamp(model.ability + confidenceDifficulty(confidence), lo, hi);
  model.steps.splice(index, 0, { id, difficulty, attempts: 0 });
}
