import { sql } from "kysely";
import type { Db } from "../db";
import type { PracticeEntriesTable } from "../schema";

export type PracticeEntryRow = PracticeEntriesTable;
export type PracticeDayRow = { goalId: string; day: string; minutes: number };

export async function insertPracticeEntry(db: Db, row: PracticeEntryRow): Promise<void> {
  await db.insertInto("practiceEntries").values(row).execute();
}

/** A goal's latest practice entries, newest first. */
export async function latestPracticeEntries(
  db: Db,
  userId: string,
  goalId: string,
  limit: number,
): Promise<PracticeEntryRow[]> {
  return db
    .selectFrom("practiceEntries")
    .selectAll()
    .where("userId", "=", userId)
    .where("goalId", "=", goalId)
    .orderBy("day", "desc")
    .orderBy("createdAt", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}

/**
 * Minutes per goal and day from `from` to `to` (inclusive), summed in SQL: at most one row per
 * goal and day, whatever the length of the history.
 */
export async function practiceMinutesByDay(
  db: Db,
  userId: string,
  goalIds: readonly string[],
  from: string,
  to: string,
): Promise<PracticeDayRow[]> {
  if (goalIds.length === 0) return [];
  return db
    .selectFrom("practiceEntries")
    .select(["goalId", "day", sql<number>`cast(sum(minutes) as integer)`.as("minutes")])
    .where("userId", "=", userId)
    .where("goalId", "in", goalIds)
    .where("day", ">=", from)
    .where("day", "<=", to)
    .groupBy(["goalId", "day"])
    .orderBy("goalId")
    .orderBy("day")
    .execute();
}

/** Planned rest days per goal from `from` to `to` (inclusive). */
export async function practiceRestDays(
  db: Db,
  userId: string,
  goalIds: readonly string[],
  from: string,
  to: string,
): Promise<{ goalId: string; day: string }[]> {
  if (goalIds.length === 0) return [];
  return db
    .selectFrom("practiceRestDays")
    .select(["goalId", "day"])
    .where("userId", "=", userId)
    .where("goalId", "in", goalIds)
    .where("day", ">=", from)
    .where("day", "<=", to)
    .orderBy("goalId")
    .orderBy("day")
    .execute();
}

/**
 * What a practice summary is made of, for some goals, in one statement (a UNION ALL of the three
 * reads above, for pages that summarise several goals at once): minutes per goal and day and the
 * planned rest days from `from` to `to` (inclusive), and the weekly targets.
 */
export async function practiceFacts(
  db: Db,
  userId: string,
  goalIds: readonly string[],
  from: string,
  to: string,
): Promise<{
  days: PracticeDayRow[];
  rest: { goalId: string; day: string }[];
  targets: Map<string, number>;
}> {
  const facts = { days: [] as PracticeDayRow[], rest: [] as { goalId: string; day: string }[] };
  const targets = new Map<string, number>();
  if (goalIds.length === 0) return { ...facts, targets };
  const rows = await db
    .selectFrom("practiceEntries")
    .select([
      sql<string>`'day'`.as("kind"),
      "goalId",
      "day",
      sql<number>`cast(sum(minutes) as integer)`.as("minutes"),
    ])
    .where("userId", "=", userId)
    .where("goalId", "in", goalIds)
    .where("day", ">=", from)
    .where("day", "<=", to)
    .groupBy(["goalId", "day"])
    .unionAll((qb) =>
      qb
        .selectFrom("practiceRestDays")
        .select([
          sql<string>`'rest'`.as("kind"),
          "goalId",
          "day",
          sql<number>`cast(null as integer)`.as("minutes"),
        ])
        .where("userId", "=", userId)
        .where("goalId", "in", goalIds)
        .where("day", ">=", from)
        .where("day", "<=", to),
    )
    .unionAll((qb) =>
      qb
        .selectFrom("practiceTargets")
        .select([
          sql<string>`'target'`.as("kind"),
          "goalId",
          sql<string>`cast(null as text)`.as("day"),
          "weeklyMinutes as minutes",
        ])
        .where("userId", "=", userId)
        .where("goalId", "in", goalIds),
    )
    .orderBy("goalId")
    .orderBy("day")
    .execute();
  for (const row of rows) {
    if (row.kind === "day")
      facts.days.push({ goalId: row.goalId, day: row.day, minutes: row.minutes });
    else if (row.kind === "rest") facts.rest.push({ goalId: row.goalId, day: row.day });
    else targets.set(row.goalId, row.minutes);
  }
  return { ...facts, targets };
}

/** Plans a rest day; planning it twice is the same as once (the primary key says so). */
export async function addPracticeRestDay(
  db: Db,
  row: { goalId: string; day: string; userId: string; createdAt: string },
): Promise<void> {
  await db
    .insertInto("practiceRestDays")
    .values(row)
    .onConflict((oc) => oc.columns(["goalId", "day"]).doNothing())
    .execute();
}

export async function removePracticeRestDay(
  db: Db,
  userId: string,
  goalId: string,
  day: string,
): Promise<void> {
  await db
    .deleteFrom("practiceRestDays")
    .where("userId", "=", userId)
    .where("goalId", "=", goalId)
    .where("day", "=", day)
    .execute();
}

/** Weekly minutes targets of the given goals. */
export async function practiceTargets(
  db: Db,
  userId: string,
  goalIds: readonly string[],
): Promise<Map<string, number>> {
  if (goalIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("practiceTargets")
    .select(["goalId", "weeklyMinutes"])
    .where("userId", "=", userId)
    .where("goalId", "in", goalIds)
    .execute();
  return new Map(rows.map((r) => [r.goalId, r.weeklyMinutes]));
}

/** Sets (or with null, clears) a goal's weekly minutes target; an upsert, safe when raced. */
export async function setPracticeTarget(
  db: Db,
  userId: string,
  goalId: string,
  weeklyMinutes: number | null,
  updatedAt: string,
): Promise<void> {
  if (weeklyMinutes === null) {
    await db
      .deleteFrom("practiceTargets")
      .where("userId", "=", userId)
      .where("goalId", "=", goalId)
      .execute();
    return;
  }
  await db
    .insertInto("practiceTargets")
    .values({ goalId, userId, weeklyMinutes, updatedAt })
    .onConflict((oc) => oc.column("goalId").doUpdateSet({ weeklyMinutes, updatedAt }))
    .execute();
}

/** Writes a person's rhythm settings (the time zone is the account setting), changing only the fields given; an upsert, safe when raced. */
export async function saveRhythmSettings(
  db: Db,
  userId: string,
  change: { reflectionWeekday?: number; practiceTime?: string; reflectionTime?: string },
  defaults: { reflectionWeekday: number },
  updatedAt: string,
): Promise<void> {
  const set = { ...change, updatedAt };
  await db
    .insertInto("rhythmSettings")
    .values({
      userId,
      reflectionWeekday: change.reflectionWeekday ?? defaults.reflectionWeekday,
      practiceTime: change.practiceTime ?? null,
      reflectionTime: change.reflectionTime ?? null,
      updatedAt,
    })
    .onConflict((oc) => oc.column("userId").doUpdateSet(set))
    .execute();
}
