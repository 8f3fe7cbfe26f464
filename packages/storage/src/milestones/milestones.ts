import type { Db } from "../db";
import type { MilestonesTable } from "../schema";

export type MilestoneRow = MilestonesTable;

export async function insertMilestone(db: Db, row: MilestoneRow): Promise<void> {
  await db.insertInto("milestones").values(row).execute();
}

/** One person's milestones, newest first; `unseenOnly` for those not yet celebrated. */
export async function listMilestones(
  db: Db,
  userId: string,
  unseenOnly = false,
): Promise<MilestoneRow[]> {
  let query = db.selectFrom("milestones").selectAll().where("userId", "=", userId);
  if (unseenOnly) query = query.where("seenAt", "is", null);
  return query.orderBy("achievedAt", "desc").orderBy("id").execute();
}

export async function findMilestone(
  db: Db,
  userId: string,
  id: string,
): Promise<MilestoneRow | undefined> {
  return db
    .selectFrom("milestones")
    .selectAll()
    .where("userId", "=", userId)
    .where("id", "=", id)
    .executeTakeFirst();
}

/** Whether a step-mastered (stepId) or goal-reached (stepId null) milestone already exists. */
export async function hasMilestone(
  db: Db,
  goalId: string,
  kind: string,
  stepId: string | null,
): Promise<boolean> {
  let query = db
    .selectFrom("milestones")
    .select("id")
    .where("goalId", "=", goalId)
    .where("kind", "=", kind);
  query = stepId === null ? query.where("stepId", "is", null) : query.where("stepId", "=", stepId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function markMilestoneSeen(
  db: Db,
  userId: string,
  id: string,
  seenAt: string,
): Promise<void> {
  await db
    .updateTable("milestones")
    .set({ seenAt })
    .where("userId", "=", userId)
    .where("id", "=", id)
    .execute();
}
