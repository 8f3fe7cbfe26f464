import { z } from "zod";
import { Id, requiredText, text, wholeNumber } from "../shared";

const Similarity = wholeNumber(0, 100).describe(
  "How similar their starting point was to mine, 0–100",
);

export const RoleModelInput = z.object({
  name: requiredText(100).describe("Their name or an alias"),
  relation: text(200).default("").describe("Who they are to me"),
  similarity: Similarity,
  ahead: text(200).default("").describe("How far ahead of me they are"),
  knownFrom: text(200).default("").describe("Where I know them from"),
});
export type RoleModelInput = z.infer<typeof RoleModelInput>;

export const RoleModelPatch = z.object({
  name: requiredText(100).optional(),
  relation: text(200).optional(),
  similarity: Similarity.optional(),
  ahead: text(200).optional(),
  knownFrom: text(200).optional(),
});
export type RoleModelPatch = z.infer<typeof RoleModelPatch>;

export const RoleModelStepInput = z.object({
  what: requiredText(500).describe("What they did"),
  timing: text(200).default("").describe('When, in their journey ("in her third month")'),
  stepId: Id.nullable().optional().describe("The step of my ladder it matches, if any"),
});
export type RoleModelStepInput = z.infer<typeof RoleModelStepInput>;

export const RoleModelStepPatch = z.object({
  what: requiredText(500).optional(),
  timing: text(200).optional(),
  stepId: Id.nullable().optional(),
});
export type RoleModelStepPatch = z.infer<typeof RoleModelStepPatch>;

export const LinkedStep = z.object({
  id: z.string(),
  title: z.string(),
  goalId: z.string(),
  goalStatement: z.string(),
});
export type LinkedStep = z.infer<typeof LinkedStep>;

export const RoleModelStep = z.object({
  id: z.string(),
  roleModelId: z.string(),
  what: z.string(),
  timing: z.string(),
  step: LinkedStep.nullable().describe("The step of my ladder it is linked to"),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RoleModelStep = z.infer<typeof RoleModelStep>;

export const RoleModel = z.object({
  id: z.string(),
  name: z.string(),
  relation: z.string(),
  similarity: z.number().int(),
  ahead: z.string(),
  knownFrom: z.string(),
  nudge: z.string().nullable().describe("A gentle question when they are not very similar"),
  steps: z.array(RoleModelStep),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RoleModel = z.infer<typeof RoleModel>;

/** Who did a step of a goal's ladder: for the step cards of the goal page. */
export const StepRoleModel = z.object({
  stepId: z.string(),
  roleModelId: z.string(),
  roleModelStepId: z.string(),
  name: z.string(),
  similarity: z.number().int(),
  what: z.string(),
  timing: z.string(),
});
export type StepRoleModel = z.infer<typeof StepRoleModel>;
