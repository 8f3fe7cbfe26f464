import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CandoError, PayloadTooLargeError, textProblems, ValidationError } from "@cando/core";
import { dbKind } from "@cando/storage";
import { serveStatic } from "@hono/node-server/serve-static";
import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { secureHeaders } from "hono/secure-headers";
import { sql } from "kysely";
import { registerAttemptRoutes } from "./attempts/routes";
import { registerAuditRoutes } from "./audits/routes";
import { registerAuthRoutes } from "./auth/routes";
import type { App, AppDeps, AppEnv } from "./context";
import { registerCorrectionRoutes } from "./corrections/routes";
import { registerDomainRoutes } from "./domains/routes";
import { registerEvidenceRoutes } from "./evidence/routes";
import { registerGoalRoutes } from "./goals/routes";
import { originCheck } from "./http/csrf";
import { fieldsFromZod, handleError } from "./http/errors";
import { registerInsightRoutes } from "./insights/routes";
import { registerLadderRoutes } from "./ladders/routes";
import { registerTodayRoutes } from "./today/routes";

export const BODY_LIMIT_BYTES = 64 * 1024;

export interface AppOptions {
  /** The built web app (apps/web/dist); when absent the server is API-only. */
  webRoot?: string;
}

/** The whole HTTP application; no socket, so tests drive it with `app.request()`. */
export function createApp(deps: AppDeps, options: AppOptions = {}): App {
  const app: App = new OpenAPIHono<AppEnv>({
    // Validation failures from any route's schemas become one 400 naming each field.
    // Valid input must also be text both databases store alike (no U+0000, no lone surrogate).
    defaultHook: (result) => {
      if (!result.success) throw new ValidationError(fieldsFromZod(result.error));
      const problems = textProblems(result.data);
      if (problems.length > 0) throw new ValidationError(problems);
    },
  });

  app.onError(handleError);
  app.use("*", async (c, next) => {
    c.set("deps", deps);
    await next();
  });
  app.use(
    "*",
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
      },
      strictTransportSecurity: false,
    }),
  );
  app.use("/api/*", originCheck());
  app.use(
    "/api/*",
    bodyLimit({
      maxSize: BODY_LIMIT_BYTES,
      onError: () => {
        throw new PayloadTooLargeError(BODY_LIMIT_BYTES);
      },
    }),
  );

  app.get("/api/health", async (c) => {
    await sql`select 1`.execute(deps.db);
    return c.json({ ok: true, database: dbKind(deps.db) });
  });

  registerAuthRoutes(app);
  registerDomainRoutes(app);
  registerAuditRoutes(app);
  registerGoalRoutes(app);
  registerLadderRoutes(app);
  registerAttemptRoutes(app);
  registerEvidenceRoutes(app);
  registerTodayRoutes(app);
  registerInsightRoutes(app);
  registerCorrectionRoutes(app);

  app.openAPIRegistry.registerComponent("securitySchemes", "session", {
    type: "apiKey",
    in: "cookie",
    name: "cando_session",
  });
  app.doc31("/api/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Cando API",
      version: "0.1.0",
      description:
        "Build self-efficacy: audits, goals, ladders, attempts and evidence. Errors are always " +
        "`{ error: { code, message, fields } }`. State-changing requests from browsers must be same-origin. " +
        "No text anywhere (body, path or query) may contain U+0000 or a lone UTF-16 surrogate: such a request is a 400 naming the field.",
    },
  });

  app.all("/api/*", () => {
    throw new CandoError("not_found", "There is no such API route.");
  });

  if (options.webRoot && existsSync(join(options.webRoot, "index.html"))) {
    const indexHtml = readFileSync(join(options.webRoot, "index.html"), "utf8");
    // Vite names built assets by content hash, so they never change: cache them for a year.
    app.use("/assets/*", async (c, next) => {
      await next();
      if (c.res.status === 200)
        c.res.headers.set("Cache-Control", "public, max-age=31536000, immutable");
    });
    app.use("*", serveStatic({ root: options.webRoot }));
    // A missing build file is a 404, not the app's HTML (which a browser would misread as JS).
    app.get("/assets/*", (c) => c.text("Not found", 404));
    // Single-page app: any other GET is a client-side route.
    app.get("*", (c) => c.html(indexHtml));
  }
  return app;
}
