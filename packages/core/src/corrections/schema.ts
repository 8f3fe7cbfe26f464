import { z } from "zod";
import { DELETION_KINDS } from "./rules";

export const Undo = z
  .object({
    deletionId: z.string().describe("Send to POST /api/deletions/{deletionId}/restore to undo"),
    kind: z.enum(DELETION_KINDS),
    until: z.string().describe("The undo window closes at this instant"),
  })
  .meta({ id: "Undo" });
export type Undo = z.infer<typeof Undo>;

/** What went with a deleted attempt, for the person to see. */
export const AttemptRemoval = z.object({
  debrief: z.boolean().describe("Its debrief was deleted with it"),
  evidenceIds: z.array(z.string()).describe("Evidence its debrief created, deleted with it"),
  milestonesAffected: z
    .array(z.string())
    .describe("Milestones that now say what earned them was removed"),
});
export type AttemptRemoval = z.infer<typeof AttemptRemoval>;

export const GoalContents = z.object({
  steps: z.number().int(),
  attempts: z.number().int(),
  evidence: z.number().int(),
  milestones: z.number().int(),
  practiceEntries: z.number().int(),
});
export type GoalContents = z.infer<typeof GoalContents>;
