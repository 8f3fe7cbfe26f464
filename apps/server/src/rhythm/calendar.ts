import {
  addDays,
  auditDue,
  dayInZone,
  isoWeekday,
  latestReflectionDay,
  type RhythmSettings,
} from "@cando/core";
import {
  type Db,
  lastAuditAt,
  listGoals,
  practiceRestDays,
  practiceTargets,
  stepsPlannedBetween,
} from "@cando/storage";
import ical, { ICalCalendarMethod, ICalEventRepeatingFreq, ICalWeekday } from "ical-generator";

/** Local wall-clock times of the rhythm's events (not yet settings of their own). */
export const PRACTICE_TIME = "18:00";
export const REFLECTION_TIME = "18:30";
const HORIZON_DAYS = 365;
const WEEKDAYS = [
  ICalWeekday.MO,
  ICalWeekday.TU,
  ICalWeekday.WE,
  ICalWeekday.TH,
  ICalWeekday.FR,
  ICalWeekday.SA,
  ICalWeekday.SU,
];

/**
 * A wall-clock time in the person's zone: ical-generator writes a plain Date's UTC fields with the
 * event's TZID, so the Date carries the local time as if it were UTC.
 */
const wallClock = (day: string, time: string, plusMinutes = 0) =>
  new Date(Date.parse(`${day}T${time}:00Z`) + plusMinutes * 60_000);

/** Minutes of a daily practice block: the weekly target spread over seven days, 15–120. */
export function practiceBlockMinutes(weeklyTarget: number | null): number {
  if (weeklyTarget === null) return 30;
  return Math.min(120, Math.max(15, Math.ceil(weeklyTarget / 7 / 5) * 5));
}

/**
 * The person's private calendar: planned steps (all day), a daily practice block per active goal
 * (planned rest days left out), the weekly reflection and the monthly audit and re-rating, each
 * recurring, in the person's time zone. Every read is bounded by a date range, not the history.
 */
export async function buildCalendar(
  db: Db,
  userId: string,
  settings: RhythmSettings,
  now: Date,
  origin: string,
): Promise<string> {
  const zone = settings.timeZone;
  const today = dayInZone(now, zone);
  const calendar = ical({
    name: "Cando",
    description: "Your steps, practice, weekly reflection and monthly re-rating",
    prodId: { company: "Cando", product: "Cando", language: "EN" },
    timezone: zone,
    method: ICalCalendarMethod.PUBLISH,
    ttl: 60 * 60,
  });
  const uid = (name: string) => `${name}@cando`;

  for (const step of await stepsPlannedBetween(
    db,
    userId,
    addDays(today, -30),
    addDays(today, HORIZON_DAYS),
  )) {
    calendar.createEvent({
      id: uid(`step-${step.stepId}`),
      stamp: now,
      start: new Date(`${step.plannedDate}T00:00:00Z`),
      allDay: true,
      summary: `Step: ${step.title}`,
      description: `Goal: ${step.statement}`,
      url: `${origin}/goals/${encodeURIComponent(step.goalId)}`,
    });
  }

  const goals = await listGoals(db, userId, ["active"]);
  const goalIds = goals.map((g) => g.id);
  const targets = await practiceTargets(db, userId, goalIds);
  const rest = await practiceRestDays(db, userId, goalIds, today, addDays(today, HORIZON_DAYS));
  for (const goal of goals) {
    const minutes = practiceBlockMinutes(targets.get(goal.id) ?? null);
    calendar.createEvent({
      id: uid(`practice-${goal.id}`),
      stamp: now,
      start: wallClock(today, PRACTICE_TIME),
      end: wallClock(today, PRACTICE_TIME, minutes),
      timezone: zone,
      summary: `Practice: ${goal.statement}`,
      description:
        "Deliberate practice: consistency beats intensity, and a missed day is forgiven.",
      repeating: {
        freq: ICalEventRepeatingFreq.DAILY,
        exclude: rest
          .filter((r) => r.goalId === goal.id)
          .map((r) => wallClock(r.day, PRACTICE_TIME)),
      },
      url: `${origin}/goals/${encodeURIComponent(goal.id)}`,
    });
  }

  const weekday = settings.reflectionWeekday;
  const lastReflection = latestReflectionDay(today, weekday);
  const nextReflection = lastReflection === today ? today : addDays(lastReflection, 7);
  calendar.createEvent({
    id: uid("reflection"),
    stamp: now,
    start: wallClock(nextReflection, REFLECTION_TIME),
    end: wallClock(nextReflection, REFLECTION_TIME, 20),
    timezone: zone,
    summary: "Weekly reflection",
    description: "What I accomplished, what I overcame, what I learned, and next week's plan.",
    repeating: {
      freq: ICalEventRepeatingFreq.WEEKLY,
      byDay: [WEEKDAYS[isoWeekday(nextReflection) - 1] ?? ICalWeekday.SU],
    },
    url: `${origin}/reflections/week`,
  });

  const due = auditDue(await lastAuditAt(db, userId), now);
  const rerating = due.nextDueAt === null ? today : dayInZone(new Date(due.nextDueAt), zone);
  calendar.createEvent({
    id: uid("rerating"),
    stamp: now,
    start: new Date(`${rerating}T00:00:00Z`),
    allDay: true,
    summary: "Monthly audit and ladder re-rating",
    description: "Rate your belief in each domain again, and each ladder step's confidence.",
    repeating: { freq: ICalEventRepeatingFreq.MONTHLY },
    url: `${origin}/audit`,
  });
  return calendar.toString();
}
