import { z } from "zod";
import { Day, Id, text, wholeNumber } from "../shared";
import { REFLECTION_PARTS } from "./rules";

export const ReflectionInput = z.object({
  accomplished: text(2000).default(""),
  overcame: text(2000).default(""),
  learned: text(2000).default(""),
  nextWeek: text(2000).default("").describe("Next week I will …"),
  nextStep: z
    .object({ stepId: Id, plannedDate: Day })
    .nullable()
    .optional()
    .describe("Plan a step of one of your goals for a day next week"),
});
export type ReflectionInput = z.infer<typeof ReflectionInput>;

export const Reflection = z.object({
  id: z.string(),
  weekStart: z.string(),
  weekEnd: z.string(),
  accomplished: z.string(),
  overcame: z.string(),
  learned: z.string(),
  nextWeek: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Reflection = z.infer<typeof Reflection>;

export const SourceCount = z.object({
  key: z.enum(["mastery", "roleModels", "feedback", "routines"]),
  label: z.string(),
  count: z.number().int(),
  nudge: z.string().nullable().describe("A gentle question when the source is missing"),
});

export const WeekFacts = z.object({
  weekStart: z.string(),
  weekEnd: z.string(),
  attempts: z.object({
    total: z.number().int(),
    done: z.number().int(),
    partly: z.number().int(),
    notYet: z.number().int(),
  }),
  practice: z.object({ minutes: z.number().int(), days: z.number().int() }),
  evidence: z.object({
    count: z.number().int(),
    titles: z.array(z.string()).describe("At most 10, newest first"),
  }),
  sources: z.array(SourceCount).describe("The four sources of efficacy, strongest first"),
});
export type WeekFacts = z.infer<typeof WeekFacts>;

export const ReflectionWeekResponse = z.object({
  facts: WeekFacts,
  reflection: Reflection.nullable(),
  due: z.boolean(),
});
export type ReflectionWeekResponse = z.infer<typeof ReflectionWeekResponse>;

export const ReflectionWeekQuery = z.object({
  end: Day.optional().describe("The last day of the week; the latest reflection day if absent"),
});

export const ReflectionQuery = z.object({ q: text(200).optional() });

export const ReflectionEvidenceInput = z.object({
  part: z.enum(REFLECTION_PARTS, { error: "must be accomplished, overcame or learned" }),
  domainId: Id,
  goalId: Id.nullable().optional(),
  ownership: wholeNumber(0, 100).describe("How much of it was my own doing, 0–100"),
});
export type ReflectionEvidenceInput = z.infer<typeof ReflectionEvidenceInput>;
