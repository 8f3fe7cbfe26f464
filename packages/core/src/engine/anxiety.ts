import { ValidationError } from "../errors";
import { mean } from "./math";
import { type AttemptOutcome, outcomeScore } from "./outcome";

/** Anxiety of 6 or more (of 10) before an attempt counts as high … */
export const ANXIETY_HIGH_AT = 6;
/** … and 4 or less as low; 5 sits in neither group. */
export const ANXIETY_LOW_AT = 4;
/** Each group needs this many attempts before the groups are compared. */
export const ANXIETY_MIN_PER_GROUP = 5;
/** And at least this many attempts in all. */
export const ANXIETY_MIN_ATTEMPTS = 10;
/** |t| of the correlation at least this (≈ p < .05, two-sided) counts as a link. */
export const ANXIETY_MIN_T = 2;

export type AnxietyAttempt = {
  /** Anxiety just before the attempt, 0–10. */
  anxiety: number;
  outcome: AttemptOutcome;
};

export type AnxietyGroup = {
  count: number;
  /** Success rate in points (0–100), partly counting half; null when empty. */
  successPercent: number | null;
};

export type AnxietyVerdict =
  | "not_enough_data"
  | "no_clear_link"
  | "higher_anxiety_went_with_setbacks"
  | "higher_anxiety_went_with_success";

export type AnxietyVsOutcome = {
  attempts: number;
  high: AnxietyGroup;
  low: AnxietyGroup;
  /** low.successPercent − high.successPercent, in points; null unless both groups have attempts. */
  difference: number | null;
  /** Pearson r of anxiety with outcome score (point-biserial when no "partly"); null if undefined. */
  correlation: number | null;
  verdict: AnxietyVerdict;
  sentence: string;
};

export type AnxietyOptions = {
  highAt?: number;
  lowAt?: number;
  minPerGroup?: number;
  minAttempts?: number;
};

function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  const mx = mean(xs);
  const my = mean(ys);
  if (mx === null || my === null) return null;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  xs.forEach((x, i) => {
    const y = ys[i] ?? my;
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  });
  if (sxx === 0 || syy === 0) return null;
  return sxy / Math.sqrt(sxx * syy);
}

function group(list: readonly AnxietyAttempt[]): AnxietyGroup {
  const rate = mean(list.map((a) => outcomeScore(a.outcome)));
  return { count: list.length, successPercent: rate === null ? null : rate * 100 };
}

/**
 * Did anxiety predict the outcome for this person? Success at high (≥ 6) vs low (≤ 4) anxiety, and
 * the correlation of anxiety with outcome over all attempts; a link is claimed only with ≥ 10
 * attempts, ≥ 5 in each group and |t| = |r|·√(n−2)/√(1−r²) ≥ 2 (Bandura 1997: arousal misread as
 * inability).
 */
export function anxietyVsOutcome(
  attempts: readonly AnxietyAttempt[],
  options: AnxietyOptions = {},
): AnxietyVsOutcome {
  const highAt = options.highAt ?? ANXIETY_HIGH_AT;
  const lowAt = options.lowAt ?? ANXIETY_LOW_AT;
  const minPerGroup = options.minPerGroup ?? ANXIETY_MIN_PER_GROUP;
  const minAttempts = options.minAttempts ?? ANXIETY_MIN_ATTEMPTS;
  attempts.forEach((a, i) => {
    if (!Number.isFinite(a.anxiety) || a.anxiety < 0 || a.anxiety > 10) {
      throw new ValidationError([
        { path: `attempts.${i}.anxiety`, message: "must be from 0 to 10" },
      ]);
    }
  });
  const high = group(attempts.filter((a) => a.anxiety >= highAt));
  const low = group(attempts.filter((a) => a.anxiety <= lowAt));
  const difference =
    high.successPercent === null || low.successPercent === null
      ? null
      : low.successPercent - high.successPercent;
  const r = pearson(
    attempts.map((a) => a.anxiety),
    attempts.map((a) => outcomeScore(a.outcome)),
  );
  const n = attempts.length;

  let verdict: AnxietyVerdict = "not_enough_data";
  if (n >= minAttempts && high.count >= minPerGroup && low.count >= minPerGroup) {
    const t =
      r === null
        ? 0
        : Math.abs(r) >= 1
          ? Infinity
          : (Math.abs(r) * Math.sqrt(n - 2)) / Math.sqrt(1 - r * r);
    if (r === null || t < ANXIETY_MIN_T) verdict = "no_clear_link";
    else verdict = r < 0 ? "higher_anxiety_went_with_setbacks" : "higher_anxiety_went_with_success";
  }

  return { attempts: n, high, low, difference, correlation: r, verdict, sentence: sentenceFor() };

  function sentenceFor(): string {
    if (n === 0) return "No attempts with an anxiety rating yet.";
    const part = (g: AnxietyGroup, label: string) =>
      g.successPercent === null
        ? `no attempts at ${label}`
        : `${Math.round(g.successPercent)}% success over ${g.count} attempt${g.count === 1 ? "" : "s"} at ${label}`;
    const facts = `${part(high, `anxiety ${highAt} or more`)}; ${part(low, `${lowAt} or less`)}.`;
    const lead = facts.charAt(0).toUpperCase() + facts.slice(1);
    switch (verdict) {
      case "not_enough_data":
        return `${lead} Not enough attempts yet to say whether anxiety predicts how it goes.`;
      case "no_clear_link":
        return `${lead} So far, feeling anxious has not predicted how it went.`;
      case "higher_anxiety_went_with_setbacks":
        return `${lead} Higher anxiety has gone with more setbacks so far: a pre-attempt routine may help.`;
      case "higher_anxiety_went_with_success":
        return `${lead} Higher anxiety has gone with more success so far: the nerves are not a sign of inability.`;
    }
  }
}
