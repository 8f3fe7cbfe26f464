import { z } from "zod";
import { Rating } from "../audits/schema";
import { AttemptOutcome } from "../engine/outcome";
import { Id, Instant, text, wholeNumber } from "../shared";

export const Outcome = z.enum(AttemptOutcome.options, { error: "must be done, partly or not_yet" });
export type Outcome = z.infer<typeof Outcome>;

export const AttemptInput = z.object({
  stepId: Id,
  idempotencyKey: z
    .string({ error: "must be text" })
    .min(8, { error: "must be at least 8 characters" })
    .max(100, { error: "must be at most 100 characters" })
    .optional()
    .describe("Client-chosen; a retried submit with the same key returns the first attempt"),
  attemptedAt: Instant.optional().describe("When it happened; defaults to now; not in the future"),
  confidenceBefore: Rating.nullable().optional().describe("Confidence held just before, 0–100"),
  anxietyBefore: wholeNumber(0, 10).nullable().optional(),
  outcome: Outcome,
  effort: wholeNumber(1, 5).describe("How much effort it took, 1–5"),
  difficulty: wholeNumber(1, 5).describe("How hard it felt, 1–5"),
  anxietyAfter: wholeNumber(0, 10).nullable().optional(),
  minutes: wholeNumber(0, 1440).nullable().optional(),
  note: text(2000).default(""),
});
export type AttemptInput = z.infer<typeof AttemptInput>;

/** A correction to a logged attempt: only the fields sent change. The step stays the same. */
export const AttemptUpdate = z
  .object({
    attemptedAt: Instant.optional().describe("When it happened; not in the future"),
    confidenceBefore: Rating.nullable().optional().describe("Confidence held just before, 0–100"),
    anxietyBefore: wholeNumber(0, 10).nullable().optional(),
    outcome: Outcome.optional(),
    effort: wholeNumber(1, 5).optional().describe("How much effort it took, 1–5"),
    difficulty: wholeNumber(1, 5).optional().describe("How hard it felt, 1–5"),
    anxietyAfter: wholeNumber(0, 10).nullable().optional(),
    minutes: wholeNumber(0, 1440).nullable().optional(),
    note: text(2000).optional(),
  })
  .strict()
  .refine((u) => Object.values(u).some((v) => v !== undefined), {
    error: "must change at least one field",
  });
export type AttemptUpdate = z.infer<typeof AttemptUpdate>;

export const AttributionInput = z.object({
  effort: wholeNumber(0, 4),
  strategy: wholeNumber(0, 4),
  ability: wholeNumber(0, 4),
  luck: wholeNumber(0, 4),
  help: wholeNumber(0, 4),
  easy: wholeNumber(0, 4),
});
export type AttributionInput = z.infer<typeof AttributionInput>;

export const DebriefInput = z.object({
  didWell: text(2000).default("").describe("What did I do well?"),
  capability: text(2000).default("").describe("What does this tell me about my capability?"),
  differently: text(2000).default("").describe("What would I do differently?"),
  attributions: AttributionInput,
  reattribution: text(2000)
    .default("")
    .describe("The person's re-attribution, if they took up the prompt"),
  dismissedFlags: z
    .array(z.enum(["discounted_success", "fixed_ability_setback"]))
    .max(2)
    .default([]),
});
export type DebriefInput = z.infer<typeof DebriefInput>;

export const AttributionPromptOut = z.object({
  flag: z.enum(["discounted_success", "fixed_ability_setback"]),
  prompt: z.string(),
  dismissed: z.boolean(),
});

export const Debrief = z.object({
  attemptId: z.string(),
  didWell: z.string(),
  capability: z.string(),
  differently: z.string(),
  attributions: AttributionInput,
  reattribution: z.string(),
  prompts: z.array(AttributionPromptOut),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Debrief = z.infer<typeof Debrief>;

export const Attempt = z.object({
  id: z.string(),
  goalId: z.string(),
  stepId: z.string(),
  attemptedAt: z.string(),
  confidenceBefore: z.number().int().nullable(),
  anxietyBefore: z.number().int().nullable(),
  outcome: Outcome,
  effort: z.number().int(),
  difficulty: z.number().int(),
  anxietyAfter: z.number().int().nullable(),
  minutes: z.number().int().nullable(),
  note: z.string(),
  predictedSuccess: z
    .number()
    .nullable()
    .describe("The engine's p(success) just before this attempt"),
  confidenceRated: z
    .enum(["before", "after"])
    .nullable()
    .describe(
      "before: started with Start an attempt; after: logged in one go; null: unknown (older)",
    ),
  energyBefore: z.number().int().nullable(),
  sleepHours: z.number().nullable(),
  debrief: Debrief.nullable(),
  createdAt: z.string(),
});
export type Attempt = z.infer<typeof Attempt>;

/** An attempt as a goal's page lists and charts it: no free text, whether it is debriefed. */
export const AttemptSummary = Attempt.pick({
  id: true,
  stepId: true,
  attemptedAt: true,
  outcome: true,
  predictedSuccess: true,
}).extend({ debriefed: z.boolean() });
export type AttemptSummary = z.infer<typeof AttemptSummary>;
