import { auditDue, Milestone, type RhythmSettings, TodayResponse } from "@cando/core";
import {
  type Db,
  type GoalRow,
  getTargetPercent,
  lastAuditAt,
  listGoals,
  listMilestones,
  listStepsOfGoals,
  markMilestoneSeen,
  type StepRow,
} from "@cando/storage";
import { createRoute, z } from "@hono/zod-openapi";
import { access } from "../access";
import { authenticated } from "../auth/require-user";
import type { App } from "../context";
import { presentGoal } from "../goals/present";
import { errors, json } from "../http/openapi";
import { recommendedStep } from "../ladders/ladder";
import { presentMilestone, presentMilestones } from "../milestones/record";

const MilestoneParams = z.object({ milestoneId: z.string().min(1).max(64) });

const today = createRoute({
  method: "get",
  path: "/api/today",
  tags: ["today"],
  summary:
    "Today: the recommended next step of each active goal, the audit notice, milestones to celebrate",
  ...authenticated,
  responses: { 200: json(TodayResponse, "Today."), ...errors(401) },
});

const milestones = createRoute({
  method: "get",
  path: "/api/milestones",
  tags: ["today"],
  summary: "Milestones, newest first",
  ...authenticated,
  responses: {
    200: json(z.object({ milestones: z.array(Milestone) }), "Milestones."),
    ...errors(401),
  },
});

const seen = createRoute({
  method: "post",
  path: "/api/milestones/{milestoneId}/seen",
  tags: ["today"],
  summary: "Mark a milestone as celebrated",
  ...authenticated,
  request: { params: MilestoneParams },
  responses: {
    200: json(z.object({ milestone: Milestone }), "The milestone."),
    ...errors(401, 403, 404),
  },
});

/** Reads Today shares with the rest of its page, given when the caller has them. */
export interface KnownForToday {
  /** The person's active goals, newest first (as `listGoals(db, userId, "active")`). */
  activeGoals?: GoalRow[];
  /** When the latest audit was taken (null: none yet). */
  lastAuditAt?: string | null;
  /** The target success rate (a whole percent) and rhythm settings (as `personSettings`). */
  person?: { targetPercent: number; settings: RhythmSettings };
}

/**
 * Today: each active goal's recommended next step, the audit notice, milestones to celebrate.
 * A constant number of statements for any number of goals: every active goal's steps at once.
 */
export async function todayOf(
  db: Db,
  userId: string,
  now: Date,
  /** What the caller has read already (Today's page): not read again. */
  known: KnownForToday = {},
): Promise<TodayResponse> {
  const items = [];
  const goalsWithoutLadder = [];
  const target = (known.person?.targetPercent ?? (await getTargetPercent(db, userId))) / 100;
  const goals = known.activeGoals ?? (await listGoals(db, userId, "active"));
  const steps = new Map<string, StepRow[]>(goals.map((g) => [g.id, []]));
  for (const step of await listStepsOfGoals(
    db,
    goals.map((g) => g.id),
  ))
    steps.get(step.goalId)?.push(step);
  for (const goal of goals) {
    const next = await recommendedStep(db, goal, target, steps.get(goal.id) ?? []);
    if (next) items.push({ goal: presentGoal(goal), ...next });
    else goalsWithoutLadder.push(presentGoal(goal));
  }
  return {
    items,
    goalsWithoutLadder,
    audit: auditDue(
      known.lastAuditAt !== undefined ? known.lastAuditAt : await lastAuditAt(db, userId),
      now,
    ),
    // One whose basis a correction removed is kept in history but not offered to celebrate.
    milestones: await presentMilestones(
      db,
      (await listMilestones(db, userId, true)).filter((m) => m.basisRemovedAt === null),
    ),
  };
}

export function registerTodayRoutes(app: App): void {
  app.openapi(today, async (c) => {
    const { db, clock } = c.var.deps;
    return c.json(await todayOf(db, c.var.user.id, clock.now()), 200);
  });

  app.openapi(milestones, async (c) => {
    const rows = await listMilestones(c.var.deps.db, c.var.user.id);
    return c.json({ milestones: await presentMilestones(c.var.deps.db, rows) }, 200);
  });

  app.openapi(seen, async (c) => {
    const { milestoneId } = c.req.valid("param");
    const { db, clock } = c.var.deps;
    const milestone = await access.milestone(db, c.var.user, milestoneId);
    const seenAt = milestone.seenAt ?? clock.now().toISOString();
    await markMilestoneSeen(db, c.var.user.id, milestone.id, seenAt);
    return c.json({ milestone: await presentMilestone(db, { ...milestone, seenAt }) }, 200);
  });
}
