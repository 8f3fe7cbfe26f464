import { addDays, dayNumber, formatInZone } from "../engine/days";
import type { SourceKey } from "../engine/sources";

// Zod-free rules of the weekly reflection, shared by the server and the browser.

/** A success counts as a mastery experience when it took at least this effort (1–5). */
export const MASTERY_MIN_EFFORT = 3;

/** Days after the reflection day on which Today still says the reflection is due. */
export const REFLECTION_GRACE_DAYS = 2;

export const REFLECTION_PARTS = ["accomplished", "overcame", "learned"] as const;
export type ReflectionPart = (typeof REFLECTION_PARTS)[number];

/** The three questions of the weekly reflection and "next week I will …". */
export const REFLECTION_QUESTIONS = {
  accomplished: "What did I accomplish this week?",
  overcame: "What challenge did I overcome?",
  learned: "What did I learn?",
  nextWeek: "Next week I will …",
} as const;

/** ISO weekday of a day: 1 Monday … 7 Sunday. */
export function isoWeekday(day: string): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((dayNumber(day) + 3) % 7) + 7) % 7) + 1;
}

export type ReflectionWeek = { start: string; end: string };

/** The week a reflection looks back on: the seven days ending on `end`. */
export function weekEnding(end: string): ReflectionWeek {
  return { start: addDays(end, -6), end };
}

/** The latest reflection day (the chosen weekday) on or before `today`. */
export function latestReflectionDay(today: string, weekday: number): string {
  const back = (isoWeekday(today) - weekday + 7) % 7;
  return addDays(today, -back);
}

export type ReflectionDue = {
  due: boolean;
  /** The last day of the week to reflect on. */
  weekEnd: string;
  written: boolean;
};

/**
 * On the chosen weekday, and for a grace of two days after it, the week's reflection is due
 * until it is written. Prompted, never forced: after the grace it is simply not asked for.
 */
export function reflectionDue(today: string, weekday: number, written: boolean): ReflectionDue {
  const weekEnd = latestReflectionDay(today, weekday);
  const age = dayNumber(today) - dayNumber(weekEnd);
  return { due: !written && age <= REFLECTION_GRACE_DAYS, weekEnd, written };
}

/** Gentle words for each source of efficacy missing from a week. */
export const MISSING_SOURCE_NUDGES: Record<SourceKey, string> = {
  mastery:
    "No step attempted with real effort this week: what is one small step you could try next week?",
  roleModels: "No one to learn from this week: who is one step ahead of you?",
  feedback:
    "No feedback from someone who has seen your work this week: who could you show one piece of evidence to?",
  routines:
    "No pre-performance routine this week: a minute of slow breathing before an attempt can quiet the nerves.",
};

/** Source names as the app shows them. */
export const SOURCE_LABELS: Record<SourceKey, string> = {
  mastery: "Mastery experiences",
  roleModels: "Learning from others",
  feedback: "Encouragement with evidence",
  routines: "Calm body and mind",
};

const CLOCK_PARTS: Intl.DateTimeFormatOptions = {
  hourCycle: "h23",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  second: "numeric",
};

/**
 * The instant a day starts in an IANA time zone (00:00 local), found by correcting a UTC guess
 * with the zone's offset at that moment (twice, so a DST change near midnight is handled).
 */
export function dayStartInZone(day: string, zone: string): Date {
  const guess = dayNumber(day) * 86_400_000;
  const offsetAt = (ms: number) => {
    const parts = formatInZone("en-US", CLOCK_PARTS, zone).formatToParts(new Date(ms));
    const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
    const asUtc = Date.UTC(
      get("year"),
      get("month") - 1,
      get("day"),
      get("hour"),
      get("minute"),
      get("second"),
    );
    return asUtc - Math.floor(ms / 1000) * 1000;
  };
  let ms = guess - offsetAt(guess);
  ms = guess - offsetAt(ms);
  return new Date(ms);
}
