import type { Selectable } from "kysely";
import { fixedQuery } from "../compiled";
import type { Db } from "../db";
import type { StepRatingsTable, StepsTable } from "../schema";

export type StepRow = Selectable<StepsTable>;
/** A step to insert: its counts are the database's (triggers), never the caller's. */
export type NewStepRow = Omit<StepRow, "attemptCount" | "successCount">;
export type StepRatingRow = StepRatingsTable;

export async function insertSteps(db: Db, rows: NewStepRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto("steps").values(rows).execute();
}

/** A goal's steps in ladder order, archived ones included (their archivedAt is set). */
export async function listSteps(db: Db, goalId: string): Promise<StepRow[]> {
  return stepsOfGoal(db, goalId);
}

// Every write to a ladder and the ladder view read it: compiled once (see fixedQuery).
const stepsOfGoal = fixedQuery((db: Db, goalId: string) =>
  db
    .selectFrom("steps")
    .selectAll()
    .where("goalId", "=", goalId)
    .orderBy("position")
    .orderBy("createdAt"),
);

/** Every step of the given goals, each goal's in ladder order (as `listSteps`), for overviews (Today). */
export async function listStepsOfGoals(db: Db, goalIds: string[]): Promise<StepRow[]> {
  if (goalIds.length === 0) return [];
  return db
    .selectFrom("steps")
    .selectAll()
    .where("goalId", "in", goalIds)
    .orderBy("goalId")
    .orderBy("position")
    .orderBy("createdAt")
    .execute();
}

/** One person's step; undefined for another person's, exactly as for a missing one. */
export async function findStep(db: Db, userId: string, id: string): Promise<StepRow | undefined> {
  return db
    .selectFrom("steps")
    .selectAll()
    .where("userId", "=", userId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function updateStep(
  db: Db,
  userId: string,
  id: string,
  patch: Partial<Omit<StepRow, "id" | "userId" | "goalId" | "createdAt">>,
): Promise<void> {
  await db
    .updateTable("steps")
    .set(patch)
    .where("userId", "=", userId)
    .where("id", "=", id)
    .execute();
}

/** Deletes a step that has no attempts; one with attempts is archived instead, never deleted. */
export async function deleteStep(db: Db, userId: string, id: string): Promise<void> {
  await db.deleteFrom("steps").where("userId", "=", userId).where("id", "=", id).execute();
}

/** Writes positions 0..n-1 in the given order. */
export async function setStepPositions(
  db: Db,
  userId: string,
  orderedIds: string[],
): Promise<void> {
  for (const [position, id] of orderedIds.entries()) {
    await db
      .updateTable("steps")
      .set({ position })
      .where("userId", "=", userId)
      .where("id", "=", id)
      .execute();
  }
}

export async function insertStepRating(db: Db, row: StepRatingRow): Promise<void> {
  await db.insertInto("stepRatings").values(row).execute();
}

/** Confidence history of a goal's steps, oldest first. */
export async function listStepRatings(db: Db, goalId: string): Promise<StepRatingRow[]> {
  return db
    .selectFrom("stepRatings")
    .innerJoin("steps", "steps.id", "stepRatings.stepId")
    .select([
      "stepRatings.id",
      "stepRatings.stepId",
      "stepRatings.confidence",
      "stepRatings.ratedAt",
    ])
    .where("steps.goalId", "=", goalId)
    .orderBy("stepRatings.ratedAt")
    .orderBy("stepRatings.id")
    .execute();
}
