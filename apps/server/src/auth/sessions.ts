import { createHash, randomBytes } from "node:crypto";
import {
  deleteExpiredSessions,
  deleteSession,
  deleteStaleThrottles,
  extendSession,
  findLiveSession,
  insertSession,
} from "@cando/storage";
import type { Context } from "hono";
import type { AppEnv } from "../context";
import { clearCookie, readCookie, writeCookie } from "./cookies";
import { longestReset } from "./policy";

export const SESSION_COOKIE = "cando_session";

// The cookie carries a random token; the database keeps only its hash.
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** When a session last seen at `seenAt` ends: idle timeout, but never past the absolute one. */
function endOf(c: Context<AppEnv>, createdAt: number, seenAt: number): Date {
  const { idleMs, absoluteMs } = c.var.deps.auth.session;
  return new Date(Math.min(seenAt + idleMs, createdAt + absoluteMs));
}

/** Starts a new session (a new id every login: no fixation) and sets the cookie. */
export async function startSession(c: Context<AppEnv>, userId: string): Promise<void> {
  const { db, clock, auth } = c.var.deps;
  const previous = readCookie(c, SESSION_COOKIE);
  if (previous) await deleteSession(db, hashToken(previous));
  const token = randomBytes(32).toString("base64url");
  const now = clock.now();
  const expiresAt = endOf(c, now.getTime(), now.getTime());
  await insertSession(db, {
    id: hashToken(token),
    userId,
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
    // Shown in Settings → Sessions so the person can tell their devices apart.
    device: c.req.header("user-agent")?.slice(0, 300) ?? null,
  });
  // Logins are rare and indexed deletes cheap: purge what has run out while we are here.
  await deleteExpiredSessions(db, now.toISOString());
  await deleteStaleThrottles(
    db,
    new Date(now.getTime() - longestReset(auth)).toISOString(),
    now.toISOString(),
  );
  writeCookie(c, SESSION_COOKIE, token, { expires: expiresAt, sameSite: "Lax" });
}

/** The caller's live session and user, sliding its idle timeout; else undefined. */
export async function currentSession(c: Context<AppEnv>) {
  const token = readCookie(c, SESSION_COOKIE);
  if (!token) return undefined;
  const { db, clock, auth } = c.var.deps;
  const now = clock.now();
  const found = await findLiveSession(db, hashToken(token), now.toISOString());
  if (!found) return undefined;
  // Write at most every tenth of the idle timeout (and at most hourly), not on every request.
  const every = Math.min(auth.session.idleMs / 10, 3_600_000);
  if (now.getTime() - Date.parse(found.session.lastSeenAt) >= every) {
    const expiresAt = endOf(c, Date.parse(found.session.createdAt), now.getTime());
    // As a transaction, so touches that arrive together (everyone's first request of the
    // morning) share one commit on SQLite instead of one fsync each on the event loop.
    await db
      .transaction()
      .execute((trx) =>
        extendSession(trx, found.session.id, now.toISOString(), expiresAt.toISOString()),
      );
  }
  return found;
}

export async function endSession(c: Context<AppEnv>): Promise<void> {
  const token = readCookie(c, SESSION_COOKIE);
  if (token) await deleteSession(c.var.deps.db, hashToken(token));
  clearCookie(c, SESSION_COOKIE);
}
