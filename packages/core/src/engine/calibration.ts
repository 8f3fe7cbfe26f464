import { ValidationError } from "../errors";
import { CALIBRATION_BIAS_THRESHOLD, CALIBRATION_MIN_ATTEMPTS } from "./calibration-rules";
import { instantMs, monthOf } from "./days";
import { mean } from "./math";
import { type AttemptOutcome, outcomeScore } from "./outcome";

export { CALIBRATION_BIAS_THRESHOLD, CALIBRATION_MIN_ATTEMPTS } from "./calibration-rules";
/** The plain-language sentence describes at most this many recent attempts. */
export const CALIBRATION_SENTENCE_WINDOW = 20;

export type CalibrationAttempt = {
  /** When the attempt was made (ISO-8601). */
  at: string;
  /** Confidence stated just before the attempt, 0–100. */
  confidence: number;
  outcome: AttemptOutcome;
};

export type CalibrationVerdict =
  | "under_confident"
  | "calibrated"
  | "over_confident"
  | "not_enough_data";

export type CalibrationBin = {
  /** Lower edge of the 10-point bin: 0, 10, … 90 (the 90 bin includes 100). */
  bin: number;
  count: number;
  /** Null when the bin is empty. */
  meanConfidence: number | null;
  /** Success rate in points (0–100), partly counting half; null when empty. */
  successPercent: number | null;
};

export type CalibrationPeriod = {
  /** `YYYY-MM` (UTC). */
  month: string;
  attempts: number;
  meanConfidence: number;
  successPercent: number;
  bias: number;
};

export type BeliefCalibration = {
  attempts: number;
  meanConfidence: number | null;
  /** Success rate in points (0–100), partly counting half. */
  successPercent: number | null;
  /** meanConfidence − successPercent, in points: negative = belief lags the evidence. */
  bias: number | null;
  verdict: CalibrationVerdict;
  /** Ten 10-point bins of stated confidence, always all ten. */
  table: CalibrationBin[];
  /** Bias per calendar month (UTC), oldest first. */
  byMonth: CalibrationPeriod[];
  /** Facts for the app to show, e.g. "You said 40% on average before your last 12 attempts …". */
  sentence: string;
};

export type CalibrationOptions = {
  minAttempts?: number;
  threshold?: number;
  sentenceWindow?: number;
};

function summarise(list: readonly CalibrationAttempt[]) {
  const meanConfidence = mean(list.map((a) => a.confidence));
  const rate = mean(list.map((a) => outcomeScore(a.outcome)));
  const successPercent = rate === null ? null : rate * 100;
  const bias =
    meanConfidence === null || successPercent === null ? null : meanConfidence - successPercent;
  return { meanConfidence, successPercent, bias };
}

function sentenceFor(recent: readonly CalibrationAttempt[], verdict: CalibrationVerdict): string {
  if (recent.length === 0) return "No attempts with a stated confidence yet.";
  const said = Math.round(mean(recent.map((a) => a.confidence)) ?? 0);
  const done = recent.filter((a) => a.outcome === "done").length;
  const partly = recent.filter((a) => a.outcome === "partly").length;
  const which = recent.length === 1 ? "your last attempt" : `your last ${recent.length} attempts`;
  const partlyText = partly > 0 ? ` and partly succeeded in ${partly}` : "";
  let text = `You said ${said}% on average before ${which} and succeeded in ${done}${partlyText}.`;
  if (verdict === "under_confident") text += " Your results are ahead of your belief.";
  if (verdict === "over_confident") text += " Your belief is ahead of your results so far.";
  if (verdict === "calibrated") text += " Your belief matches your results.";
  return text;
}

/**
 * Belief calibration: stated confidence vs outcomes (partly = half). bias = mean confidence −
 * success rate in points; with ≥ 10 attempts, bias ≤ −10 is under-confident (the imposter pattern:
 * belief lags the evidence), ≥ +10 over-confident, else calibrated (calibration curves as in
 * Lichtenstein, Fischhoff & Phillips 1982; the ±10 band is ours).
 */
export function calibrateBelief(
  attempts: readonly CalibrationAttempt[],
  options: CalibrationOptions = {},
): BeliefCalibration {
  const minAttempts = options.minAttempts ?? CALIBRATION_MIN_ATTEMPTS;
  const threshold = options.threshold ?? CALIBRATION_BIAS_THRESHOLD;
  const window = options.sentenceWindow ?? CALIBRATION_SENTENCE_WINDOW;
  const sorted = attempts
    .map((a, i) => {
      if (!Number.isFinite(a.confidence) || a.confidence < 0 || a.confidence > 100) {
        throw new ValidationError([
          { path: `attempts.${i}.confidence`, message: "must be from 0 to 100" },
        ]);
      }
      return { a, ms: instantMs(a.at, `attempts.${i}.at`), i };
    })
    .sort((x, y) => x.ms - y.ms || x.i - y.i)
    .map((x) => x.a);

  const overall = summarise(sorted);
  let verdict: CalibrationVerdict = "not_enough_data";
  if (sorted.length >= minAttempts && overall.bias !== null) {
    verdict =
      overall.bias <= -threshold
        ? "under_confident"
        : overall.bias >= threshold
          ? "over_confident"
          : "calibrated";
  }

  const table: CalibrationBin[] = [];
  for (let bin = 0; bin <= 90; bin += 10) {
    const inBin = sorted.filter((a) => Math.min(90, Math.floor(a.confidence / 10) * 10) === bin);
    const s = summarise(inBin);
    table.push({
      bin,
      count: inBin.length,
      meanConfidence: s.meanConfidence,
      successPercent: s.successPercent,
    });
  }

  const months = new Map<string, CalibrationAttempt[]>();
  for (const a of sorted) {
    const key = monthOf(a.at);
    const list = months.get(key) ?? [];
    list.push(a);
    months.set(key, list);
  }
  const byMonth: CalibrationPeriod[] = [];
  for (const [month, list] of months) {
    const s = summarise(list);
    byMonth.push({
      month,
      attempts: list.length,
      meanConfidence: s.meanConfidence ?? 0,
      successPercent: s.successPercent ?? 0,
      bias: s.bias ?? 0,
    });
  }

  return {
    attempts: sorted.length,
    ...overall,
    verdict,
    table,
    byMonth,
    sentence: sentenceFor(sorted.slice(-window), verdict),
  };
}
