import { z } from "zod";
import { Day, Id, requiredText, text } from "../shared";

export const GOAL_STATUSES = ["active", "reached", "paused", "dropped"] as const;
export const GoalStatus = z.enum(GOAL_STATUSES, {
  error: "must be active, reached, paused or dropped",
});
export type GoalStatus = z.infer<typeof GoalStatus>;

export const GoalInput = z.object({
  domainId: Id,
  statement: requiredText(200).describe(
    'A capability: "I can give a clear 10-minute talk to ten or more"',
  ),
  outcome: text(500).default("").describe("What someone could observe when it is done"),
  context: text(300).default("").describe("Where, with whom, under what conditions"),
  targetDate: Day.nullable().optional(),
});
export type GoalInput = z.infer<typeof GoalInput>;

export const GoalUpdate = z
  .object({
    statement: requiredText(200).optional(),
    outcome: text(500).optional(),
    context: text(300).optional(),
    targetDate: Day.nullable().optional(),
    status: GoalStatus.optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), {
    error: "change at least one field",
  })
  .meta({ minProperties: 1 });
export type GoalUpdate = z.infer<typeof GoalUpdate>;

export const CoachingNote = z.object({
  field: z.string(),
  code: z.enum(["vague", "will_not_can", "not_capability", "no_observable_outcome", "too_short"]),
  message: z.string(),
});
export type CoachingNote = z.infer<typeof CoachingNote>;

export const Goal = z.object({
  id: z.string(),
  domainId: z.string(),
  statement: z.string(),
  outcome: z.string(),
  context: z.string(),
  targetDate: z.string().nullable(),
  status: GoalStatus,
  createdAt: z.string(),
  updatedAt: z.string(),
  reachedAt: z.string().nullable(),
  coaching: z.array(CoachingNote).describe("Gentle, non-blocking suggestions about the wording"),
});
export type Goal = z.infer<typeof Goal>;
