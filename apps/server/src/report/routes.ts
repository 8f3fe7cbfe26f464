import { ReportQuery, renderReportHtml } from "@cando/core";
import { buildReport } from "@cando/storage";
import { createRoute, z } from "@hono/zod-openapi";
import { access } from "../access";
import { authenticated } from "../auth/require-user";
import type { App } from "../context";
import { errors } from "../http/openapi";

const report = createRoute({
  method: "get",
  path: "/api/report.html",
  tags: ["report"],
  summary: "A printable report for a therapist, coach or mentor (HTML with a print stylesheet)",
  description:
    "The person chooses the days, the goals and the sections; only those are in it. Print it " +
    "from the browser to get a PDF, or run `cando report --pdf`.",
  ...authenticated,
  request: { query: ReportQuery },
  responses: {
    200: {
      description: "The report, one self-contained HTML page.",
      content: { "text/html": { schema: z.string() } },
    },
    ...errors(400, 401, 404),
  },
});

export function registerReportRoutes(app: App): void {
  app.openapi(report, async (c) => {
    const query = c.req.valid("query");
    const { db, clock } = c.var.deps;
    // Another person's goal is a 404, like a missing one.
    for (const goalId of query.goalIds) await access.goal(db, c.var.user, goalId);
    const data = await buildReport(db, c.var.user.id, query, clock.now());
    c.header("Cache-Control", "no-store");
    return c.html(renderReportHtml(data), 200);
  });
}
