import { z } from "zod";

const Milestone = z.object({
  stepId: z.string(),
  title: z.string(),
  predictedSuccess: z.number().describe("The engine's p(success) of the step now, 0–1"),
});

export const PlanWeekOut = z.object({
  week: z.number().int().describe("1–5 (week 5 is days 29–30, the checkpoint)"),
  start: z.string(),
  end: z.string(),
  milestone: Milestone.nullable().describe("The step to have mastered by the end of this week"),
  attempts: z.array(
    z.object({
      day: z.string(),
      stepId: z.string(),
      title: z.string(),
      kind: z.enum(["planned", "suggested"]),
    }),
  ),
  practiceDays: z.array(z.string()).describe("Days ahead with a practice block"),
  restDays: z.array(z.string()).describe("Planned rest days and skipped practice days"),
  reflection: z.string().nullable().describe("The day of the week's reflection"),
  rerating: z.string().nullable().describe("The monthly re-rating, if it falls in this week"),
});

export const PlanOut = z.object({
  start: z.string().describe("Day 1"),
  end: z.string().describe("Day 30: a checkpoint, not a finish"),
  dayNumber: z.number().int().describe("Today is day n of the plan"),
  practiceMinutes: z.number().int(),
  weeks: z.array(PlanWeekOut),
  basis: z
    .object({ action: z.string(), stepId: z.string(), reason: z.string() })
    .nullable()
    .describe("The engine's advice the plan was built from"),
});

export const PlanChangeOut = z.object({
  stepId: z.string(),
  title: z.string(),
  fromWeek: z.number().int().nullable(),
  toWeek: z.number().int().nullable(),
  why: z.string(),
});

export const PlanResponse = z.object({
  plan: PlanOut,
  changes: z
    .array(PlanChangeOut)
    .describe("What moved at the last re-plan and why (kept until the plan changes again)"),
  changedAt: z.string().nullable().describe("When the plan last re-planned"),
  habitMedianDays: z.number().int().describe("Lally et al. (2010): median days to a habit"),
});
export type PlanResponse = z.infer<typeof PlanResponse>;
