import { addDays, daysBetween } from "../engine/days";
import { isoWeekday } from "../reflections/rules";

/** The plan covers the first 30 days: a launch, not a finish line. */
export const PLAN_DAYS = 30;
/** At most this many weekly milestones: weeks 1–4 (days 29–30 are the checkpoint). */
export const PLAN_MILESTONE_WEEKS = 4;
/**
 * Habits took a median of 66 days to become automatic (Lally et al. 2010), so day 30 is a
 * checkpoint on the way, not the finish.
 */
export const HABIT_MEDIAN_DAYS = 66;
/** Suggested attempts of a milestone step, as offsets into its week (when no date is planned). */
const SUGGESTED_OFFSETS = [1, 4] as const;

export type PlanStepFact = {
  id: string;
  title: string;
  mastered: boolean;
  predictedSuccess: number;
  /** The person's planned date, if any. */
  plannedDate: string | null;
};

export type PlanFacts = {
  /** The person's today. */
  today: string;
  /** Day 1 of the plan. */
  start: string;
  /** Active steps in ladder order. */
  steps: readonly PlanStepFact[];
  /** The engine's advice: the step to work on now (null without a ladder model). */
  recommendation: { action: string; stepId: string; reason: string } | null;
  /** Planned rest days of this goal (skipped practice days). */
  restDays: readonly string[];
  /** ISO weekday of the weekly reflection. */
  reflectionWeekday: number;
  /** The day of the next monthly re-rating, if known. */
  reratingDay: string | null;
  /** Minutes of a daily practice block. */
  practiceMinutes: number;
};

export type PlanAttempt = {
  day: string;
  stepId: string;
  title: string;
  /** "planned" by the person, or "suggested" by the plan. */
  kind: "planned" | "suggested";
};

export type PlanWeek = {
  week: number;
  start: string;
  end: string;
  /** The step to have mastered by the end of this week. */
  milestone: { stepId: string; title: string; predictedSuccess: number } | null;
  attempts: PlanAttempt[];
  practiceDays: string[];
  restDays: string[];
  reflection: string | null;
  rerating: string | null;
};

export type Plan = {
  start: string;
  end: string;
  /** Day n of 30 today (1 on the first day; above 30 after the checkpoint). */
  dayNumber: number;
  practiceMinutes: number;
  weeks: PlanWeek[];
  /** The advice the plan was built from. */
  basis: { action: string; stepId: string; reason: string } | null;
};

/** Day 1 of the plan: the stored start while its 30 days last, else today (a new launch). */
export function planStart(storedStart: string | null, today: string): string {
  if (storedStart === null || storedStart > today) return today;
  return daysBetween(storedStart, today) < PLAN_DAYS ? storedStart : today;
}

/**
 * The steps to master in order: from the advised step (which may be a step back or a repeat) up
 * the ladder, leaving out mastered steps. Without advice, the first unmastered step.
 */
function stepsToMaster(facts: PlanFacts): PlanStepFact[] {
  const open = facts.steps.filter((s) => !s.mastered);
  if (facts.recommendation === null || facts.recommendation.action === "goal_reached") {
    return facts.recommendation ? [] : open;
  }
  const from = facts.steps.findIndex((s) => s.id === facts.recommendation?.stepId);
  if (from < 0) return open;
  const advised = facts.steps[from];
  const rest = facts.steps.slice(from + 1).filter((s) => !s.mastered);
  return advised ? [advised, ...rest] : rest;
}

const weekOf = (start: string, day: string) => Math.floor(daysBetween(start, day) / 7) + 1;

/**
 * The 30-day plan of one goal, built from the engine's advice and the person's planned dates:
 * weekly milestones (one step a week, or the week of its planned date), attempts (the person's
 * planned dates, else two suggested days in the step's week, never in the past or on a rest day),
 * daily practice blocks without the rest days, the weekly reflections and the re-rating.
 */
