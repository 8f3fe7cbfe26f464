import type { Clock, IdGenerator } from "@cando/core";
import type { Db, UserRow } from "@cando/storage";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { PasswordHasher } from "./auth/passwords";
import type { AuthPolicy } from "./auth/policy";
import type { Deployment } from "./http/deployment";

/** Everything a request handler may use; built once in createApp and passed in, never global. */
export interface AppDeps {
  db: Db;
  clock: Clock;
  newId: IdGenerator;
  passwords: PasswordHasher;
  /** Where browsers reach Cando: exact origins, accepted hosts, HTTPS, trusted proxies. */
  deployment: Deployment;
  /** Login and sign-up limits, session timeouts (counters live in the database). */
  auth: AuthPolicy;
  /** HMAC key of device cookies: a server secret shared by every process. */
  deviceKey: string;
  /** CANDO_SIGNUP=closed turns open sign-up off (accounts come from `cando user add`). */
  signup?: "open" | "closed";
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    /** Set by `requireUser`; routes behind it can rely on it. */
    user: UserRow;
    sessionId: string;
  };
}

export type App = OpenAPIHono<AppEnv>;
