import {
  Goal,
  GoalInput,
  GoalStatus,
  GoalUpdate,
  LadderView,
  Milestone,
  ValidationError,
} from "@cando/core";
import {
  findDomain,
  type GoalRow,
  insertGoal,
  insertMilestone,
  listGoals,
  updateGoal,
} from "@cando/storage";
import { createRoute, z } from "@hono/zod-openapi";
import { access } from "../access";
import { authenticated } from "../auth/require-user";
import type { App } from "../context";
import { errors, json, jsonBody } from "../http/openapi";
import { ladderView } from "../ladders/ladder";
import { goalReached, presentMilestones } from "../milestones/record";
import { presentGoal } from "./present";

export const GoalParams = z.object({ goalId: z.string().min(1).max(64) });
const GoalQuery = z.object({ status: GoalStatus.optional() });
const GoalWithLadder = z.object({ goal: Goal, ladder: LadderView });
const GoalResponse = z.object({ goal: Goal });

const tags = ["goals"];
const list = createRoute({
  method: "get",
  path: "/api/goals",
  tags,
  summary: "The person's goals, newest first",
  ...authenticated,
  request: { query: GoalQuery },
  responses: { 200: json(z.object({ goals: z.array(Goal) }), "Goals."), ...errors(400, 401) },
});

const create = createRoute({
  method: "post",
  path: "/api/goals",
  tags,
  summary: "Set a goal in a domain, phrased as a capability",
  ...authenticated,
  request: { body: jsonBody(GoalInput) },
  responses: {
    201: json(GoalResponse, "The goal, with coaching notes."),
    ...errors(400, 401, 403),
  },
});

const show = createRoute({
  method: "get",
  path: "/api/goals/{goalId}",
  tags,
  summary: "A goal with its ladder, efficacy scale and the recommended next step",
  ...authenticated,
  request: { params: GoalParams },
  responses: { 200: json(GoalWithLadder, "The goal and ladder."), ...errors(401, 404) },
});

const update = createRoute({
  method: "patch",
  path: "/api/goals/{goalId}",
  tags,
  summary: "Edit a goal or change its status (active, reached, paused, dropped)",
  ...authenticated,
  request: { params: GoalParams, body: jsonBody(GoalUpdate) },
  responses: {
    200: json(GoalResponse.extend({ milestones: z.array(Milestone) }), "The goal."),
    ...errors(400, 401, 403, 404),
  },
});

export function registerGoalRoutes(app: App): void {
  app.openapi(list, async (c) => {
    const { status } = c.req.valid("query");
    const rows = await listGoals(c.var.deps.db, c.var.user.id, status);
    return c.json({ goals: rows.map(presentGoal) }, 200);
  });

  app.openapi(create, async (c) => {
    const input = c.req.valid("json");
    const { db, clock, newId } = c.var.deps;
    const user = c.var.user;
    const row = await db.transaction().execute(async (trx) => {
      const domain = await findDomain(trx, user.id, input.domainId);
      if (!domain)
        throw new ValidationError([{ path: "domainId", message: "is not one of your domains" }]);
      if (domain.archivedAt)
        throw new ValidationError([{ path: "domainId", message: "is archived" }]);
      const now = clock.now().toISOString();
      const goal: GoalRow = {
        id: newId(),
        userId: user.id,
        domainId: domain.id,
        statement: input.statement,
        outcome: input.outcome,
        context: input.context,
        targetDate: input.targetDate ?? null,
        status: "active",
        model: null,
        createdAt: now,
        updatedAt: now,
        reachedAt: null,
      };
      await insertGoal(trx, goal);
      return goal;
    });
    return c.json({ goal: presentGoal(row) }, 201);
  });

  app.openapi(show, async (c) => {
    const { goalId } = c.req.valid("param");
    const { db, clock } = c.var.deps;
    const goal = await access.goal(db, c.var.user, goalId);
    return c.json(
      { goal: presentGoal(goal), ladder: await ladderView(db, goal, clock.now()) },
      200,
    );
  });

  app.openapi(update, async (c) => {
    const { goalId } = c.req.valid("param");
    const patch = c.req.valid("json");
    const { db, clock } = c.var.deps;
    const user = c.var.user;
    const result = await db.transaction().execute(async (trx) => {
      const goal = await access.goalForUpdate(trx, user, goalId);
      const now = clock.now().toISOString();
      const changes: Partial<GoalRow> = { updatedAt: now };
      if (patch.statement !== undefined) changes.statement = patch.statement;
      if (patch.outcome !== undefined) changes.outcome = patch.outcome;
      if (patch.context !== undefined) changes.context = patch.context;
      if (patch.targetDate !== undefined) changes.targetDate = patch.targetDate;
      if (patch.status !== undefined && patch.status !== goal.status) {
        changes.status = patch.status;
        changes.reachedAt = patch.status === "reached" ? now : null;
      }
      await updateGoal(trx, user.id, goal.id, changes);
      const updated = { ...goal, ...changes };
      // Saying a goal is reached is celebrated like reaching it through the ladder.
      const milestones =
        changes.status === "reached" ? await goalReached(trx, c.var.deps, updated, now) : [];
      for (const m of milestones) await insertMilestone(trx, m);
      return { goal: updated, milestones: await presentMilestones(trx, milestones) };
    });
    return c.json({ goal: presentGoal(result.goal), milestones: result.milestones }, 200);
  });
}
