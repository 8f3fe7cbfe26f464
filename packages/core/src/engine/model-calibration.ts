import type { AttemptOutcome } from "./outcome";
import { outcomeScore } from "./outcome";

/** "How well Cando predicts you" is shown only from this many attempts with a stored prediction. */
export const MODEL_CALIBRATION_MIN_ATTEMPTS = 20;

export type ModelCalibrationBin = {
  /** Lower edge in percent: 0, 10, … 90 (the 90 bin holds 90–100). */
  bin: number;
  count: number;
  /** Mean predicted success in the bin, percent; null when empty. */
  meanPredicted: number | null;
  /** Success rate in the bin (partly counts half), percent; null when empty. */
  successPercent: number | null;
};

export type ModelCalibration = {
  attempts: number;
  enough: boolean;
  minAttempts: number;
  table: ModelCalibrationBin[];
  /** Expected calibration error in points: Σ n_b/N·|predicted − success|; null without enough data. */
  gap: number | null;
  sentence: string;
};

/**
 * The engine's own calibration on this person's real attempts: the predicted success stored with
 * each attempt against what happened, in ten 10-point bins with counts. Claimed only from
 * MODEL_CALIBRATION_MIN_ATTEMPTS attempts, so a handful of attempts is not read as a verdict.
 */
export function modelCalibration(
  items: readonly { predicted: number; outcome: AttemptOutcome }[],
  minAttempts = MODEL_CALIBRATION_MIN_ATTEMPTS,
): ModelCalibration {
  const sums = Array.from({ length: 10 }, () => ({ n: 0, p: 0, s: 0 }));
  for (const it of items) {
    const b = sums[Math.min(9, Math.max(0, Math.floor(it.predicted * 10)))];
    if (!b) continue;
    b.n++;
    b.p += it.predicted;
    b.s += outcomeScore(it.outcome);
  }
  const n = items.length;
  const table = sums.map((b, i) => ({
    bin: i * 10,
    count: b.n,
    meanPredicted: b.n === 0 ? null : Math.round((1000 * b.p) / b.n) / 10,
    successPercent: b.n === 0 ? null : Math.round((1000 * b.s) / b.n) / 10,
  }));
  const enough = n >= minAttempts;
  let gap: number | null = null;
  if (enough) {
    let e = 0;
    for (const b of sums) if (b.n > 0) e += (b.n / n) * Math.abs(b.p / b.n - b.s / b.n);
    gap = Math.round(e * 1000) / 10;
  }
  const sentence = !enough
    ? `Cando has predicted ${n} of your attempts so far; from ${minAttempts} it shows how well its predictions matched what happened.`
    : `Over your ${n} attempts, Cando's predictions were off by ${gap} points on average (by how often you succeeded at each level of prediction).`;
  return { attempts: n, enough, minAttempts, table, gap, sentence };
}
