import { z } from "zod";

export const MILESTONE_KINDS = ["step_mastered", "goal_reached"] as const;

export const Milestone = z.object({
  id: z.string(),
  kind: z.enum(MILESTONE_KINDS),
  goalId: z.string(),
  stepId: z.string().nullable(),
  title: z.string().describe("What was done, in words"),
  evidenceIds: z
    .array(z.string())
    .describe("The evidence behind it: the step's (or goal's) evidence dated up to that day"),
  achievedAt: z.string().describe("When the attempt that earned it happened"),
  praise: z.string().describe("Praise that matches the effort and debriefs behind it"),
  seenAt: z.string().nullable(),
  basisRemovedAt: z
    .string()
    .nullable()
    .describe("When what earned it was later corrected away or deleted; it stays in history"),
});
export type Milestone = z.infer<typeof Milestone>;
