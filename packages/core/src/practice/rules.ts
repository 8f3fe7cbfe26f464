import { practiceConsistency } from "../engine/consistency";
import { addDays, dayNumber, formatInZone } from "../engine/days";

// Zod-free rules of the practice log and the rhythm, so the browser can import them too.

/** Longest single practice entry, in minutes (a long day of deliberate practice). */
export const PRACTICE_MAX_MINUTES = 600;
/** Highest weekly minutes target: about ten hours a day, every day. */
export const PRACTICE_MAX_WEEKLY_TARGET = 4200;
/** How far back the heat map and the consistency score look; older days weigh under 2^-26. */
export const PRACTICE_YEAR_DAYS = 365;
/** Quick-add amounts on Today. */
export const PRACTICE_QUICK_MINUTES = [15, 30] as const;
/** A local wall-clock time, "HH:MM" (24 hours). */
export const LOCAL_TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
/** When reminders fall until the person chooses: practice at 18:00, the reflection at 18:30. */
export const DEFAULT_PRACTICE_TIME = "18:00";
export const DEFAULT_REFLECTION_TIME = "18:30";

/** True when `zone` is an IANA time zone this runtime knows (`Europe/Paris`, `UTC`). */
export function isTimeZone(zone: string): boolean {
  if (zone.length === 0 || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const DAY_PARTS: Intl.DateTimeFormatOptions = { year: "numeric", month: "2-digit", day: "2-digit" };

/** The `YYYY-MM-DD` day an instant falls on in an IANA time zone. */
export function dayInZone(instant: Date, zone: string): string {
  const parts = formatInZone("en-CA", DAY_PARTS, zone).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

export type PracticeDayMinutes = { day: string; minutes: number };

export type PracticeScore = {
  /** The engine's forgiving consistency, 0–1, with planned rest days taken out of the timeline. */
  score: number;
  /** Calendar days practised in the 7 and 30 days ending today. */
  last7: number;
  last30: number;
  lastPractised: string | null;
  daysSince: number | null;
};

/**
 * The engine's practice consistency with planned rest days removed from the timeline: a rest day
 * neither counts as practice nor as a miss, so planning a day off never lowers the score. A rest
 * day on which the person practised anyway counts as practised.
 */
export function practiceScore(
  practised: Iterable<string>,
  restDays: Iterable<string>,
  today: string,
): PracticeScore {
  const todayN = dayNumber(today, "today");
  const days = new Set(practised);
  const rest = new Set<number>();
  for (const d of restDays) {
    const n = dayNumber(d, "restDays");
    if (n <= todayN && !days.has(d)) rest.add(n);
  }
  // Each practised day moves later by the number of rest days between it and today.
  const restAfter = (n: number) => {
    let count = 0;
    for (const r of rest) if (r > n && r <= todayN) count += 1;
    return count;
  };
  const shifted = [...days]
    .filter((d) => dayNumber(d, "days") <= todayN)
    .map((d) => addDays(d, restAfter(dayNumber(d))));
  const calendar = practiceConsistency(days, today);
  return {
    score: practiceConsistency(shifted, today).score,
    last7: calendar.last7,
    last30: calendar.last30,
    lastPractised: calendar.lastPractised,
    daysSince: calendar.daysSince,
  };
}

export type PracticeSummaryFacts = {
  score: PracticeScore;
  minutesToday: number;
  minutesLast7: number;
  restToday: boolean;
};

/** Today's practice facts from the per-day minutes of the last year (at most one row a day). */
export function summarisePractice(
  days: readonly PracticeDayMinutes[],
  restDays: readonly string[],
  today: string,
): PracticeSummaryFacts {
  const todayN = dayNumber(today, "today");
  let minutesToday = 0;
  let minutesLast7 = 0;
  const practised: string[] = [];
  for (const { day, minutes } of days) {
    const age = todayN - dayNumber(day, "days");
    if (age < 0 || minutes <= 0) continue;
    practised.push(day);
    if (age === 0) minutesToday += minutes;
    if (age < 7) minutesLast7 += minutes;
  }
  return {
    score: practiceScore(practised, restDays, today),
    minutesToday,
    minutesLast7,
    restToday: restDays.includes(today),
  };
}

/** Heat map shade 0–4 of a day's minutes: 0 none, then up to 15, 30, 60 and more. */
export function practiceLevel(minutes: number): 0 | 1 | 2 | 3 | 4 {
  if (minutes <= 0) return 0;
  if (minutes <= 15) return 1;
  if (minutes <= 30) return 2;
  if (minutes <= 60) return 3;
  return 4;
}
