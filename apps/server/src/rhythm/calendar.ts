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
import { tzlib_get_ical_block } from "timezones-ical-library";

const HORIZON_DAYS = 365;

/** The VTIMEZONE of an IANA zone; UTC needs none (times are written with Z). */
function vtimezone(zone: string): string | null {
  if (zone === "UTC" || zone === "Etc/UTC") return null;
  const block = tzlib_get_ical_block(zone)[0];
  return typeof block === "string" && block.startsWith("BEGIN:VTIMEZONE") ? block : null;
}
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
    // A VTIMEZONE block for the zone (the way ical-generator documents), so calendar apps that
    // do not know IANA names still place each event at the person's local time.
    timezone: { name: zone, generator: vtimezone },
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

  const goals = await listGoals(db, userId, "active");
  const goalIds = goals.map((g) => g.id);
  const targets = await practiceTargets(db, userId, goalIds);
  const rest = await practiceRestDays(db, userId, goalIds, today, addDays(today, HORIZON_DAYS));
  for (const goal of goals) {
    const minutes = practiceBlockMinutes(targets.get(goal.id) ?? null);
    const skipped = rest
      .filter((r) => r.goalId === goal.id)
      .map((r) => wallClock(r.day, settings.practiceTime));
    calendar.createEvent({
      id: uid(`practice-${goal.id}`),
      stamp: now,
      start: wallClock(today, settings.practiceTime),
      end: wallClock(today, settings.practiceTime, minutes),
      timezone: zone,
      summary: `Practice: ${goal.statement}`,
      description:
        "Deliberate practice: consistency beats intensity, and a missed day is forgiven.",
      repeating: {
        freq: ICalEventRepeatingFreq.DAILY,
        // An empty list would write an empty EXDATE, which parsers refuse.
        ...(skipped.length > 0 ? { exclude: skipped } : {}),
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
    start: wallClock(nextReflection, settings.reflectionTime),
    end: wallClock(nextReflection, settings.reflectionTime, 20),
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
