import type { Db } from "../db";
import type { DeletionsTable } from "../schema";

export type DeletionRow = DeletionsTable;

export async function insertDeletion(db: Db, row: DeletionRow): Promise<void> {
  await db.insertInto("deletions").values(row).execute();
}

/** One person's deletion that can still be undone; undefined for another person's or a past one. */
export async function findDeletion(
  db: Db,
  userId: string,
  id: string,
  now: string,
): Promise<DeletionRow | undefined> {
  return db
    .selectFrom("deletions")
    .selectAll()
    .where("userId", "=", userId)
    .where("id", "=", id)
    .where("expiresAt", ">", now)
    .executeTakeFirst();
}

export async function removeDeletion(db: Db, id: string): Promise<void> {
  await db.deleteFrom("deletions").where("id", "=", id).execute();
}

/** Purges every deletion past its undo window: deleted data does not linger. */
export async function purgeExpiredDeletions(db: Db, now: string): Promise<number> {
  const result = await db.deleteFrom("deletions").where("expiresAt", "<=", now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
