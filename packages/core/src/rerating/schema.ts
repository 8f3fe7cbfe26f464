import { z } from "zod";

export const StepSinceRatingOut = z.object({
  stepId: z.string(),
  lastRating: z
    .object({ confidence: z.number().int(), ratedAt: z.string() })
    .nullable()
    .describe("The step's latest confidence rating"),
  attempts: z.number().int().describe("Attempts on the step since that rating"),
  done: z.number().int(),
  partly: z.number().int(),
  notYet: z.number().int(),
  estimateThen: z
    .number()
    .nullable()
    .describe("The model's p(success) at the first attempt since the rating, 0–1"),
  estimateNow: z.number().describe("The model's p(success) now, 0–1"),
});

export const RerateResponse = z.object({
  steps: z.array(StepSinceRatingOut).describe("Active steps in ladder order"),
});
export type RerateResponse = z.infer<typeof RerateResponse>;
