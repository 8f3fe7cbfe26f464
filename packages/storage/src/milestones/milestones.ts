import { fixedQuery } from "../compiled";
import type { Db } from "../db";
import type { MilestonesTable } from "../schema";

export type MilestoneRow = MilestonesTable;
/** A milestone as recorded: its basis is there when it is earned. */
export type NewMilestone = Omit<MilestoneRow, "basisRemovedAt"> & { basisRemovedAt?: null };

export async function insertMilestone(db: Db, row: NewMilestone): Promise<void> {
  await db
    .insertInto("milestones")
    .values({ ...row, basisRemovedAt: null })
    .execute();
}

/** A goal's milestones, oldest first. */
export async function listMilestonesOfGoal(db: Db, goalId: string): Promise<MilestoneRow[]> {
  return milestonesOfGoal(db, goalId);
}

// Recording an attempt reads them whenever a step is mastered: compiled once (see fixedQuery).
const milestonesOfGoal = fixedQuery((db: Db, goalId: string) =>
  db
    .selectFrom("milestones")
    .selectAll()
    .where("goalId", "=", goalId)
    .orderBy("achievedAt")
    .orderBy("id"),
);

/** Clears a removed basis: the step (or goal) was mastered again, so the milestone is earned again. */
export async function restoreMilestoneBasis(
  db: Db,
  goalId: string,
  kind: string,
  stepId: string | null,
): Promise<void> {
  let query = db
    .updateTable("milestones")
    .set({ basisRemovedAt: null })
    .where("goalId", "=", goalId)
    .where("kind", "=", kind)
    .where("basisRemovedAt", "is not", null);
  query = stepId === null ? query.where("stepId", "is", null) : query.where("stepId", "=", stepId);
  await query.execute();
}

/** Notes (or, when it is back, clears) that what earned a milestone was later removed. */
export async function setMilestoneBasisRemoved(
  db: Db,
  id: string,
  basisRemovedAt: string | null,
): Promise<void> {
  await db.updateTable("milestones").set({ basisRemovedAt }).where("id", "=", id).execute();
}

/** One person's milestones, newest first; `unseenOnly` for those not yet celebrated. */
export async function listMilestones(
  db: Db,
  userId: string,
  unseenOnly = false,
): Promise<MilestoneRow[]> {
  return unseenOnly ? unseenMilestones(db, userId) : allMilestones(db, userId);
}

// Compiled once (see fixedQuery): Today asks for the unseen ones on every visit.
const allMilestones = fixedQuery((db: Db, userId: string) =>
  db
    .selectFrom("milestones")
    .selectAll()
    .where("userId", "=", userId)
    .orderBy("achievedAt", "desc")
    .orderBy("id"),
);
const unseenMilestones = fixedQuery((db: Db, userId: string) =>
  db
    .selectFrom("milestones")
    .selectAll()
    .where("userId", "=", userId)
    .where("seenAt", "is", null)
    .orderBy("achievedAt", "desc")
    .orderBy("id"),
);

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
