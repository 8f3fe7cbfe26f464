import {
  addDays,
  auditDue,
  buildPlan,
  dayInZone,
  HABIT_MEDIAN_DAYS,
  PLAN_DAYS,
  type Plan,
  type PlanChange,
  type PlanResponse,
  planChanges,
  planStart,
} from "@cando/core";
import {
  type Db,
  findPlanSnapshot,
  type GoalRow,
  lastAuditAt,
  practiceRestDays,
  practiceTargets,
  savePlanSnapshot,
} from "@cando/storage";
import { ladderView } from "../ladders/ladder";
import { practiceBlockMinutes } from "../rhythm/calendar";
import { personToday } from "../rhythm/settings";

/**
 * A goal's 30-day plan, re-planned from the current advice and planned dates. When a milestone
 * moved since the last plan, what moved and why is kept with the new plan until it moves again.
 * With `save`, call inside a transaction holding the goal's lock: the snapshot is read, compared
 * and written. Without, nothing is written and `stale` says whether the snapshot needs saving.
 */
export async function currentPlan(
  db: Db,
  goal: GoalRow,
  now: Date,
  { save }: { save: boolean },
): Promise<{ body: PlanResponse; stale: boolean }> {
  const { settings, today } = await personToday(db, goal.userId, now);
  const view = await ladderView(db, goal, now);
  const snapshot = await findPlanSnapshot(db, goal.userId, goal.id);
  const start = planStart(snapshot?.startDay ?? null, today);
  const end = addDays(start, PLAN_DAYS - 1);
  const target = (await practiceTargets(db, goal.userId, [goal.id])).get(goal.id) ?? null;
  const rest = await practiceRestDays(db, goal.userId, [goal.id], start, end);
  const due = auditDue(await lastAuditAt(db, goal.userId), now);
  const reratingDay =
    due.due || due.nextDueAt === null
      ? today
      : dayInZone(new Date(due.nextDueAt), settings.timeZone);
  const steps = view.steps.map((s) => ({
    id: s.id,
    title: s.title,
    mastered: s.mastered,
    predictedSuccess: s.predictedSuccess,
    plannedDate: s.plannedDate,
  }));
  const r = view.recommendation;
  const plan = buildPlan({
    today,
    start,
    steps,
    recommendation: r ? { action: r.action, stepId: r.stepId, reason: r.reason } : null,
    restDays: rest.map((d) => d.day),
    reflectionWeekday: settings.reflectionWeekday,
    reratingDay,
    practiceMinutes: practiceBlockMinutes(target),
  });
  const planned = Object.fromEntries(steps.map((s) => [s.id, s.plannedDate]));

  let changes: PlanChange[] = snapshot ? (JSON.parse(snapshot.changes) as PlanChange[]) : [];
  let changedAt = snapshot?.changedAt ?? null;
  if (snapshot) {
    const previous = JSON.parse(snapshot.plan) as Plan;
    const before = new Map(
      Object.entries(JSON.parse(snapshot.planned) as Record<string, string | null>),
    );
    const moved = planChanges(previous, plan, steps, before);
    if (moved.length > 0) {
      changes = moved;
      changedAt = now.toISOString();
    }
  }
  const text = JSON.stringify(plan);
  const plannedText = JSON.stringify(planned);
  const stale = !snapshot || snapshot.plan !== text || snapshot.planned !== plannedText;
  if (stale && save) {
    await savePlanSnapshot(db, {
      goalId: goal.id,
      userId: goal.userId,
      startDay: start,
      plan: text,
      planned: plannedText,
      changes: JSON.stringify(changes),
      changedAt,
      updatedAt: now.toISOString(),
    });
  }
  return { body: { plan, changes, changedAt, habitMedianDays: HABIT_MEDIAN_DAYS }, stale };
}
