import { DAY_MS } from "../time";
import { dayNumber } from "./days";

/** After this many days without practice the score has halved (so one miss costs about 5%). */
export const CONSISTENCY_HALF_LIFE_DAYS = 14;

export type PracticeConsistency = {
  /**
   * Exponentially smoothed share of days practised, 0–1: each day weighs (1 − α) less than the day
   * after it, α = 1 − 2^(−1/halfLife). Daily practice approaches 1; it builds over weeks.
   */
  score: number;
  /** Days practised in the 7 and 30 days ending today. */
  last7: number;
  last30: number;
  lastPractised: string | null;
  /** Whole days since the last practice (0 = today); null if never. */
  daysSince: number | null;
  /** The last day counted: today if practised today, else yesterday (today is not over yet). */
  countedThrough: string;
};

export type ConsistencyOptions = { halfLifeDays?: number };

/**
 * Practice consistency that forgives a miss (Lally et al. 2010: a single missed day did not derail
 * habit formation): an exponentially weighted share of days practised, not a streak that resets.
 */
export function practiceConsistency(
  days: Iterable<string>,
  today: string,
  options: ConsistencyOptions = {},
): PracticeConsistency {
  const halfLife = options.halfLifeDays ?? CONSISTENCY_HALF_LIFE_DAYS;
  const decay = 2 ** (-1 / halfLife);
  const alpha = 1 - decay;
  const todayN = dayNumber(today, "today");
  const practised = new Set<number>();
  for (const d of days) {
    const n = dayNumber(d, "days");
    if (n <= todayN) practised.add(n);
  }
  const through = practised.has(todayN) ? todayN : todayN - 1;
  // Closed form of s_t = (1 − α)·s_{t−1} + α·x_t from s = 0 before the first day practised.
  let score = 0;
  let last: number | null = null;
  let last7 = 0;
  let last30 = 0;
  for (const n of practised) {
    if (n <= through) score += alpha * decay ** (through - n);
    if (last === null || n > last) last = n;
    if (todayN - n < 7) last7 += 1;
    if (todayN - n < 30) last30 += 1;
  }
  const toDay = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);
  return {
    score: Math.min(1, score),
    last7,
    last30,
    lastPractised: last === null ? null : toDay(last),
    daysSince: last === null ? null : todayN - last,
    countedThrough: toDay(through),
  };
}
