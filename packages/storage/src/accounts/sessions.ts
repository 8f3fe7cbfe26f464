import type { Db } from "../db";
import type { SessionsTable } from "../schema";
import type { UserRow } from "./users";

export type SessionRow = SessionsTable;

export async function insertSession(db: Db, row: SessionRow): Promise<void> {
  await db.insertInto("sessions").values(row).execute();
}

/** The live session with its user, or undefined when unknown or expired at `now`. */
export async function findLiveSession(
  db: Db,
  id: string,
  now: string,
): Promise<{ session: SessionRow; user: UserRow } | undefined> {
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.userId")
    .select([
      "sessions.id as sessionId",
      "sessions.createdAt as sessionCreatedAt",
      "sessions.expiresAt",
      "sessions.lastSeenAt",
      "users.id as userId",
      "users.email",
      "users.passwordHash",
      "users.createdAt as userCreatedAt",
    ])
    .where("sessions.id", "=", id)
    .where("sessions.expiresAt", ">", now)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    session: {
      id: row.sessionId,
      userId: row.userId,
      createdAt: row.sessionCreatedAt,
      expiresAt: row.expiresAt,
      lastSeenAt: row.lastSeenAt,
    },
    user: {
      id: row.userId,
      email: row.email,
      passwordHash: row.passwordHash,
      createdAt: row.userCreatedAt,
    },
  };
}

export async function extendSession(
  db: Db,
  id: string,
  lastSeenAt: string,
  expiresAt: string,
): Promise<void> {
  await db.updateTable("sessions").set({ lastSeenAt, expiresAt }).where("id", "=", id).execute();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", id).execute();
}

export async function deleteExpiredSessions(db: Db, now: string): Promise<number> {
  const result = await db.deleteFrom("sessions").where("expiresAt", "<=", now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
