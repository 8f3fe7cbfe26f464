import { z } from "zod";
import { Id, requiredText, text, wholeNumber } from "../shared";

/** Exactly one of attemptId and evidenceId: checked by `feedbackTargetProblem` after the text rule. */
export const FeedbackInput = z.object({
  attemptId: Id.optional().describe("The attempt it is about (or evidenceId)"),
  evidenceId: Id.optional().describe("The piece of evidence it is about (or attemptId)"),
  body: requiredText(2000).describe("What did you see them do?"),
});
export type FeedbackInput = z.infer<typeof FeedbackInput>;

/** Feedback points at one thing: an attempt or a piece of evidence, not both, not neither. */
export function feedbackTargetProblem(input: { attemptId?: string; evidenceId?: string }) {
  return (input.attemptId === undefined) === (input.evidenceId === undefined)
    ? { path: "attemptId", message: "name either an attempt or a piece of evidence" }
    : null;
}

export const FeedbackPatch = z.object({
  reply: text(2000).optional().describe("My reply (empty takes it back)"),
  hidden: z.boolean({ error: "must be true or false" }).optional(),
});
export type FeedbackPatch = z.infer<typeof FeedbackPatch>;

export const FeedbackEvidenceInput = z.object({
  ownership: wholeNumber(0, 100)
    .default(70)
    .describe("How much of what they saw was my own doing, 0–100"),
});

export const FeedbackTarget = z.object({
  kind: z.enum(["attempt", "evidence"]),
  id: z.string(),
  /** What it points at, in a line: the step and outcome of an attempt, or the evidence's title. */
  label: z.string(),
  /** False once the attempt or evidence was deleted. */
  exists: z.boolean(),
});

export const Feedback = z.object({
  id: z.string(),
  goalId: z.string(),
  author: z.string().describe("Who wrote it (their email, or the name the person gave them)"),
  role: z.enum(["supporter", "coach"]),
  credibility: z.number().int().nullable(),
  target: FeedbackTarget,
  body: z.string(),
  specific: z.boolean().describe("Whether it names something concrete"),
  note: z.string().nullable().describe("The gentle note when it names nothing concrete"),
  reply: z.string(),
  repliedAt: z.string().nullable(),
  hidden: z.boolean(),
  savedEvidenceId: z.string().nullable(),
  createdAt: z.string(),
});
export type Feedback = z.infer<typeof Feedback>;
