import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db";
import type { PasswordResetsTable } from "../schema";

export type PasswordResetRow = PasswordResetsTable;

export async function insertPasswordReset(db: Db, row: PasswordResetRow): Promise<void> {
  await db.insertInto("passwordResets").values(row).execute();
}

/**
 * Uses a reset link once: marks it used and returns its user id, or undefined when it is
 * unknown, used or expired. The conditional update is the lock: of two concurrent uses, one wins.
 */
export async function consumePasswordReset(
  db: Db,
  id: string,
  now: string,
): Promise<string | undefined> {
  const result = await db
    .updateTable("passwordResets")
    .set({ usedAt: now })
    .where("id", "=", id)
    .where("usedAt", "is", null)
    .where("expiresAt", ">", now)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return undefined;
  const row = await db
    .selectFrom("passwordResets")
    .select("userId")
    .where("id", "=", id)
    .executeTakeFirst();
  return row?.userId;
}

/** Whether a reset link would still work (for showing the form before it is used). */
export async function findLivePasswordReset(
  db: Db,
  id: string,
  now: string,
): Promise<PasswordResetRow | undefined> {
  return db
    .selectFrom("passwordResets")
    .selectAll()
    .where("id", "=", id)
    .where("usedAt", "is", null)
    .where("expiresAt", ">", now)
    .executeTakeFirst();
}

/** The stored id of a reset link's token: the database never holds a usable link. */
export function hashResetToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** One hour: long enough to open an email or a chat message, short enough to go stale. */
export const PASSWORD_RESET_TTL_MS = 60 * 60 * 1000;

/** Makes a one-time reset link's token for this person (only its hash is stored). */
export async function createPasswordReset(db: Db, userId: string, now: Date): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await insertPasswordReset(db, {
    id: hashResetToken(token),
    userId,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + PASSWORD_RESET_TTL_MS).toISOString(),
    usedAt: null,
  });
  return token;
}

/** Removes reset links past their hour (used or not): nothing lingers that could be replayed. */
export async function deleteExpiredPasswordResets(db: Db, now: string): Promise<number> {
  const result = await db
    .deleteFrom("passwordResets")
    .where("expiresAt", "<=", now)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
