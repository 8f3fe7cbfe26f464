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
  findUserByEmail,
  insertDomains,
  insertUser,
  isUniqueViolation,
  presentUser,
} from "@cando/storage";
import { createRoute } from "@hono/zod-openapi";
import type { App } from "../context";
import { clientAddress } from "../http/client";
import { errors, json, jsonBody } from "../http/openapi";
import { authenticated } from "./require-user";
import { endSession, startSession } from "./sessions";

const signup = createRoute({
  method: "post",
  path: "/api/auth/signup",
  tags: ["accounts"],
  summary: "Create an account (and log in)",
  request: { body: jsonBody(SignupInput) },
  responses: {
    201: json(UserResponse, "The new account; the session cookie is set."),
    ...errors(400, 403, 409, 413),
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
    const { db, clock, newId, passwords } = c.var.deps;
    if (c.var.deps.signup === "closed") {
      throw new ForbiddenError(
        "signup_closed",
        "Sign-up is closed on this server. Ask whoever runs it for an account.",
      );
    }
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
    await startSession(c, user.id);
    return c.json({ user: presentUser(user) }, 201);
  });

  app.openapi(login, async (c) => {
    const { email, password } = c.req.valid("json");
    const { db, passwords, limiter, trustProxy } = c.var.deps;
    const address = clientAddress(c, trustProxy);
    limiter.check(email, address);
    const user = await findUserByEmail(db, email);
    const ok = user ? await passwords.verify(user.passwordHash, password) : false;
    if (!user) await passwords.verifyDummy(password);
    if (!user || !ok) {
      limiter.recordFailure(email, address);
      throw new InvalidCredentialsError();
    }
    limiter.recordSuccess(email);
    await startSession(c, user.id);
    return c.json({ user: presentUser(user) }, 200);
  });

  app.openapi(logout, async (c) => {
    await endSession(c);
    return c.body(null, 204);
  });

  app.openapi(me, (c) => c.json({ user: presentUser(c.var.user) }, 200));
}
