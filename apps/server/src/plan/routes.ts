import { PlanResponse } from "@cando/core";
import { createRoute, z } from "@hono/zod-openapi";
import { access } from "../access";
import { authenticated } from "../auth/require-user";
import type { App } from "../context";
import { errors, json } from "../http/openapi";
import { currentPlan } from "./plan";

const GoalParams = z.object({ goalId: z.string().min(1).max(64) });

const show = createRoute({
  method: "get",
  path: "/api/goals/{goalId}/plan",
  tags: ["plan"],
  summary:
    "A goal's 30-day plan (weekly milestones, attempts, practice, reflections, re-rating), re-planned from the current advice, with what moved and why",
  ...authenticated,
  request: { params: GoalParams },
  responses: { 200: json(PlanResponse, "The plan."), ...errors(401, 404) },
});

export function registerPlanRoutes(app: App): void {
  app.openapi(show, async (c) => {
    const { goalId } = c.req.valid("param");
    const { db, clock } = c.var.deps;
    const user = c.var.user;
    const now = clock.now();
    // Most views find the plan as last kept: a read, without the goal's lock or the writer.
    const read = await currentPlan(db, await access.goal(db, user, goalId), now, { save: false });
    if (!read.stale) return c.json(read.body, 200);
    // It moved: under the goal's lock, compared again with the last one kept and written back.
    const saved = await db.transaction().execute(async (trx) => {
      const goal = await access.goalForUpdate(trx, user, goalId);
      return currentPlan(trx, goal, now, { save: true });
    });
    return c.json(saved.body, 200);
  });
}
