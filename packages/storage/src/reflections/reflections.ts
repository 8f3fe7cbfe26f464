import { sql } from "kysely";
import { fixedQuery } from "../compiled";
import type { Db } from "../db";
import type { ReflectionsTable } from "../schema";

export type ReflectionRow = ReflectionsTable;

export async function findReflection(
  db: Db,
  userId: string,
  weekEnd: string,
): Promise<ReflectionRow | undefined> {
  return (await reflectionOfWeek(db, userId, weekEnd))[0];
}

// Compiled once (see fixedQuery): Today's rhythm asks whether this week's is written.
const reflectionOfWeek = fixedQuery((db: Db, userId: string, weekEnd: string) =>
  db
    .selectFrom("reflections")
    .selectAll()
    .where("userId", "=", userId)
    .where("weekEnd", "=", weekEnd),
);

/**
 * Writes the reflection of a week: one per person and week (a unique constraint), so two racing
 * saves leave one row with the later answers.
 */
export async function saveReflection(db: Db, row: ReflectionRow): Promise<void> {
  const { accomplished, overcame, learned, nextWeek, updatedAt } = row;
  await db
    .insertInto("reflections")
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(["userId", "weekEnd"])
        .doUpdateSet({ accomplished, overcame, learned, nextWeek, updatedAt }),
    )
    .execute();
}

const escapeLike = (word: string) => word.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * A person's reflections, newest week first, at most `limit`: every word of `q` must appear in
 * one of the answers, in any case, the same on SQLite and PostgreSQL.
 */
export async function searchReflections(
  db: Db,
  userId: string,
  q: string | undefined,
  limit: number,
  /** Continue after this week (newest first: older weeks than it). */
  afterWeekEnd?: string,
): Promise<ReflectionRow[]> {
  let query = db.selectFrom("reflections").selectAll().where("userId", "=", userId);
  if (afterWeekEnd !== undefined) query = query.where("weekEnd", "<", afterWeekEnd);
  const words = (q ?? "").toLowerCase().split(/\s+/).filter(Boolean).slice(0, 10);
  for (const word of words) {
    const p = `%${escapeLike(word)}%`;
    query = query.where(
      sql<boolean>`(lower(accomplished) like ${p} escape '\\' or lower(overcame) like ${p} escape '\\' or lower(learned) like ${p} escape '\\' or lower(next_week) like ${p} escape '\\')`,
    );
  }
  return query.orderBy("weekEnd", "desc").limit(limit).execute();
}

/** Attempts per outcome between two instants (from inclusive, to exclusive), counted in SQL. */
export async function countAttemptsByOutcome(
  db: Db,
  userId: string,
  from: string,
  to: string,
): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom("attempts")
    .select(["outcome", sql<number>`cast(count(*) as integer)`.as("n")])
    .where("userId", "=", userId)
    .where("attemptedAt", ">=", from)
    .where("attemptedAt", "<", to)
    .groupBy("outcome")
    .execute();
  return Object.fromEntries(rows.map((r) => [r.outcome, r.n]));
}

/** When each success with at least `minEffort` happened between two instants: a week's mastery. */
export async function masteryInstants(
  db: Db,
  userId: string,
  from: string,
  to: string,
  minEffort: number,
): Promise<string[]> {
  const rows = await db
    .selectFrom("attempts")
    .select("attemptedAt")
    .where("userId", "=", userId)
    .where("attemptedAt", ">=", from)
    .where("attemptedAt", "<", to)
    .where("outcome", "=", "done")
    .where("effort", ">=", minEffort)
    .orderBy("attemptedAt")
    .limit(500)
    .execute();
  return rows.map((r) => r.attemptedAt);
}

/** Practice minutes and distinct days practised between two days (inclusive), over all goals. */
export async function practiceTotals(
  db: Db,
  userId: string,
  from: string,
  to: string,
): Promise<{ minutes: number; days: number }> {
  const row = await db
    .selectFrom("practiceEntries")
    .select([
      sql<number>`cast(coalesce(sum(minutes), 0) as integer)`.as("minutes"),
      sql<number>`cast(count(distinct day) as integer)`.as("days"),
    ])
    .where("userId", "=", userId)
    .where("day", ">=", from)
    .where("day", "<=", to)
    .executeTakeFirst();
  return { minutes: row?.minutes ?? 0, days: row?.days ?? 0 };
}

/** Evidence that happened between two days (inclusive): how many, and the newest titles. */
export async function evidenceOfDays(
  db: Db,
  userId: string,
  from: string,
  to: string,
  titles: number,
): Promise<{ count: number; titles: string[] }> {
  const base = db
    .selectFrom("evidence")
    .where("userId", "=", userId)
    .where("occurredOn", ">=", from)
    .where("occurredOn", "<=", to);
  const count = await base
    .select(sql<number>`cast(count(*) as integer)`.as("n"))
    .executeTakeFirst();
  const rows = await base
    .select("title")
    .orderBy("occurredOn", "desc")
    .orderBy("createdAt", "desc")
    .limit(titles)
    .execute();
  return { count: count?.n ?? 0, titles: rows.map((r) => r.title) };
}

/** Steps of active goals planned for a day, for Today. */
export async function stepsPlannedOn(
  db: Db,
  userId: string,
  day: string,
): Promise<{ goalId: string; statement: string; stepId: string; title: string }[]> {
  return plannedOn(db, userId, day, "active");
}

// Compiled once (see fixedQuery): Today's rhythm asks for today's planned steps.
const plannedOn = fixedQuery((db: Db, userId: string, day: string, status: string) =>
  db
    .selectFrom("steps")
    .innerJoin("goals", "goals.id", "steps.goalId")
    .select(["steps.goalId", "goals.statement", "steps.id as stepId", "steps.title"])
    .where("steps.userId", "=", userId)
    .where("steps.plannedDate", "=", day)
    .where("steps.archivedAt", "is", null)
    .where("goals.status", "=", status)
    .orderBy("goals.createdAt", "desc")
    .orderBy("steps.position"),
);
