import { createHash, randomBytes } from "node:crypto";
import { DAY_MS } from "@cando/core";
import { deleteSession, extendSession, findLiveSession, insertSession } from "@cando/storage";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "../context";
import { isHttps } from "../http/client";

export const SESSION_COOKIE = "cando_session";
const SESSION_DAYS = 30;
/** Sliding expiry, but at most one write a day per session. */
const EXTEND_AFTER_MS = DAY_MS;

// The cookie carries a random token; the database keeps only its hash.
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Starts a new session (a new id every login: no fixation) and sets the cookie. */
export async function startSession(c: Context<AppEnv>, userId: string): Promise<void> {
  const { db, clock, trustProxy } = c.var.deps;
  const previous = getCookie(c, SESSION_COOKIE);
  if (previous) await deleteSession(db, hashToken(previous));
  const token = randomBytes(32).toString("base64url");
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * DAY_MS);
  await insertSession(db, {
    id: hashToken(token),
    userId,
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
    // Shown in Settings → Sessions so the person can tell their devices apart.
    device: c.req.header("user-agent")?.slice(0, 300) ?? null,
  });
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "Lax",
    secure: isHttps(c, trustProxy),
    path: "/",
    expires: expiresAt,
  });
}

/** The caller's live session and user, extending it when a day has passed; else undefined. */
export async function currentSession(c: Context<AppEnv>) {
  const token = getCookie(c, SESSION_COOKIE);
  if (!token) return undefined;
  const { db, clock } = c.var.deps;
  const now = clock.now();
  const found = await findLiveSession(db, hashToken(token), now.toISOString());
  if (!found) return undefined;
  if (now.getTime() - Date.parse(found.session.lastSeenAt) >= EXTEND_AFTER_MS) {
    const expiresAt = new Date(now.getTime() + SESSION_DAYS * DAY_MS).toISOString();
    await extendSession(db, found.session.id, now.toISOString(), expiresAt);
  }
  return found;
}

export async function endSession(c: Context<AppEnv>): Promise<void> {
  const token = getCookie(c, SESSION_COOKIE);
  if (token) await deleteSession(c.var.deps.db, hashToken(token));
  deleteCookie(c, SESSION_COOKIE, { path: "/" });
}
