import type { Db } from "../db";
import type { GoalsTable } from "../schema";

export type GoalRow = GoalsTable;

export async function insertGoal(db: Db, row: GoalRow): Promise<void> {
  await db.insertInto("goals").values(row).execute();
}

/** One person's goals, newest first; optionally only some statuses. */
export async function listGoals(db: Db, userId: string, statuses?: string[]): Promise<GoalRow[]> {
  let query = db.selectFrom("goals").selectAll().where("userId", "=", userId);
  if (statuses && statuses.length > 0) query = query.where("status", "in", statuses);
  return query.orderBy("createdAt", "desc").orderBy("id").execute();
}

/** One person's goal; undefined for another person's, exactly as for a missing one. */
export async function findGoal(db: Db, userId: string, id: string): Promise<GoalRow | undefined> {
  return db
    .selectFrom("goals")
    .selectAll()
    .where("userId", "=", userId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function updateGoal(
  db: Db,
  userId: string,
  id: string,
  patch: Partial<Omit<GoalRow, "id" | "userId" | "createdAt">>,
): Promise<void> {
  await db
    .updateTable("goals")
    .set(patch)
    .where("userId", "=", userId)
    .where("id", "=", id)
    .execute();
}
