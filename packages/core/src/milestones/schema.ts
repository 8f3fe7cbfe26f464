import { z } from "zod";

export const MILESTONE_KINDS = ["step_mastered", "goal_reached"] as const;

export const Milestone = z.object({
  id: z.string(),
  kind: z.enum(MILESTONE_KINDS),
  goalId: z.string(),
  stepId: z.string().nullable(),
  title: z.string().describe("What was done, in words"),
  evidenceIds: z.array(z.string()).describe("The evidence behind it"),
  achievedAt: z.string(),
  seenAt: z.string().nullable(),
  basisRemovedAt: z
    .string()
    .nullable()
    .describe("When what earned it was later corrected away or deleted; it stays in history"),
});
export type Milestone = z.infer<typeof Milestone>;
