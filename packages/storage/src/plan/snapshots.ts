import type { Db } from "../db";
import type { PlanSnapshotsTable } from "../schema";

export type PlanSnapshotRow = PlanSnapshotsTable;

/** The last 30-day plan of a goal, if one was made. */
export async function findPlanSnapshot(
  db: Db,
  userId: string,
  goalId: string,
): Promise<PlanSnapshotRow | undefined> {
  return db
    .selectFrom("planSnapshots")
    .selectAll()
    .where("userId", "=", userId)
    .where("goalId", "=", goalId)
    .executeTakeFirst();
}

/** Keeps a goal's plan as the one to compare the next against (an upsert). */
export async function savePlanSnapshot(db: Db, row: PlanSnapshotRow): Promise<void> {
  const { goalId: _goal, userId: _user, ...change } = row;
  await db
    .insertInto("planSnapshots")
    .values(row)
    .onConflict((oc) => oc.column("goalId").doUpdateSet(change))
    .execute();
}
