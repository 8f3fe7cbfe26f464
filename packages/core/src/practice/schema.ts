import { z } from "zod";
import { TimeZone } from "../accounts/settings";
import { Day, text, wholeNumber } from "../shared";
import { LOCAL_TIME_PATTERN, PRACTICE_MAX_MINUTES, PRACTICE_MAX_WEEKLY_TARGET } from "./rules";

export const PracticeEntryInput = z.object({
  day: Day.describe("The day practised, in the person's own time zone; not later than today"),
  minutes: wholeNumber(1, PRACTICE_MAX_MINUTES),
  what: text(200).default("").describe("What was practised"),
  note: text(2000).default(""),
});
export type PracticeEntryInput = z.infer<typeof PracticeEntryInput>;

export const PracticeEntry = z.object({
  id: z.string(),
  goalId: z.string(),
  day: z.string(),
  minutes: z.number().int(),
  what: z.string(),
  note: z.string(),
  createdAt: z.string(),
});
export type PracticeEntry = z.infer<typeof PracticeEntry>;

export const PracticeTargetInput = z.object({
  weeklyMinutes: wholeNumber(1, PRACTICE_MAX_WEEKLY_TARGET)
    .nullable()
    .describe("Minutes a week to aim for; null for no target"),
});
export type PracticeTargetInput = z.infer<typeof PracticeTargetInput>;

export const PracticeSummary = z.object({
  goalId: z.string(),
  today: z.string().describe("Today in the person's time zone"),
  score: z.number().describe("Consistency 0–1: forgives a miss, planned rest days left out"),
  last7: z.number().int().describe("Days practised in the 7 days ending today"),
  last30: z.number().int().describe("Days practised in the 30 days ending today"),
  lastPractised: z.string().nullable(),
  daysSince: z.number().int().nullable(),
  minutesToday: z.number().int(),
  minutesLast7: z.number().int(),
  weeklyTarget: z.number().int().nullable(),
  restToday: z.boolean().describe("Today is a planned rest day"),
});
export type PracticeSummary = z.infer<typeof PracticeSummary>;

export const PracticeDay = z.object({ day: z.string(), minutes: z.number().int() });
export type PracticeDay = z.infer<typeof PracticeDay>;

export const PracticeResponse = z.object({
  practice: PracticeSummary,
  year: z.object({
    from: z.string(),
    to: z.string(),
    days: z
      .array(PracticeDay)
      .describe("Days with practice in the year ending today, oldest first"),
  }),
  restDays: z.array(z.string()).describe("Planned rest days from a year ago to a year ahead"),
  entries: z.array(PracticeEntry).describe("The latest entries, newest first (at most 20)"),
});
export type PracticeResponse = z.infer<typeof PracticeResponse>;

const LocalTime = z
  .string({ error: "must be a time as HH:MM" })
  .regex(LOCAL_TIME_PATTERN, { error: "must be a time as HH:MM, 00:00 to 23:59" });

export const RhythmSettings = z.object({
  timeZone: z
    .string()
    .describe(
      "IANA time zone (the account setting); UTC until the person (or their browser) sets one",
    ),
  timeZoneSet: z.boolean().describe("False while the zone is still the default"),
  reflectionWeekday: z
    .number()
    .int()
    .describe("ISO weekday of the weekly reflection: 1 Monday … 7 Sunday"),
  practiceTime: z.string().describe('Local "HH:MM" of the daily practice block (default 18:00)'),
  reflectionTime: z.string().describe('Local "HH:MM" of the weekly reflection (default 18:30)'),
});
export type RhythmSettings = z.infer<typeof RhythmSettings>;

export const RhythmSettingsInput = z
  .object({
    timeZone: TimeZone.optional(),
    reflectionWeekday: wholeNumber(1, 7).optional(),
    practiceTime: LocalTime.optional(),
    reflectionTime: LocalTime.optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), {
    error: "change at least one field",
  })
  .meta({ minProperties: 1 });
export type RhythmSettingsInput = z.infer<typeof RhythmSettingsInput>;

export const RhythmTodayResponse = z.object({
  today: z.string(),
  settings: RhythmSettings,
  reflection: z.object({ due: z.boolean(), weekEnd: z.string(), written: z.boolean() }),
  rerating: z
    .object({
      due: z.boolean(),
      goalIds: z.array(z.string()).describe("Active goals with a ladder to re-rate"),
    })
    .describe("The monthly re-rating of ladders, prompted with the monthly audit"),
  plannedSteps: z
    .array(
      z.object({
        goalId: z.string(),
        statement: z.string(),
        stepId: z.string(),
        title: z.string(),
      }),
    )
    .describe("Steps of active goals planned for today"),
  practice: z
    .array(z.object({ goalId: z.string(), statement: z.string(), practice: PracticeSummary }))
    .describe("One per active goal"),
});
export type RhythmTodayResponse = z.infer<typeof RhythmTodayResponse>;
