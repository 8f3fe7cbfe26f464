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
import { type Db, type InsightFact, listAudits, listInsightFacts } from "@cando/storage";
import { createRoute, z } from "@hono/zod-openapi";
import { access } from "../access";
import { authenticated } from "../auth/require-user";
import type { App } from "../context";
import { errors, json } from "../http/openapi";
import { readCacheOf } from "./cache";

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

/**
 * Insights computed from the history (the rebuild): one statement for the attempts and their
 * debriefs' attributions, one (two) for the audits. Served through the read cache.
 */
export async function computeInsights(
  db: Db,
  userId: string,
  goalId?: string,
): Promise<InsightsResponse> {
  const facts = await listInsightFacts(db, userId, goalId);
  const outcome = (a: InsightFact) => a.outcome as Outcome;
  return {
    calibration: calibrateBelief(
      facts.flatMap((a) =>
        a.confidenceBefore === null
          ? []
          : [{ at: a.attemptedAt, confidence: a.confidenceBefore, outcome: outcome(a) }],
      ),
    ),
    anxiety: anxietyVsOutcome(
      facts.flatMap((a) =>
        a.anxietyBefore === null ? [] : [{ anxiety: a.anxietyBefore, outcome: outcome(a) }],
      ),
    ),
    attribution: attributionTrend(
      facts.flatMap((a) =>
        a.attributions ? [{ at: a.attemptedAt, outcome: outcome(a), ratings: a.attributions }] : [],
      ),
    ),
    audit: summarizeAudits(await listAudits(db, userId)),
    prediction: modelCalibration(
      facts.flatMap((a) =>
        a.predictedSuccess === null ? [] : [{ predicted: a.predictedSuccess, outcome: outcome(a) }],
      ),
    ),
    preparation: preparationInsights(
      facts.map((a) => ({
        outcome: outcome(a),
        anxietyBefore: a.anxietyBefore,
        anxietyAfter: a.anxietyAfter,
        confidenceBefore: a.confidenceBefore,
        confidenceRated: a.confidenceRated as "before" | "after" | null,
        withRoutine: a.withRoutine,
      })),
    ),
  };
}

export function registerInsightRoutes(app: App): void {
  app.openapi(insights, async (c) => {
    const { goalId } = c.req.valid("query");
    const { db } = c.var.deps;
    const user = c.var.user;
    if (goalId) await access.goal(db, user, goalId);
    const body = await readCacheOf(c.var.deps).get(
      db,
      user.id,
      `insights\u0001${goalId ?? ""}`,
      () => computeInsights(db, user.id, goalId),
    );
    return c.json(body, 200);
  });
}
