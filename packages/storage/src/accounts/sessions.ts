import { fixedQuery } from "../compiled";
import type { Db } from "../db";
import type { SessionsTable } from "../schema";
import type { UserRow } from "./users";

export type SessionRow = SessionsTable;

/** A new session; `device` is optional so callers that do not know it need not say so. */
export type NewSession = Omit<SessionRow, "device"> & { device?: string | null };

export async function insertSession(db: Db, row: NewSession): Promise<void> {
  await db
    .insertInto("sessions")
    .values({ ...row, device: row.device ?? null })
    .execute();
}

// Every authenticated request runs it: compiled once (see fixedQuery).
const liveSession = fixedQuery((db: Db, id: string, now: string) =>
  db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.userId")
    .select([
      "sessions.id as sessionId",
      "sessions.createdAt as sessionCreatedAt",
      "sessions.expiresAt",
      "sessions.lastSeenAt",
      "sessions.device",
      "users.id as userId",
      "users.email",
      "users.passwordHash",
      "users.createdAt as userCreatedAt",
    ])
    .where("sessions.id", "=", id)
    .where("sessions.expiresAt", ">", now),
);

/** The live session with its user, or undefined when unknown or expired at `now`. */
export async function findLiveSession(
  db: Db,
  id: string,
  now: string,
): Promise<{ session: SessionRow; user: UserRow } | undefined> {
  const [row] = await liveSession(db, id, now);
  if (!row) return undefined;
  return {
    session: {
      id: row.sessionId,
      userId: row.userId,
      createdAt: row.sessionCreatedAt,
      expiresAt: row.expiresAt,
      lastSeenAt: row.lastSeenAt,
      device: row.device,
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

/** A person's live sessions, most recently seen first. */
export async function listLiveSessions(db: Db, userId: string, now: string): Promise<SessionRow[]> {
  return db
    .selectFrom("sessions")
    .selectAll()
    .where("userId", "=", userId)
    .where("expiresAt", ">", now)
    .orderBy("lastSeenAt", "desc")
    .orderBy("createdAt", "desc")
    .execute();
}

/** Ends one of this person's sessions; false when they have no such session. */
export async function deleteUserSession(db: Db, userId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom("sessions")
    .where("userId", "=", userId)
    .where("id", "=", id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Ends every session of this person but `keepId` (none kept when it is null). */
export async function deleteOtherSessions(
  db: Db,
  userId: string,
  keepId: string | null,
): Promise<number> {
  let query = db.deleteFrom("sessions").where("userId", "=", userId);
  if (keepId !== null) query = query.where("id", "!=", keepId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}
