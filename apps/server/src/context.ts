import type { Clock, IdGenerator } from "@cando/core";
import type { Db, UserRow } from "@cando/storage";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { PasswordHasher } from "./auth/passwords";
import type { LoginLimiter } from "./auth/rate-limit";

/** Everything a request handler may use; built once in createApp and passed in, never global. */
export interface AppDeps {
  db: Db;
  clock: Clock;
  newId: IdGenerator;
  passwords: PasswordHasher;
  limiter: LoginLimiter;
  /** Trust X-Forwarded-For / X-Forwarded-Proto (only behind a proxy you run). */
  trustProxy: boolean;
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
