import type { Db } from "../db";
import type { AttemptsTable, DebriefsTable } from "../schema";

export type AttemptRow = AttemptsTable;
export type DebriefRow = DebriefsTable;

export async function insertAttempt(db: Db, row: AttemptRow): Promise<void> {
  await db.insertInto("attempts").values(row).execute();
}

/** One person's attempt; undefined for another person's, exactly as for a missing one. */
export async function findAttempt(
  db: Db,
  userId: string,
  id: string,
): Promise<AttemptRow | undefined> {
  return db
    .selectFrom("attempts")
    .selectAll()
    .where("userId", "=", userId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function findAttemptByKey(
  db: Db,
  userId: string,
  idempotencyKey: string,
): Promise<AttemptRow | undefined> {
  return db
    .selectFrom("attempts")
    .selectAll()
    .where("userId", "=", userId)
    .where("idempotencyKey", "=", idempotencyKey)
    .executeTakeFirst();
}

export interface AttemptFilter {
  goalId?: string;
  stepId?: string;
}

/** One person's attempts, oldest first. */
export async function listAttempts(
  db: Db,
  userId: string,
  filter: AttemptFilter = {},
): Promise<AttemptRow[]> {
  let query = db.selectFrom("attempts").selectAll().where("userId", "=", userId);
  if (filter.goalId) query = query.where("goalId", "=", filter.goalId);
  if (filter.stepId) query = query.where("stepId", "=", filter.stepId);
  return query.orderBy("attemptedAt").orderBy("createdAt").orderBy("id").execute();
}

/** What the ladder model is replayed from: a goal's attempts, only the columns it needs. */
export async function listAttemptFacts(
  db: Db,
  goalId: string,
): Promise<Pick<AttemptRow, "id" | "stepId" | "outcome" | "attemptedAt">[]> {
  return db
    .selectFrom("attempts")
    .select(["id", "stepId", "outcome", "attemptedAt"])
    .where("goalId", "=", goalId)
    .execute();
}

export async function countAttemptsOfStep(db: Db, stepId: string): Promise<number> {
  const row = await db
    .selectFrom("attempts")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("stepId", "=", stepId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Creates or replaces the debrief of an attempt. */
export async function saveDebrief(db: Db, row: DebriefRow): Promise<void> {
  const { attemptId, createdAt, ...rest } = row;
  const existing = await db
    .selectFrom("debriefs")
    .select("attemptId")
    .where("attemptId", "=", attemptId)
    .executeTakeFirst();
  if (existing) {
    await db.updateTable("debriefs").set(rest).where("attemptId", "=", attemptId).execute();
  } else {
    await db.insertInto("debriefs").values(row).execute();
  }
}

export async function findDebrief(db: Db, attemptId: string): Promise<DebriefRow | undefined> {
  return db
    .selectFrom("debriefs")
    .selectAll()
    .where("attemptId", "=", attemptId)
    .executeTakeFirst();
}

/** Debriefs of the given attempts. */
export async function listDebriefs(db: Db, attemptIds: string[]): Promise<DebriefRow[]> {
  if (attemptIds.length === 0) return [];
  const rows: DebriefRow[] = [];
  // Chunked: both databases cap the number of bound parameters.
  for (let i = 0; i < attemptIds.length; i += 500) {
    const chunk = attemptIds.slice(i, i + 500);
    rows.push(
      ...(await db.selectFrom("debriefs").selectAll().where("attemptId", "in", chunk).execute()),
    );
  }
  return rows;
}

export type AttemptPatch = Partial<
  Pick<
    AttemptRow,
    | "attemptedAt"
    | "confidenceBefore"
    | "anxietyBefore"
    | "outcome"
    | "effort"
    | "difficulty"
    | "anxietyAfter"
    | "minutes"
    | "note"
  >
>;

export async function updateAttempt(
  db: Db,
  userId: string,
  id: string,
  patch: AttemptPatch,
): Promise<void> {
  if (Object.keys(patch).length === 0) return;
  await db
    .updateTable("attempts")
    .set(patch)
    .where("userId", "=", userId)
    .where("id", "=", id)
    .execute();
}

/** Deletes one person's attempt with its debrief (evidence it created is the caller's to delete). */
export async function deleteAttempt(db: Db, userId: string, id: string): Promise<void> {
  await db.deleteFrom("debriefs").where("attemptId", "=", id).execute();
  await db.deleteFrom("attempts").where("userId", "=", userId).where("id", "=", id).execute();
}

/** Puts a deleted attempt (and its debrief) back exactly as it was. */
export async function restoreAttempt(
  db: Db,
  attempt: AttemptRow,
  debrief: DebriefRow | null,
): Promise<void> {
  await db.insertInto("attempts").values(attempt).execute();
  if (debrief) await db.insertInto("debriefs").values(debrief).execute();
}
