import { z } from "zod";
import { Debrief, Outcome } from "../attempts/schema";
import { Audit } from "../audits/schema";
import { Evidence } from "../evidence/schema";
import { Goal } from "../goals/schema";
import { LadderView } from "../ladders/schema";
import { Reflection } from "../reflections/schema";
import { Id, requiredText, wholeNumber } from "../shared";
import { SHARING_ROLES } from "./rules";

export const SharingRole = z.enum(SHARING_ROLES, { error: "must be supporter or coach" });
export type SharingRole = z.infer<typeof SharingRole>;

export const InvitationInput = z.object({
  goalId: Id.describe("The goal to share when the link is accepted"),
  role: SharingRole,
  label: requiredText(80).describe('Who it is for, in your words ("Maya, my mentor")'),
});
export type InvitationInput = z.infer<typeof InvitationInput>;

export const InvitationStatus = z.enum(["pending", "accepted", "revoked", "expired"]);

export const Invitation = z.object({
  id: z.string(),
  goalId: z.string(),
  role: SharingRole,
  label: z.string(),
  status: InvitationStatus,
  createdAt: z.string(),
  expiresAt: z.string(),
  acceptedAt: z.string().nullable(),
  acceptedBy: z
    .string()
    .nullable()
    .describe("The email of who accepted; null while pending or if that account was deleted"),
});
export type Invitation = z.infer<typeof Invitation>;

export const InvitationCreated = z.object({
  invitation: Invitation,
  token: z.string().describe("Shown once: the link is /invite/{token}; only its hash is stored"),
});

export const InvitationQuery = z.object({ goalId: Id.optional() });

export const AcceptInvitationInput = z.object({
  token: requiredText(200).describe("The token from the invitation link"),
});

export const Sections = z.object({
  debriefs: z.boolean(),
  evidence: z.boolean(),
  audits: z.boolean(),
  reflections: z.boolean(),
});
export type Sections = z.infer<typeof Sections>;

export const Grant = z.object({
  id: z.string(),
  goalId: z.string(),
  role: SharingRole,
  label: z.string(),
  supporterEmail: z.string(),
  credibility: z
    .number()
    .int()
    .nullable()
    .describe("How much the person trusts their judgement on this goal, 0–100"),
  sections: Sections.describe("Beyond the goal, ladder, outcomes and next step (always shared)"),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
export type Grant = z.infer<typeof Grant>;

export const GrantUpdate = z
  .object({
    credibility: wholeNumber(0, 100).nullable().optional(),
    debriefs: z.boolean({ error: "must be true or false" }).optional(),
    evidence: z.boolean({ error: "must be true or false" }).optional(),
    audits: z.boolean({ error: "must be true or false" }).optional(),
    reflections: z.boolean({ error: "must be true or false" }).optional(),
  })
  .strict()
  .refine((v) => Object.values(v).some((x) => x !== undefined), {
    error: "change at least one field",
  })
  .meta({ minProperties: 1 });
export type GrantUpdate = z.infer<typeof GrantUpdate>;

export const SharedGoalSummary = z.object({
  goalId: z.string(),
  statement: z.string(),
  goalStatus: z.string(),
  role: SharingRole.describe("What I am to this person"),
  ownerEmail: z.string(),
  sharedAt: z.string(),
});
export type SharedGoalSummary = z.infer<typeof SharedGoalSummary>;

/** An attempt as a supporter sees it: what happened and when, nothing the person wrote. */
export const SharedOutcome = z.object({
  id: z.string(),
  stepId: z.string(),
  attemptedAt: z.string(),
  outcome: Outcome,
});
export type SharedOutcome = z.infer<typeof SharedOutcome>;

/**
 * A goal as a supporter (or the owner's "See what they see") reads it. Sections not granted are
 * null, never empty arrays, so a client cannot mistake "not shared" for "nothing yet".
 */
export const SharedGoalView = z.object({
  viewer: z.enum(["owner", ...SHARING_ROLES]),
  ownerEmail: z.string(),
  sections: Sections,
  goal: Goal,
  ladder: LadderView,
  outcomes: z.array(SharedOutcome),
  debriefs: z.array(Debrief).nullable(),
  evidence: z.array(Evidence).nullable(),
  audits: z
    .object({
      domains: z.array(z.object({ id: z.string(), name: z.string() })),
      audits: z.array(Audit),
    })
    .nullable(),
  reflections: z.array(Reflection).nullable(),
});
export type SharedGoalView = z.infer<typeof SharedGoalView>;
