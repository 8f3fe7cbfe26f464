import { type ExpressionBuilder, type Selectable, sql } from "kysely";
import { fixedQuery } from "../compiled";
import type { Db } from "../db";
import type { Database, StepRatingsTable, StepsTable } from "../schema";

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

/** What recording an attempt needs to know of a goal's milestones: which exist, and their basis. */
export type MilestoneState = {
  id: string;
  kind: string;
  stepId: string | null;
  basisRemovedAt: string | null;
};

/**
 * A goal's steps (as `listSteps`) and the state of its milestones, in one statement: each step's
 * step-mastered milestone and the goal's goal-reached one (the latest of each, as a list of the
 * goal's milestones in date order would leave in a map by kind and step). Recording an attempt
 * reads both under the goal's lock; empty when the goal has no steps.
 */
export async function listStepsAndMilestones(
  db: Db,
  goalId: string,
): Promise<{ steps: StepRow[]; milestones: MilestoneState[] }> {
  const rows = await stepsWithMilestones(db, goalId);
  const steps: StepRow[] = [];
  const milestones: MilestoneState[] = [];
  for (const {
    milestoneId,
    milestoneBasisRemovedAt,
    goalReachedId,
    goalReachedBasisRemovedAt,
    ...step
  } of rows) {
    steps.push(step);
    if (milestoneId !== null)
      milestones.push({
        id: milestoneId,
        kind: "step_mastered",
        stepId: step.id,
        basisRemovedAt: milestoneBasisRemovedAt,
      });
  }
  const reached = rows[0];
  if (reached && reached.goalReachedId !== null)
    milestones.push({
      id: reached.goalReachedId,
      kind: "goal_reached",
      stepId: null,
      basisRemovedAt: reached.goalReachedBasisRemovedAt,
    });
  return { steps, milestones };
}

const stepsWithMilestones = fixedQuery((db: Db, goalId: string) => {
  // The latest milestone of a kind (and step), correlated with the step row: no parameters, so
  // the goal id is the statement's only one.
  const latest = (
    eb: ExpressionBuilder<Database, "steps">,
    kind: "step_mastered" | "goal_reached",
    column: "id" | "basisRemovedAt",
  ) => {
    const query = eb
      .selectFrom("milestones as m")
      .select(`m.${column}`)
      .whereRef("m.goalId", "=", "steps.goalId")
      .where("m.kind", "=", sql.lit(kind));
    return (kind === "step_mastered" ? query.whereRef("m.stepId", "=", "steps.id") : query)
      .orderBy("m.achievedAt", "desc")
      .orderBy("m.id", "desc")
      .limit(sql.lit(1));
  };
  return db
    .selectFrom("steps")
    .selectAll("steps")
    .select((eb) => [
      latest(eb, "step_mastered", "id").as("milestoneId"),
      latest(eb, "step_mastered", "basisRemovedAt").as("milestoneBasisRemovedAt"),
      latest(eb, "goal_reached", "id").as("goalReachedId"),
      latest(eb, "goal_reached", "basisRemovedAt").as("goalReachedBasisRemovedAt"),
    ])
    .where("steps.goalId", "=", goalId)
    .orderBy("steps.position")
    .orderBy("steps.createdAt");
});

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
