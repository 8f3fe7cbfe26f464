import {
  addDays,
  dayStartInZone,
  MASTERY_MIN_EFFORT,
  MISSING_SOURCE_NUDGES,
  type Reflection,
  SOURCE_LABELS,
  type SourceKey,
  type WeekFacts,
  weekEnding,
} from "@cando/core";
import {
  countAttemptsByOutcome,
  countMasteryExperiences,
  countRoleModelExperiences,
  countRoutineRuns,
  countSupporterFeedback,
  type Db,
  evidenceOfDays,
  practiceTotals,
  type ReflectionRow,
  type SourceWindow,
} from "@cando/storage";

const SOURCE_ORDER: readonly SourceKey[] = ["mastery", "roleModels", "feedback", "routines"];

export type SourceCounter = (db: Db, window: SourceWindow) => Promise<number>;

/**
 * Where each of the week's sources is counted: mastery from effortful successes, role models from
 * the entries made or changed, feedback from what supporters sent (not hidden), routines from the
 * runs finished. Each is one small storage function.
 */
export const WEEK_SOURCE_COUNTERS: Record<SourceKey, SourceCounter> = {
  mastery: (db, window) => countMasteryExperiences(db, window, MASTERY_MIN_EFFORT),
  roleModels: countRoleModelExperiences,
  feedback: countSupporterFeedback,
  routines: countRoutineRuns,
};

/**
 * The facts of the seven days ending on `weekEnd`, in the person's time zone: every number is
 * counted in SQL over that week only (up to now). A source that counts zero is named gently as
 * missing.
 */
export async function weekFacts(
  db: Db,
  userId: string,
  weekEnd: string,
  zone: string,
  now: Date,
  counters: Record<SourceKey, SourceCounter> = WEEK_SOURCE_COUNTERS,
): Promise<WeekFacts> {
  const week = weekEnding(weekEnd);
  const from = dayStartInZone(week.start, zone).toISOString();
  const to = dayStartInZone(addDays(week.end, 1), zone).toISOString();
  const outcomes = await countAttemptsByOutcome(db, userId, from, to);
  // Nothing later than now counts (a week still under way).
  const until = now.toISOString() < to ? new Date(now.getTime() + 1).toISOString() : to;
  const window = { userId, from, to: until };
  const practice = await practiceTotals(db, userId, week.start, week.end);
  const evidence = await evidenceOfDays(db, userId, week.start, week.end, 10);
  const counts = {} as Record<SourceKey, number>;
  for (const key of SOURCE_ORDER) counts[key] = await counters[key](db, window);
  const done = outcomes["done"] ?? 0;
  const partly = outcomes["partly"] ?? 0;
  const notYet = outcomes["not_yet"] ?? 0;
  return {
    weekStart: week.start,
    weekEnd: week.end,
    attempts: { total: done + partly + notYet, done, partly, notYet },
    practice,
    evidence,
    sources: SOURCE_ORDER.map((key) => ({
      key,
      label: SOURCE_LABELS[key],
      count: counts[key],
      nudge: counts[key] === 0 ? MISSING_SOURCE_NUDGES[key] : null,
    })),
  };
}

export function presentReflection(row: ReflectionRow): Reflection {
  return {
    id: row.id,
    weekStart: weekEnding(row.weekEnd).start,
    weekEnd: row.weekEnd,
    accomplished: row.accomplished,
    overcame: row.overcame,
    learned: row.learned,
    nextWeek: row.nextWeek,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
