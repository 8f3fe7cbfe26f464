import {
  AccountDeleteInput,
  AccountResponse,
  AccountSettingsInput,
  ConflictError,
  EmailChangeInput,
  NotFoundError,
  PasswordChangeInput,
  SessionList,
  SessionsEnded,
  ValidationError,
} from "@cando/core";
import {
  type Db,
  DEFAULT_WEEK_STARTS_ON,
  deleteAccountData,
  deleteOtherSessions,
  deleteUserSession,
  findAccountSettings,
  isUniqueViolation,
  listLiveSessions,
  lockUser,
  saveAccountSettings,
  type UserRow,
  updateUser,
} from "@cando/storage";
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { authenticated } from "../auth/require-user";
import { endSession } from "../auth/sessions";
import type { App, AppEnv } from "../context";
import { errors, json, jsonBody } from "../http/openapi";
import { describeDevice } from "./device";

const tags = ["account"];

const getAccount = createRoute({
  method: "get",
  path: "/api/account",
  tags,
  summary: "The logged-in person's account and settings",
  ...authenticated,
  responses: { 200: json(AccountResponse, "The account."), ...errors(401) },
});

const patchSettings = createRoute({
  method: "patch",
  path: "/api/account/settings",
  tags,
  summary: "Change the time zone or the first day of the week",
  ...authenticated,
  request: { body: jsonBody(AccountSettingsInput) },
  responses: { 200: json(AccountResponse, "The account."), ...errors(400, 401, 403) },
});

const changePassword = createRoute({
  method: "post",
  path: "/api/account/password",
  tags,
  summary: "Change the password (the current one is required); every other session ends",
  ...authenticated,
  request: { body: jsonBody(PasswordChangeInput) },
  responses: {
    200: json(SessionsEnded, "Changed; `ended` other sessions were ended."),
    ...errors(400, 401, 403),
  },
});

const changeEmail = createRoute({
  method: "post",
  path: "/api/account/email",
  tags,
  summary: "Change the email (the password is required)",
  ...authenticated,
  request: { body: jsonBody(EmailChangeInput) },
  responses: { 200: json(AccountResponse, "The account."), ...errors(400, 401, 403, 409) },
});

const listSessions = createRoute({
  method: "get",
  path: "/api/account/sessions",
  tags,
  summary: "The person's active sessions (device, last seen), most recent first",
  ...authenticated,
  responses: { 200: json(SessionList, "The sessions."), ...errors(401) },
});

const endOne = createRoute({
  method: "delete",
  path: "/api/account/sessions/{sessionId}",
  tags,
  summary: "End one session (ending the current one logs out)",
  ...authenticated,
  request: { params: z.object({ sessionId: z.string().min(1).max(128) }) },
  responses: { 204: { description: "Ended." }, ...errors(401, 403, 404) },
});

const endOthers = createRoute({
  method: "post",
  path: "/api/account/sessions/end-others",
  tags,
  summary: "End every session but this one",
  ...authenticated,
  responses: { 200: json(SessionsEnded, "`ended` sessions were ended."), ...errors(401, 403) },
});

const deleteAccount = createRoute({
  method: "post",
  path: "/api/account/delete",
  tags,
  summary: "Delete the account and everything in it (the password is required)",
  ...authenticated,
  request: { body: jsonBody(AccountDeleteInput) },
  responses: { 204: { description: "Deleted; logged out." }, ...errors(400, 401, 403) },
});

async function presentAccount(db: Db, user: UserRow) {
  const settings = await findAccountSettings(db, user.id);
  return {
    account: {
      id: user.id,
      email: user.email,
      createdAt: user.createdAt,
      settings: {
        timeZone: settings?.timeZone ?? null,
        weekStartsOn: settings?.weekStartsOn ?? DEFAULT_WEEK_STARTS_ON,
      },
    },
  };
}

/** Re-authentication for the account's most sensitive changes: a wrong password is a 400. */
async function requirePassword(c: Context<AppEnv>, password: string, field: string) {
  const ok = await c.var.deps.passwords.verify(c.var.user.passwordHash, password);
  if (!ok) throw new ValidationError([{ path: field, message: "is not your password" }]);
}

export function registerAccountRoutes(app: App): void {
  app.openapi(getAccount, async (c) =>
    c.json(await presentAccount(c.var.deps.db, c.var.user), 200),
  );

  app.openapi(patchSettings, async (c) => {
    const input = c.req.valid("json");
    const { db, clock } = c.var.deps;
    await saveAccountSettings(
      db,
      c.var.user.id,
      { timeZone: input.timeZone, weekStartsOn: input.weekStartsOn },
      clock.now().toISOString(),
    );
    return c.json(await presentAccount(db, c.var.user), 200);
  });

  app.openapi(changePassword, async (c) => {
    const { currentPassword, newPassword } = c.req.valid("json");
    const { db, passwords } = c.var.deps;
    await requirePassword(c, currentPassword, "currentPassword");
    if (newPassword === currentPassword) {
      throw new ValidationError([{ path: "newPassword", message: "is the current password" }]);
    }
    const passwordHash = await passwords.hash(newPassword);
    // Whoever else holds a session (a lost phone, a shared computer) is logged out with it.
    const ended = await db.transaction().execute(async (trx) => {
      await lockUser(trx, c.var.user.id);
      await updateUser(trx, c.var.user.id, { passwordHash });
      return deleteOtherSessions(trx, c.var.user.id, c.var.sessionId);
    });
    return c.json({ ended }, 200);
  });

  app.openapi(changeEmail, async (c) => {
    const { email, password } = c.req.valid("json");
    const { db } = c.var.deps;
    await requirePassword(c, password, "password");
    try {
      await updateUser(db, c.var.user.id, { email });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError("email_taken", "Another account already has this email.", [
          { path: "email", message: "already has an account" },
        ]);
      }
      throw error;
    }
    return c.json(await presentAccount(db, { ...c.var.user, email }), 200);
  });

  app.openapi(listSessions, async (c) => {
    const { db, clock } = c.var.deps;
    const rows = await listLiveSessions(db, c.var.user.id, clock.now().toISOString());
    return c.json(
      {
        sessions: rows.map((s) => ({
          id: s.id,
          device: describeDevice(s.device),
          createdAt: s.createdAt,
          lastSeenAt: s.lastSeenAt,
          current: s.id === c.var.sessionId,
        })),
      },
      200,
    );
  });

  app.openapi(endOne, async (c) => {
    const { sessionId } = c.req.valid("param");
    const ended = await deleteUserSession(c.var.deps.db, c.var.user.id, sessionId);
    if (!ended) throw new NotFoundError("session");
    if (sessionId === c.var.sessionId) await endSession(c);
    return c.body(null, 204);
  });

  app.openapi(endOthers, async (c) => {
    const ended = await deleteOtherSessions(c.var.deps.db, c.var.user.id, c.var.sessionId);
    return c.json({ ended }, 200);
  });

  app.openapi(deleteAccount, async (c) => {
    const { password } = c.req.valid("json");
    await requirePassword(c, password, "password");
    await c.var.deps.db.transaction().execute(async (trx) => {
      await lockUser(trx, c.var.user.id);
      await deleteAccountData(trx, c.var.user.id);
    });
    await endSession(c);
    return c.body(null, 204);
  });
}
