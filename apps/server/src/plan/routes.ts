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
    // The goal's lock: the plan is compared with the last one kept and written back.
    const body = await db.transaction().execute(async (trx) => {
      const goal = await access.goalForUpdate(trx, user, goalId);
      return currentPlan(trx, goal, clock.now());
    });
    return c.json(body, 200);
  });
}
