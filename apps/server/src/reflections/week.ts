import {
  addDays,
  dayStartInZone,
  MASTERY_MIN_EFFORT,
  MISSING_SOURCE_NUDGES,
  type Reflection,
  SOURCE_LABELS,
  type SourceKey,
  sourcesThisWeek,
  type WeekFacts,
  weekEnding,
} from "@cando/core";
import {
  countAttemptsByOutcome,
  type Db,
  evidenceOfDays,
  masteryInstants,
  practiceTotals,
  type ReflectionRow,
} from "@cando/storage";

const SOURCE_ORDER: readonly SourceKey[] = ["mastery", "roleModels", "feedback", "routines"];

/**
 * The facts of the seven days ending on `weekEnd`, in the person's time zone: every number is
 * counted in SQL over that week only. Cando does not yet record role models, supporter feedback
 * or routines, so those sources count zero and are named gently as missing.
 */
export async function weekFacts(
  db: Db,
  userId: string,
  weekEnd: string,
  zone: string,
  now: Date,
): Promise<WeekFacts> {
  const week = weekEnding(weekEnd);
  const from = dayStartInZone(week.start, zone).toISOString();
  const to = dayStartInZone(addDays(week.end, 1), zone).toISOString();
  const outcomes = await countAttemptsByOutcome(db, userId, from, to);
  const mastery = await masteryInstants(db, userId, from, to, MASTERY_MIN_EFFORT);
  const practice = await practiceTotals(db, userId, week.start, week.end);
  const evidence = await evidenceOfDays(db, userId, week.start, week.end, 10);
  const counts = sourcesThisWeek(
    { mastery: mastery.map((at) => ({ at })), roleModels: [], feedback: [], routines: [] },
    from,
    now,
  );
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
