import type { Db } from "../db";
import type { AttemptStartsTable, RoutineRunsTable, RoutinesTable } from "../schema";

export type RoutineRow = RoutinesTable;
export type RoutineRunRow = RoutineRunsTable;
export type AttemptStartRow = AttemptStartsTable;

// Routines: one default (goal null) and at most one per goal, per person.

export async function listRoutines(db: Db, userId: string): Promise<RoutineRow[]> {
  return db
    .selectFrom("routines")
    .selectAll()
    .where("userId", "=", userId)
    .orderBy("createdAt")
    .orderBy("id")
    .execute();
}

/** The person's routine for a goal (goalId null: the default), if they made one. */
export async function findRoutineFor(
  db: Db,
  userId: string,
  goalId: string | null,
): Promise<RoutineRow | undefined> {
  let query = db.selectFrom("routines").selectAll().where("userId", "=", userId);
  query = goalId === null ? query.where("goalId", "is", null) : query.where("goalId", "=", goalId);
  return query.executeTakeFirst();
}

export async function findRoutine(
  db: Db,
  userId: string,
  id: string,
): Promise<RoutineRow | undefined> {
  return db
    .selectFrom("routines")
    .selectAll()
    .where("userId", "=", userId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function insertRoutine(db: Db, row: RoutineRow): Promise<void> {
  await db.insertInto("routines").values(row).execute();
}

export async function updateRoutine(
  db: Db,
  userId: string,
  id: string,
  patch: Pick<RoutineRow, "name" | "blocks" | "updatedAt">,
): Promise<void> {
  await db
    .updateTable("routines")
    .set(patch)
    .where("userId", "=", userId)
    .where("id", "=", id)
    .execute();
}

export async function deleteRoutine(db: Db, userId: string, id: string): Promise<void> {
  await db.deleteFrom("routines").where("userId", "=", userId).where("id", "=", id).execute();
}

// Routine runs.

export async function insertRoutineRun(db: Db, row: RoutineRunRow): Promise<void> {
  await db.insertInto("routineRuns").values(row).execute();
}

export async function findRoutineRun(
  db: Db,
  userId: string,
  id: string,
): Promise<RoutineRunRow | undefined> {
  return db
    .selectFrom("routineRuns")
    .selectAll()
    .where("userId", "=", userId)
    .where("id", "=", id)
    .executeTakeFirst();
}

/** Links a run to the attempt that followed it. */
export async function linkRoutineRun(db: Db, runId: string, attemptId: string): Promise<void> {
  await db.updateTable("routineRuns").set({ attemptId }).where("id", "=", runId).execute();
}

/**
 * A person's routine runs finished in [from, to) (ISO instants), oldest first: the
 * state-management source of a week's reflection.
 */
export async function listRoutineRuns(
  db: Db,
  userId: string,
  from: string,
  to: string,
): Promise<RoutineRunRow[]> {
  return db
    .selectFrom("routineRuns")
    .selectAll()
    .where("userId", "=", userId)
    .where("finishedAt", ">=", from)
    .where("finishedAt", "<", to)
    .orderBy("finishedAt")
    .orderBy("id")
    .execute();
}

/** The ids of a person's attempts that followed a routine. */
export async function attemptsWithRoutine(db: Db, userId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom("routineRuns")
    .select("attemptId")
    .where("userId", "=", userId)
    .where("attemptId", "is not", null)
    .execute();
  return new Set(rows.map((r) => r.attemptId as string));
}

/** The runs that preceded the given attempts, by attempt id. */
export async function routineRunsOfAttempts(
  db: Db,
  userId: string,
  attemptIds: string[],
): Promise<Map<string, RoutineRunRow>> {
  const runs = new Map<string, RoutineRunRow>();
  for (let i = 0; i < attemptIds.length; i += 500) {
    const chunk = attemptIds.slice(i, i + 500);
    if (chunk.length === 0) continue;
    const rows = await db
      .selectFrom("routineRuns")
      .selectAll()
      .where("userId", "=", userId)
      .where("attemptId", "in", chunk)
      .execute();
    for (const r of rows) runs.set(r.attemptId as string, r);
  }
  return runs;
}

// Attempts in progress.

export type AttemptStartView = AttemptStartRow & { stepTitle: string; goalStatement: string };

export async function insertAttemptStart(db: Db, row: AttemptStartRow): Promise<void> {
  await db.insertInto("attemptStarts").values(row).execute();
}

export async function findAttemptStart(
  db: Db,
  userId: string,
  id: string,
): Promise<AttemptStartRow | undefined> {
  return db
    .selectFrom("attemptStarts")
    .selectAll()
    .where("userId", "=", userId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function findAttemptStartByKey(
  db: Db,
  userId: string,
  idempotencyKey: string,
): Promise<AttemptStartRow | undefined> {
  return db
    .selectFrom("attemptStarts")
    .selectAll()
    .where("userId", "=", userId)
    .where("idempotencyKey", "=", idempotencyKey)
    .executeTakeFirst();
}

/** A person's attempts in progress (optionally of one goal), oldest first, with names to show. */
export async function listAttemptStarts(
  db: Db,
  userId: string,
  filter: { goalId?: string } = {},
): Promise<AttemptStartView[]> {
  let query = db
    .selectFrom("attemptStarts")
    .innerJoin("steps", "steps.id", "attemptStarts.stepId")
    .innerJoin("goals", "goals.id", "attemptStarts.goalId")
    .selectAll("attemptStarts")
    .select(["steps.title as stepTitle", "goals.statement as goalStatement"])
    .where("attemptStarts.userId", "=", userId);
  if (filter.goalId) query = query.where("attemptStarts.goalId", "=", filter.goalId);
  return query.orderBy("attemptStarts.startedAt").orderBy("attemptStarts.id").execute();
}

export async function deleteAttemptStart(db: Db, userId: string, id: string): Promise<void> {
  await db.deleteFrom("attemptStarts").where("userId", "=", userId).where("id", "=", id).execute();
}
