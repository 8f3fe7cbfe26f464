import { z } from "zod";
import { Day, Id, requiredText, text, wholeNumber } from "../shared";

/**
 * Where evidence came from: a debriefed attempt, entered by hand, kept from a weekly reflection,
 * or a supporter's feedback the person saved (social persuasion).
 */
export const EVIDENCE_SOURCES = ["attempt", "manual", "reflection", "social_persuasion"] as const;

export const EvidenceInput = z.object({
  domainId: Id,
  goalId: Id.nullable().optional(),
  stepId: Id.nullable().optional(),
  title: requiredText(200),
  body: text(4000).default(""),
  occurredOn: Day,
  ownership: wholeNumber(0, 100).describe("How much of it was my own doing, 0–100"),
});
export type EvidenceInput = z.infer<typeof EvidenceInput>;

export const EvidenceUpdate = z
  .object({
    title: requiredText(200).optional(),
    body: text(4000).optional(),
    occurredOn: Day.optional(),
    ownership: wholeNumber(0, 100).optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), {
    error: "change at least one field",
  })
  .meta({ minProperties: 1 });
export type EvidenceUpdate = z.infer<typeof EvidenceUpdate>;

/** The imposter re-attribution exercise: weigh what produced an accomplishment, then say what it shows. */
export const ReattributionInput = z.object({
  weights: z.object({
    effort: wholeNumber(0, 100),
    skill: wholeNumber(0, 100),
    strategy: wholeNumber(0, 100),
    luck: wholeNumber(0, 100),
    help: wholeNumber(0, 100),
    timing: wholeNumber(0, 100),
  }),
  shows: requiredText(2000).describe("What this accomplishment shows about me"),
});
export type ReattributionInput = z.infer<typeof ReattributionInput>;

export const Reattribution = ReattributionInput.extend({
  ownShare: z.number().int().describe("effort + skill + strategy as a share of all weights, 0–100"),
  doneAt: z.string(),
});
export type Reattribution = z.infer<typeof Reattribution>;

export const Evidence = z.object({
  id: z.string(),
  source: z.enum(EVIDENCE_SOURCES),
  attemptId: z.string().nullable(),
  domainId: z.string(),
  goalId: z.string().nullable(),
  stepId: z.string().nullable(),
  title: z.string(),
  body: z.string(),
  occurredOn: z.string(),
  ownership: z.number().int(),
  effort: z.number().int().nullable().describe("Effort of the attempt behind it (1–5), if any"),
  reattribution: Reattribution.nullable(),
  reflectionId: z
    .string()
    .nullable()
    .describe("The weekly reflection it was kept from (source reflection), else null"),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Evidence = z.infer<typeof Evidence>;

export const EvidenceQuery = z.object({
  q: text(200).optional(),
  domainId: Id.optional(),
  goalId: Id.optional(),
  stepId: Id.optional(),
});
