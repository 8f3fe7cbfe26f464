import type { Db } from "../db";
import type { CalendarFeedsTable } from "../schema";

export type CalendarFeedRow = CalendarFeedsTable;

/** A person's one calendar feed; a new token replaces the old one at once (an upsert). */
export async function replaceCalendarFeed(db: Db, row: CalendarFeedRow): Promise<void> {
  await db
    .insertInto("calendarFeeds")
    .values(row)
    .onConflict((oc) =>
      oc.column("userId").doUpdateSet({ tokenHash: row.tokenHash, createdAt: row.createdAt }),
    )
    .execute();
}

export async function deleteCalendarFeed(db: Db, userId: string): Promise<void> {
  await db.deleteFrom("calendarFeeds").where("userId", "=", userId).execute();
}

export async function findCalendarFeed(
  db: Db,
  userId: string,
): Promise<CalendarFeedRow | undefined> {
  return db.selectFrom("calendarFeeds").selectAll().where("userId", "=", userId).executeTakeFirst();
}

export async function findCalendarFeedByHash(
  db: Db,
  tokenHash: string,
): Promise<CalendarFeedRow | undefined> {
  return db
    .selectFrom("calendarFeeds")
    .selectAll()
    .where("tokenHash", "=", tokenHash)
    .executeTakeFirst();
}

/** Steps of active goals planned from `from` to `to` (inclusive), for the calendar feed. */
export async function stepsPlannedBetween(
  db: Db,
  userId: string,
  from: string,
  to: string,
): Promise<
  { goalId: string; statement: string; stepId: string; title: string; plannedDate: string }[]
> {
  const rows = await db
    .selectFrom("steps")
    .innerJoin("goals", "goals.id", "steps.goalId")
    .select([
      "steps.goalId",
      "goals.statement",
      "steps.id as stepId",
      "steps.title",
      "steps.plannedDate",
    ])
    .where("steps.userId", "=", userId)
    .where("steps.plannedDate", ">=", from)
    .where("steps.plannedDate", "<=", to)
    .where("steps.archivedAt", "is", null)
    .where("goals.status", "=", "active")
    .orderBy("steps.plannedDate")
    .limit(500)
    .execute();
  return rows.flatMap((r) =>
    r.plannedDate === null ? [] : [{ ...r, plannedDate: r.plannedDate }],
  );
}
