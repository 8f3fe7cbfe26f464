import type { PlanResponse } from "@cando/core";

type Plan = PlanResponse["plan"];
type Week = Plan["weeks"][number];
type Change = PlanResponse["changes"][number];

export type PlanItem =
  | { kind: "attempt"; stepId: string; title: string; planned: boolean }
  | { kind: "practice"; minutes: number }
  | { kind: "rest" }
  | { kind: "reflection" }
  | { kind: "rerating" };

export type PlanDay = { day: string; items: PlanItem[] };

const addDay = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** A week of the plan as days, each with what falls on it (days with nothing are left out). */
export function planDays(week: Week, practiceMinutes: number): PlanDay[] {
  const out: PlanDay[] = [];
  for (let day = week.start; day <= week.end; day = addDay(day, 1)) {
    const items: PlanItem[] = [];
    for (const a of week.attempts) {
      if (a.day === day) {
        items.push({
          kind: "attempt",
          stepId: a.stepId,
          title: a.title,
          planned: a.kind === "planned",
        });
      }
    }
    if (week.practiceDays.includes(day)) items.push({ kind: "practice", minutes: practiceMinutes });
    if (week.restDays.includes(day)) items.push({ kind: "rest" });
    if (week.reflection === day) items.push({ kind: "reflection" });
    if (week.rerating === day) items.push({ kind: "rerating" });
    if (items.length > 0) out.push({ day, items });
  }
  return out;
}

/** "Day 3 of 30" and the launch framing: the plan is a start, day 30 a checkpoint. */
export function launchSentence(plan: Plan, habitMedianDays: number): string {
  const day = Math.min(plan.dayNumber, 30);
  return `Day ${day} of 30. This is a launch, not a finish line: in Lally and colleagues' 2010 study, new habits took a median of ${habitMedianDays} days to become automatic, so day 30 is a checkpoint on the way.`;
}

const weekWords = (week: number | null) => (week === null ? "not in the plan" : `week ${week}`);

/** "Speak for 2 minutes: week 2 → week 1. The advice changed: …" */
export function changeSentence(change: Change): string {
  return `${change.title}: ${weekWords(change.fromWeek)} → ${weekWords(change.toWeek)}. ${change.why}`;
}

/** What a milestone asks, in words. */
export function milestoneSentence(week: Week): string {
  if (week.milestone === null) {
    return week.week === 5
      ? "Checkpoint: look back on the 30 days and keep going."
      : "No new step this week: keep practising what you have.";
  }
  const pct = Math.round(week.milestone.predictedSuccess * 100);
  return `By the end of this week, have mastered “${week.milestone.title}” (about ${pct}% likely to succeed now).`;
}
