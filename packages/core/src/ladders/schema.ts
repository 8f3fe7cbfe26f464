import { z } from "zod";
import { Rating } from "../audits/schema";
import { Day, Id, requiredText, text } from "../shared";

import { LADDER_MAX_STEPS, LADDER_MIN_STEPS, TARGET_MAX, TARGET_MIN } from "./rules";

export {
  FIRST_STEP_WITHIN_DAYS,
  LADDER_MAX_STEPS,
  LADDER_MIN_STEPS,
  TARGET_DEFAULT,
  TARGET_MAX,
  TARGET_MIN,
} from "./rules";

export const StepInput = z.object({
  title: requiredText(200),
  description: text(1000).default(""),
  confidence: Rating.nullable()
    .optional()
    .describe("How certain am I that I can do this now (0–100)"),
  plannedDate: Day.nullable().optional(),
});
export type StepInput = z.infer<typeof StepInput>;

export const LadderInput = z.object({
  steps: z
    .array(StepInput, { error: "must be a list of steps" })
    .min(LADDER_MIN_STEPS, { error: `needs at least ${LADDER_MIN_STEPS} steps` })
    .max(LADDER_MAX_STEPS, { error: `can have at most ${LADDER_MAX_STEPS} steps` }),
});
export type LadderInput = z.infer<typeof LadderInput>;

export const StepUpdate = z
  .object({
    title: requiredText(200).optional(),
    description: text(1000).optional(),
    plannedDate: Day.nullable().optional(),
    mastered: z
      .boolean({ error: "must be true, false or null" })
      .nullable()
      .optional()
      .describe("The person's override of the mastery rule; null returns to the rule"),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), {
    error: "change at least one field",
  })
  .meta({ minProperties: 1 });
export type StepUpdate = z.infer<typeof StepUpdate>;

export const StepRatingInput = z.object({ confidence: Rating });

export const StepOrderInput = z.object({
  stepIds: z
    .array(Id, { error: "must be a list of step ids" })
    .min(1, { error: "must list the steps" })
    .max(LADDER_MAX_STEPS, { error: `can have at most ${LADDER_MAX_STEPS} steps` }),
});

export const PredictionWhy = z
  .object({
    basis: z.enum(["rating", "not_rated", "attempts"]).describe("What the prediction rests on"),
    rating: z.number().nullable().describe("The rating the step was placed from"),
    stepAttempts: z.number().int(),
    stepDone: z.number().int().describe("Done among the step's last three attempts"),
    totalAttempts: z.number().int(),
    certainty: z.enum(["rough", "fair", "firm"]),
    low: z.number().describe("A plausible range: one standard deviation below …"),
    high: z.number().describe("… and above"),
    sentence: z.string().describe("Why, in plain words, with the numbers"),
  })
  .describe("Why the engine predicts what it does for this step");
export type PredictionWhy = z.infer<typeof PredictionWhy>;

export const Step = z.object({
  id: z.string(),
  goalId: z.string(),
  title: z.string(),
  description: z.string(),
  position: z.number().int(),
  confidence: z.number().int().nullable(),
  plannedDate: z.string().nullable(),
  archivedAt: z.string().nullable(),
  attemptCount: z.number().int(),
  successCount: z.number().int(),
  predictedSuccess: z.number().describe("The engine's p(success) now, 0–1"),
  why: PredictionWhy.nullable(),
  mastered: z.boolean(),
  masteredOverride: z.boolean().nullable(),
  createdAt: z.string(),
});
export type Step = z.infer<typeof Step>;

export const StepRating = z.object({
  stepId: z.string(),
  confidence: z.number().int(),
  ratedAt: z.string(),
});
export type StepRating = z.infer<typeof StepRating>;

export const EfficacyScaleOut = z.object({
  steps: z.number().int(),
  rated: z.number().int(),
  strength: z.number().nullable().describe("Mean confidence (Bandura 2006)"),
  level: z.number().int().describe("Steps rated at or above the cut-off"),
  composite: z
    .number()
    .nullable()
    .describe("Mean over steps at or above the cut-off (Lee & Bobko 1994)"),
  cutoff: z.number().int(),
  ceilingShare: z.number(),
  ceiling: z.boolean().describe("Most steps rated 90+: the ladder needs harder steps"),
});

export const RecommendationOut = z.object({
  action: z.enum(["repeat", "step_up", "step_back", "skip_ahead", "split", "goal_reached"]),
  stepId: z.string(),
  stepIndex: z.number().int(),
  predictedSuccess: z.number(),
  target: z.number(),
  currentStepId: z.string(),
  splitStepId: z.string().nullable(),
  reason: z.string(),
});
export type RecommendationOut = z.infer<typeof RecommendationOut>;

export const SplitOut = z
  .object({
    beforeStepId: z.string().describe("The step that keeps failing: the new one goes before it"),
    afterStepId: z.string().nullable().describe("The step the new one comes after"),
    suggestedConfidence: z.number().int().describe("A rating to start from, 10–90"),
  })
  .describe("When the advice is to split: where a smaller step goes");

export const LadderView = z.object({
  steps: z.array(Step).describe("Active steps in order; archived ones are in `archivedSteps`"),
  archivedSteps: z.array(Step),
  scale: EfficacyScaleOut,
  recommendation: RecommendationOut.nullable(),
  split: SplitOut.nullable(),
  target: z.number().describe("The person's target success rate the advice aims for"),
  firstStepWarning: z.string().nullable(),
});
export type LadderView = z.infer<typeof LadderView>;

export const TargetInput = z.object({
  target: z
    .number({ error: "must be a number from 0.7 to 0.9" })
    .min(TARGET_MIN, { error: `must be at least ${TARGET_MIN}` })
    .max(TARGET_MAX, { error: `must be at most ${TARGET_MAX}` })
    .refine((x) => Math.abs(x * 100 - Math.round(x * 100)) < 1e-9, {
      error: "must be a whole percent, like 0.75",
    })
    .describe("The success rate advice aims for, 0.7–0.9 (default 0.8)"),
});
export type TargetInput = z.infer<typeof TargetInput>;

export const TargetResponse = z.object({
  target: z.number().describe("The success rate advice aims for"),
  min: z.number(),
  max: z.number(),
  default: z.number(),
});
export type TargetResponse = z.infer<typeof TargetResponse>;

export const NextStep = z
  .object({
    recommendation: RecommendationOut,
    stepTitle: z.string().describe("The step to attempt next, by name"),
    why: PredictionWhy.nullable(),
  })
  .describe("What next: the step, its chance and the reason");
export type NextStep = z.infer<typeof NextStep>;
