import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CandoError, textProblems, ValidationError } from "@cando/core";
import { serveStatic } from "@hono/node-server/serve-static";
import { OpenAPIHono } from "@hono/zod-openapi";
import { sql } from "kysely";
import { registerResetRoutes } from "./account/reset";
import { registerAccountRoutes } from "./account/routes";
import { IMPORT_LIMIT_BYTES, IMPORT_PATH, registerTransferRoutes } from "./account/transfer";
import { registerAttemptRoutes } from "./attempts/routes";
import { registerAuditRoutes } from "./audits/routes";
import { registerAuthRoutes } from "./auth/routes";
import { SESSION_COOKIE } from "./auth/sessions";
import { registerCoachRoutes } from "./coach/routes";
import type { App, AppDeps, AppEnv } from "./context";
import { registerCorrectionRoutes } from "./corrections/routes";
import { registerDomainRoutes } from "./domains/routes";
import { registerEvidenceRoutes } from "./evidence/routes";
import { registerFeedbackRoutes } from "./feedback/routes";
import { registerGoalOverviewRoutes } from "./goals/overview";
import { registerGoalRoutes } from "./goals/routes";
import { limitBody } from "./http/body-limit";
import { compression } from "./http/compression";
import { originCheck } from "./http/csrf";
import { fieldsFromZod, handleError } from "./http/errors";
import { noStore, securityHeaders } from "./http/headers";
import { registerInsightRoutes } from "./insights/routes";
import { registerLadderRoutes } from "./ladders/routes";
import { registerNotificationRoutes } from "./notifications/routes";
import { registerPlanRoutes } from "./plan/routes";
import { registerPracticeRoutes } from "./practice/routes";
import { registerPrepareRoutes } from "./prepare/routes";
import { registerReflectionRoutes } from "./reflections/routes";
import { registerReportRoutes } from "./report/routes";
import { registerCalendarFeedRoutes } from "./rhythm/feed-routes";
import { registerRerateRoutes } from "./rhythm/rerate-routes";
import { registerRhythmRoutes } from "./rhythm/routes";
import { registerRoleModelRoutes } from "./role-models/routes";
import { registerSharingRoutes } from "./sharing/routes";
import { registerTargetRoutes } from "./targets/routes";
import { registerTodayPageRoute } from "./today/page";
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
  // Outermost after deps: it compresses the final answer, headers and all.
  app.use("*", compression());
  app.use("*", securityHeaders(deps.deployment));
  app.use("*", originCheck(deps.deployment));
  app.use("/api/*", noStore);
  const usualLimit = limitBody(BODY_LIMIT_BYTES);
  // An export file holds a person's whole history: only its import route takes a large body.
  const importLimit = limitBody(IMPORT_LIMIT_BYTES);
  app.use("/api/*", (c, next) =>
    c.req.path === IMPORT_PATH ? importLimit(c, next) : usualLimit(c, next),
  );

  // Anonymous callers learn only that it answers (and that its database does).
  app.get("/api/health", async (c) => {
    await sql`select 1`.execute(deps.db);
    return c.json({ ok: true });
  });

  registerAuthRoutes(app);
  registerAccountRoutes(app);
  registerResetRoutes(app);
  registerTransferRoutes(app);
  registerDomainRoutes(app);
  registerAuditRoutes(app);
  registerGoalRoutes(app);
  registerGoalOverviewRoutes(app);
  registerLadderRoutes(app);
  registerAttemptRoutes(app);
  registerEvidenceRoutes(app);
  registerTodayRoutes(app);
  registerTodayPageRoute(app);
  registerInsightRoutes(app);
  registerPracticeRoutes(app);
  registerRhythmRoutes(app);
  registerPlanRoutes(app);
  registerRerateRoutes(app);
  registerReflectionRoutes(app);
  registerCalendarFeedRoutes(app);
  registerCorrectionRoutes(app);
  registerReportRoutes(app);
  registerTargetRoutes(app);
  registerRoleModelRoutes(app);
  registerFeedbackRoutes(app);
  registerNotificationRoutes(app);
  registerCoachRoutes(app);
  registerSharingRoutes(app);
  registerPrepareRoutes(app);

  app.openAPIRegistry.registerComponent("securitySchemes", "session", {
    type: "apiKey",
    in: "cookie",
    name: `${deps.deployment.https ? "__Host-" : ""}${SESSION_COOKIE}`,
  });
  // Built once, on first use (every route is registered by then): it is ~100 KiB and ~60 ms.
  let openapi: string | undefined;
  app.get("/api/openapi.json", (c) => {
    openapi ??= JSON.stringify(
      app.getOpenAPI31Document({
        openapi: "3.1.0",
        info: {
          title: "Cando API",
          version: "0.1.0",
          description:
            "Build self-efficacy: audits, goals, ladders, attempts and evidence. Errors are always " +
            "`{ error: { code, message, fields } }`. State-changing requests from browsers must be same-origin. " +
            "No text anywhere (body, path or query) may contain U+0000 or a lone UTF-16 surrogate: such a request is a 400 naming the field.",
        },
      }),
    );
    return c.body(openapi, 200, { "Content-Type": "application/json" });
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
