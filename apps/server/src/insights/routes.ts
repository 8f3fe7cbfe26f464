import {
  anxietyVsOutcome,
  attributionTrend,
  calibrateBelief,
  InsightsResponse,
  modelCalibration,
  type Outcome,
  preparationInsights,
  summarizeAudits,
} from "@cando/core";
import { attemptsWithRoutine, listAttempts, listAudits, listDebriefs } from "@cando/storage";
import { createRoute, z } from "@hono/zod-openapi";
import { access } from "../access";
import { attributionsOf } from "../attempts/present";
import { authenticated } from "../auth/require-user";
import type { App } from "../context";
import { errors, json } from "../http/openapi";

const InsightsQuery = z.object({ goalId: z.string().max(64).optional() });

const insights = createRoute({
  method: "get",
  path: "/api/insights",
  tags: ["insights"],
  summary:
    "Belief calibration, anxiety vs outcome, attribution trend and audit summary (optionally for one goal)",
  ...authenticated,
  request: { query: InsightsQuery },
  responses: { 200: json(InsightsResponse, "Insights."), ...errors(401, 404) },
});

export function registerInsightRoutes(app: App): void {
  app.openapi(insights, async (c) => {
    const { goalId } = c.req.valid("query");
    const { db } = c.var.deps;
    const user = c.var.user;
    if (goalId) await access.goal(db, user, goalId);
    const attempts = await listAttempts(db, user.id, goalId ? { goalId } : {});
    const outcome = (a: (typeof attempts)[number]) => a.outcome as Outcome;
    const debriefs = await listDebriefs(
      db,
      attempts.map((a) => a.id),
    );
    const attemptById = new Map(attempts.map((a) => [a.id, a]));
    const afterRoutine = await attemptsWithRoutine(db, user.id);
    return c.json(
      {
        calibration: calibrateBelief(
          attempts.flatMap((a) =>
            a.confidenceBefore === null
              ? []
              : [{ at: a.attemptedAt, confidence: a.confidenceBefore, outcome: outcome(a) }],
          ),
        ),
        anxiety: anxietyVsOutcome(
          attempts.flatMap((a) =>
            a.anxietyBefore === null ? [] : [{ anxiety: a.anxietyBefore, outcome: outcome(a) }],
          ),
        ),
        attribution: attributionTrend(
          debriefs.flatMap((d) => {
            const a = attemptById.get(d.attemptId);
            return a
              ? [{ at: a.attemptedAt, outcome: outcome(a), ratings: attributionsOf(d) }]
              : [];
          }),
        ),
        audit: summarizeAudits(await listAudits(db, user.id)),
        prediction: modelCalibration(
          attempts.flatMap((a) =>
            a.predictedSuccess === null
              ? []
              : [{ predicted: a.predictedSuccess, outcome: outcome(a) }],
          ),
        ),
        preparation: preparationInsights(
          attempts.map((a) => ({
            outcome: outcome(a),
            anxietyBefore: a.anxietyBefore,
            anxietyAfter: a.anxietyAfter,
            confidenceBefore: a.confidenceBefore,
            confidenceRated: (a.confidenceRated ?? null) as "before" | "after" | null,
            withRoutine: afterRoutine.has(a.id),
          })),
        ),
      },
      200,
    );
  });
}
