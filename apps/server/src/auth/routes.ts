import {
  ConflictError,
  DEFAULT_DOMAINS,
  ForbiddenError,
  InvalidCredentialsError,
  LoginInput,
  SignupInput,
  UserResponse,
} from "@cando/core";
import {
  clearThrottle,
  findUserByEmail,
  insertDomains,
  insertUser,
  isUniqueViolation,
  presentUser,
  unclaimThrottle,
} from "@cando/storage";
import { createRoute } from "@hono/zod-openapi";
import type { App } from "../context";
import { clientAddress } from "../http/client";
import { errors, json, jsonBody } from "../http/openapi";
import { acceptInvitation, isLiveInvitation } from "../sharing/accept";
import { issueDeviceCookie, trustedDevice } from "./device-cookie";
import { authenticated } from "./require-user";
import { endSession, startSession } from "./sessions";
import { claimAll, loginLimits, signupLimit } from "./throttle";

const signup = createRoute({
  method: "post",
  path: "/api/auth/signup",
  tags: ["accounts"],
  summary: "Create an account (and log in)",
  request: { body: jsonBody(SignupInput) },
  responses: {
    201: json(UserResponse, "The new account; the session cookie is set."),
    ...errors(400, 403, 409, 413, 429),
  },
});

const login = createRoute({
  method: "post",
  path: "/api/auth/login",
  tags: ["accounts"],
  summary: "Log in",
  request: { body: jsonBody(LoginInput) },
  responses: {
    200: json(UserResponse, "Logged in; a new session cookie is set."),
    ...errors(400, 401, 403, 429),
  },
});

const logout = createRoute({
  method: "post",
  path: "/api/auth/logout",
  tags: ["accounts"],
  summary: "Log out (ends this session)",
  responses: { 204: { description: "Logged out." }, ...errors(403) },
});

const me = createRoute({
  method: "get",
  path: "/api/me",
  tags: ["accounts"],
  summary: "The logged-in person",
  ...authenticated,
  responses: { 200: json(UserResponse, "The logged-in person."), ...errors(401) },
});

export function registerAuthRoutes(app: App): void {
  app.openapi(signup, async (c) => {
    const input = c.req.valid("json");
    const { db, clock, newId, passwords, auth, deployment } = c.var.deps;
    // An invitation link lets its one sign-up through a closed server (accepting uses it up).
    if (
      c.var.deps.signup === "closed" &&
      !(input.invitation && (await isLiveInvitation(db, input.invitation, clock.now())))
    ) {
      throw new ForbiddenError(
        "signup_closed",
        "Sign-up is closed on this server. Ask whoever runs it for an account.",
      );
    }
    // Every sign-up costs an argon2 hash and may reveal a taken email: limited per address.
    await claimAll(db, [signupLimit(auth, clientAddress(c, deployment.trustProxy))], clock.now());
    const now = clock.now().toISOString();
    const user = {
      id: newId(),
      email: input.email,
      passwordHash: await passwords.hash(input.password),
      createdAt: now,
    };
    try {
      // The account and its five life domains land together or not at all.
      await db.transaction().execute(async (trx) => {
        await insertUser(trx, user);
        await insertDomains(
          trx,
          DEFAULT_DOMAINS.map((d, position) => ({
            id: newId(),
            userId: user.id,
            key: d.key,
            name: d.name,
            position,
            archivedAt: null,
            createdAt: now,
          })),
        );
        if (input.invitation)
          await acceptInvitation(trx, c.var.deps, input.invitation, user.id, "invitation");
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError(
          "email_taken",
          "An account with this email already exists. Log in instead.",
          [{ path: "email", message: "already has an account" }],
        );
      }
      throw error;
    }
    issueDeviceCookie(c, user.id);
    await startSession(c, user.id);
    return c.json({ user: presentUser(user) }, 201);
  });

  app.openapi(login, async (c) => {
    const { email, password } = c.req.valid("json");
    const { db, clock, passwords, auth, deployment } = c.var.deps;
    const user = await findUserByEmail(db, email);
    const device = user ? trustedDevice(c, user.id) : undefined;
    const limits = loginLimits(auth, email, clientAddress(c, deployment.trustProxy), device);
    // Counted before the password is checked (parallel guesses count too); given back on success.
    await claimAll(db, limits, clock.now());
    const ok = user ? await passwords.verify(user.passwordHash, password) : false;
    if (!user) await passwords.verifyDummy(password);
    if (!user || !ok) throw new InvalidCredentialsError();
    for (const [key] of limits) {
      // This device's or this address's slips for the account were the owner's: forgotten. The
      // address and the account keep the failures of others (an attacker gains nothing).
      if (key.startsWith("pair:") || key.startsWith("device:")) await clearThrottle(db, key);
      else await unclaimThrottle(db, key);
    }
    issueDeviceCookie(c, user.id);
    await startSession(c, user.id);
    return c.json({ user: presentUser(user) }, 200);
  });

  app.openapi(logout, async (c) => {
    await endSession(c);
    return c.body(null, 204);
  });

  app.openapi(me, (c) => c.json({ user: presentUser(c.var.user) }, 200));
}
