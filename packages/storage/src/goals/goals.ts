import { fixedQuery } from "../compiled";
import { type Db, dbKind } from "../db";
import type { GoalsTable } from "../schema";

export type GoalRow = GoalsTable;

export async function insertGoal(db: Db, row: GoalRow): Promise<void> {
  await db.insertInto("goals").values(row).execute();
}

// Compiled once (see fixedQuery): every page asks for a person's goals, or their active ones.
const allGoals = fixedQuery((db: Db, userId: string) =>
  db
    .selectFrom("goals")
    .selectAll()
    .where("userId", "=", userId)
    .orderBy("createdAt", "desc")
    .orderBy("id"),
);
const goalsOfStatus = fixedQuery((db: Db, userId: string, status: string) =>
  db
    .selectFrom("goals")
    .selectAll()
    .where("userId", "=", userId)
    .where("status", "=", status)
    .orderBy("createdAt", "desc")
    .orderBy("id"),
);

/** One person's goals, newest first; optionally only those of one status. */
export async function listGoals(db: Db, userId: string, status?: string): Promise<GoalRow[]> {
  return status === undefined ? allGoals(db, userId) : goalsOfStatus(db, userId, status);
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

/**
 * Goals after `afterId` (by id) whose stored ladder model is not of engine version `version`:
 * written by an older engine, or damaged. Matched on the JSON text (the engine writes it with
 * JSON.stringify, no spaces), so no model leaves the database to be checked.
 */
export async function goalsWithModelNotOfVersion(
  db: Db,
  version: number,
  afterId: string,
  limit: number,
): Promise<{ id: string; userId: string }[]> {
  return db
    .selectFrom("goals")
    .select(["id", "userId"])
    .where("id", ">", afterId)
    .where("model", "is not", null)
    .where("model", "not like", `%"version":${version},%`)
    .where("model", "not like", `%"version":${version}}%`)
    .orderBy("id")
    .limit(limit)
    .execute();
}

/**
 * One person's goal, locked for the rest of the transaction: every read-modify-write of a goal's
 * ladder (its model, its steps, its attempts) starts here, so parallel requests on PostgreSQL
 * (READ COMMITTED) queue instead of overwriting each other. SQLite needs no row lock: its write
 * transactions are serialized by `BEGIN IMMEDIATE`.
 */
export async function lockGoal(db: Db, userId: string, id: string): Promise<GoalRow | undefined> {
  const query = db
    .selectFrom("goals")
    .selectAll()
    .where("userId", "=", userId)
    .where("id", "=", id);
  return (dbKind(db) === "postgres" ? query.forUpdate() : query).executeTakeFirst();
}

/** Stores a goal's ladder model (the cache of its replay): every logged attempt writes it. */
export async function updateGoalModel(
  db: Db,
  userId: string,
  id: string,
  model: string | null,
  updatedAt: string,
): Promise<void> {
  await goalModelUpdate(db, model, updatedAt, userId, id);
}

// Compiled once (see fixedQuery).
const goalModelUpdate = fixedQuery(
  (db: Db, model: string | null, updatedAt: string, userId: string, id: string) =>
    db
      .updateTable("goals")
      .set({ model, updatedAt })
      .where("userId", "=", userId)
      .where("id", "=", id),
);

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

export interface GoalContents {
  steps: number;
  attempts: number;
  evidence: number;
  milestones: number;
  practiceEntries: number;
}

/** How much a goal holds, for the confirmation before deleting it. Counted in SQL. */
export async function countGoalContents(db: Db, goalId: string): Promise<GoalContents> {
  const count = async (
    table: "steps" | "attempts" | "evidence" | "milestones" | "practiceEntries",
  ) => {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("goalId", "=", goalId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  return {
    steps: await count("steps"),
    attempts: await count("attempts"),
    evidence: await count("evidence"),
    milestones: await count("milestones"),
    practiceEntries: await count("practiceEntries"),
  };
}

/**
 * Deletes one person's goal with everything under it: its evidence, milestones, debriefs,
 * attempts, step ratings and steps, its practice (entries, planned rest days, target) and its sharing (invitations, grants). Explicit, in dependency order, rather than trusting each
 * database's cascade order. Call inside a transaction.
 */
export async function deleteGoal(db: Db, userId: string, id: string): Promise<void> {
  const owned = await findGoal(db, userId, id);
  if (!owned) return;
  const attempts = db.selectFrom("attempts").select("id").where("goalId", "=", id);
  await db.deleteFrom("feedback").where("goalId", "=", id).execute();
  await db.deleteFrom("evidence").where("goalId", "=", id).execute();
  await db.deleteFrom("evidence").where("attemptId", "in", attempts).execute();
  await db.deleteFrom("milestones").where("goalId", "=", id).execute();
  await db.deleteFrom("debriefs").where("attemptId", "in", attempts).execute();
  await db.deleteFrom("attempts").where("goalId", "=", id).execute();
  const steps = db.selectFrom("steps").select("id").where("goalId", "=", id);
  await db.deleteFrom("stepRatings").where("stepId", "in", steps).execute();
  // Role models keep what they did; it is no longer linked to a step of this ladder.
  await db
    .updateTable("roleModelSteps")
    .set({ stepId: null })
    .where("stepId", "in", steps)
    .execute();
  await db.deleteFrom("steps").where("goalId", "=", id).execute();
  await db.deleteFrom("practiceEntries").where("goalId", "=", id).execute();
  await db.deleteFrom("practiceRestDays").where("goalId", "=", id).execute();
  await db.deleteFrom("practiceTargets").where("goalId", "=", id).execute();
  await db.deleteFrom("planSnapshots").where("goalId", "=", id).execute();
  await db.deleteFrom("grants").where("goalId", "=", id).execute();
  await db.deleteFrom("invitations").where("goalId", "=", id).execute();
  await db.deleteFrom("goals").where("id", "=", id).execute();
}
