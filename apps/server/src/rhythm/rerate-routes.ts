import { RerateResponse, sinceLastRating } from "@cando/core";
import { attemptsSinceLatestRatings, listStepRatings } from "@cando/storage";
import { createRoute, z } from "@hono/zod-openapi";
import { access } from "../access";
import { authenticated } from "../auth/require-user";
import type { App } from "../context";
import { errors, json } from "../http/openapi";
import { ladderView } from "../ladders/ladder";

const GoalParams = z.object({ goalId: z.string().min(1).max(64) });

const show = createRoute({
  method: "get",
  path: "/api/goals/{goalId}/rerating",
  tags: ["rhythm"],
  summary:
    "The monthly re-rating of a ladder: each step's last rating and what happened since (attempts, outcomes, the model's estimate then and now)",
  ...authenticated,
  request: { params: GoalParams },
  responses: {
    200: json(RerateResponse, "Each active step since its last rating."),
    ...errors(401, 404),
  },
});

export function registerRerateRoutes(app: App): void {
  app.openapi(show, async (c) => {
    const { goalId } = c.req.valid("param");
    const { db, clock } = c.var.deps;
    const goal = await access.goal(db, c.var.user, goalId);
    const view = await ladderView(db, goal, clock.now());
    const latest = new Map<string, { confidence: number; ratedAt: string }>();
    for (const r of await listStepRatings(db, goal.id)) {
      latest.set(r.stepId, { confidence: r.confidence, ratedAt: r.ratedAt });
    }
    const attempts = await attemptsSinceLatestRatings(db, goal.id);
    return c.json({ steps: sinceLastRating(view.steps, latest, attempts) }, 200);
  });
}
