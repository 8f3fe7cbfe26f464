import { DAY_MS } from "../time";
import { instantMs } from "./days";

/** Timestamped items for Bandura's four sources of efficacy, as the app lists them. */
export type SourceItems = {
  /** Successes at effortful attempts (mastery experiences). */
  mastery: readonly { at: string }[];
  /** Role-model entries (vicarious experience). */
  roleModels: readonly { at: string }[];
  /** Supporter feedback received (social persuasion). */
  feedback: readonly { at: string }[];
  /** Pre-attempt routines done (physiological and emotional state). */
  routines: readonly { at: string }[];
};

export type SourceKey = keyof SourceItems;

export type SourcesThisWeek = {
  weekStart: string;
  weekEnd: string;
  mastery: number;
  roleModels: number;
  feedback: number;
  routines: number;
  total: number;
  /** Sources with nothing this week, strongest first: a gentle nudge. */
  missing: SourceKey[];
};

const ORDER: readonly SourceKey[] = ["mastery", "roleModels", "feedback", "routines"];

/** Monday 00:00 UTC of the week containing `now` (ISO weeks start on Monday). */
export function weekStartOf(now: string | Date): string {
  const ms = instantMs(now, "now");
  const day = Math.floor(ms / DAY_MS);
  const weekday = (new Date(day * DAY_MS).getUTCDay() + 6) % 7; // Monday = 0
  return new Date((day - weekday) * DAY_MS).toISOString();
}

/**
 * Counts the four sources of efficacy (Bandura 1977, 1997) in the week starting `weekStart` (an
 * instant the app computes in the person's zone), up to `now`: items later than now are ignored.
 */
export function sourcesThisWeek(
  items: SourceItems,
  weekStart: string | Date,
  now: string | Date,
): SourcesThisWeek {
  const from = instantMs(weekStart, "weekStart");
  const to = Math.min(from + 7 * DAY_MS, instantMs(now, "now") + 1);
  const count = (key: SourceKey) =>
    items[key].filter((item, i) => {
      const ms = instantMs(item.at, `${key}.${i}.at`);
      return ms >= from && ms < to;
    }).length;
  const counts = {
    mastery: count("mastery"),
    roleModels: count("roleModels"),
    feedback: count("feedback"),
    routines: count("routines"),
  };
  return {
    weekStart: new Date(from).toISOString(),
    weekEnd: new Date(from + 7 * DAY_MS).toISOString(),
    ...counts,
    total: counts.mastery + counts.roleModels + counts.feedback + counts.routines,
    missing: ORDER.filter((k) => counts[k] === 0),
  };
}
