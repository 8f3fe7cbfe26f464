import { UnauthenticatedError } from "@cando/core";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../context";
import { currentSession } from "./sessions";

/** Authenticate: every route behind this has `c.var.user`; anonymous callers get 401. */
export const requireUser: MiddlewareHandler<AppEnv> = async (c, next) => {
  const found = await currentSession(c);
  if (!found) throw new UnauthenticatedError();
  c.set("user", found.user);
  c.set("sessionId", found.session.id);
  await next();
};

/** Spread into a createRoute config: documents the session cookie and authenticates first. */
export const authenticated = {
  security: [{ session: [] }],
  middleware: [requireUser],
};