export function buildPlan(facts: PlanFacts): Plan {
  const start = facts.start;
  const end = addDays(start, PLAN_DAYS - 1);
  const rest = new Set(facts.restDays);
  const inPlan = (day: string) => day >= start && day <= end;
  const weeks: PlanWeek[] = [];
  for (let w = 0; w * 7 < PLAN_DAYS; w++) {
    const weekStart = addDays(start, w * 7);
    const weekEnd = addDays(start, Math.min(PLAN_DAYS - 1, w * 7 + 6));
    const days: string[] = [];
    for (let d = weekStart; d <= weekEnd; d = addDays(d, 1)) days.push(d);
    weeks.push({
      week: w + 1,
      start: weekStart,
      end: weekEnd,
      milestone: null,
      attempts: [],
      practiceDays: days.filter((d) => !rest.has(d) && d >= facts.today),
      restDays: days.filter((d) => rest.has(d)),
      reflection: days.find((d) => isoWeekday(d) === facts.reflectionWeekday) ?? null,
      rerating:
        facts.reratingDay !== null && days.includes(facts.reratingDay) ? facts.reratingDay : null,
    });
  }

  // A step's milestone week: the week of its planned date when that is in the plan and not
  // before the previous milestone's, else the week after the previous milestone.
  let previousWeek = weekOf(start, facts.today < start ? start : facts.today) - 1;
  for (const step of stepsToMaster(facts)) {
    const planned =
      step.plannedDate !== null && inPlan(step.plannedDate) && step.plannedDate >= facts.today
        ? step.plannedDate
        : null;
    let week = planned !== null ? weekOf(start, planned) : previousWeek + 1;
    if (week <= previousWeek) week = previousWeek + 1;
    if (week > PLAN_MILESTONE_WEEKS || week > weeks.length) break;
    const target = weeks[week - 1];
    if (!target || target.milestone !== null) break;
    target.milestone = {
      stepId: step.id,
      title: step.title,
      predictedSuccess: step.predictedSuccess,
    };
    if (planned !== null && weekOf(start, planned) === week) {
      target.attempts.push({ day: planned, stepId: step.id, title: step.title, kind: "planned" });
    } else {
      for (const offset of SUGGESTED_OFFSETS) {
        const day = freeDay(addDays(target.start, offset), target.end, facts.today, rest);
        if (day !== null && !target.attempts.some((a) => a.day === day)) {
          target.attempts.push({ day, stepId: step.id, title: step.title, kind: "suggested" });
        }
      }
    }
    previousWeek = week;
  }
  return {
    start,
    end,
    dayNumber: daysBetween(start, facts.today) + 1,
    practiceMinutes: facts.practiceMinutes,
    weeks,
    basis: facts.recommendation,
  };
}

/** The first day from `day` to `last` that is not in the past and not a rest day. */
function freeDay(day: string, last: string, today: string, rest: ReadonlySet<string>) {
  for (let d = day < today ? today : day; d <= last; d = addDays(d, 1)) {
    if (!rest.has(d)) return d;
  }
  return null;
}

export type PlanChange = {
  stepId: string;
  title: string;
  /** The milestone week before and after (null: not in that plan). */
  fromWeek: number | null;
  toWeek: number | null;
  why: string;
};

const milestoneWeeks = (plan: Plan) =>
  new Map(
    plan.weeks.flatMap((w) =>
      w.milestone
        ? [[w.milestone.stepId, { week: w.week, title: w.milestone.title }] as const]
        : [],
    ),
  );

/**
 * What moved between two plans of a goal and why: each step whose milestone week changed, with
 * the reason (mastered, a changed planned date, or the engine's changed advice).
 */
export function planChanges(
  previous: Plan,
  next: Plan,
  steps: readonly PlanStepFact[],
  previousPlanned: ReadonlyMap<string, string | null>,
): PlanChange[] {
  const before = milestoneWeeks(previous);
  const after = milestoneWeeks(next);
  // Weeks are numbered from each plan's own start: compare by the day each milestone week ends.
  const endOf = (plan: Plan, week: number | null) =>
    week === null ? null : (plan.weeks[week - 1]?.end ?? null);
  const changes: PlanChange[] = [];
  const ids = [...new Set([...before.keys(), ...after.keys()])];
  for (const id of ids) {
    const b = before.get(id);
    const a = after.get(id);
    if (endOf(previous, b?.week ?? null) === endOf(next, a?.week ?? null)) continue;
    const step = steps.find((s) => s.id === id);
    const title = a?.title ?? b?.title ?? step?.title ?? "A step";
    changes.push({
      stepId: id,
      title,
      fromWeek: b?.week ?? null,
      toWeek: a?.week ?? null,
      why: reasonFor(step, a === undefined, previous, next, previousPlanned.get(id)),
    });
  }
  return changes;
}

function reasonFor(
  step: PlanStepFact | undefined,
  leftPlan: boolean,
  previous: Plan,
  next: Plan,
  plannedBefore: string | null | undefined,
): string {
  if (step === undefined) return "The step is no longer on the ladder.";
  if (step.mastered && leftPlan) return "You mastered it: well done.";
  if (plannedBefore !== undefined && plannedBefore !== step.plannedDate) {
    return step.plannedDate === null
      ? "You took its planned date away."
      : `You planned it for ${step.plannedDate}.`;
  }
  const was = previous.basis;
  const now = next.basis;
  if (now !== null && (was === null || was.action !== now.action || was.stepId !== now.stepId)) {
    return `The advice changed: ${now.reason}`;
  }
  if (previous.start !== next.start) return "A new 30 days began.";
  return "The days moved on: the plan keeps suggested attempts in the days ahead.";
}
