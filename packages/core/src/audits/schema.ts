import { z } from "zod";
import { RATING_STEP } from "./scale";

export { AUDIT_INTERVAL_DAYS, DEFAULT_DOMAINS, RATING_ANCHORS, RATING_STEP } from "./scale";

export const Rating = z
  .number({ error: "must be a number from 0 to 100" })
  .int({ error: "must be a whole number" })
  .min(0, { error: "must be at least 0" })
  .max(100, { error: "must be at most 100" })
  .multipleOf(RATING_STEP, { error: `must be a multiple of ${RATING_STEP} (0, 10, … 100)` })
  // The OpenAPI generator drops multipleOf checks; state the rule in the document explicitly.
  .meta({ multipleOf: RATING_STEP });

export const DomainName = z
  .string({ error: "is required" })
  .trim()
  .min(1, { error: "is required" })
  .max(60, { error: "must be at most 60 characters" });

export const Domain = z.object({
  id: z.string(),
  key: z
    .string()
    .nullable()
    .describe("career, health, … for the defaults; null for the person's own"),
  name: z.string(),
  position: z.number().int(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Domain = z.infer<typeof Domain>;

export const DomainCreateInput = z.object({ name: DomainName });
export type DomainCreateInput = z.infer<typeof DomainCreateInput>;

export const DomainUpdateInput = z
  .object({
    name: DomainName.optional(),
    archived: z.boolean({ error: "must be true or false" }).optional(),
  })
  .refine((v) => v.name !== undefined || v.archived !== undefined, {
    error: "give a name or archived",
  })
  .meta({ minProperties: 1 });
export type DomainUpdateInput = z.infer<typeof DomainUpdateInput>;

export const DomainList = z.object({ domains: z.array(Domain) });
export const DomainResponse = z.object({ domain: Domain });

export const AuditRatingInput = z.object({
  domainId: z.string({ error: "is required" }).min(1, { error: "is required" }).max(64),
  rating: Rating,
});

export const AuditInput = z.object({
  ratings: z
    .array(AuditRatingInput, { error: "must be a list of ratings" })
    .min(1, { error: "must rate at least one domain" })
    .max(50, { error: "has too many ratings" })
    .superRefine((ratings, ctx) => {
      const seen = new Set<string>();
      ratings.forEach((r, i) => {
        if (seen.has(r.domainId)) {
          ctx.addIssue({ code: "custom", path: [i, "domainId"], message: "is rated twice" });
        }
        seen.add(r.domainId);
      });
    })
    .describe("One rating per active domain, each domain once; every active domain must be rated."),
  note: z.string().trim().max(2000, { error: "must be at most 2000 characters" }).optional(),
});
export type AuditInput = z.infer<typeof AuditInput>;

export const Audit = z.object({
  id: z.string(),
  takenAt: z.string().describe("ISO-8601 UTC instant"),
  note: z.string().nullable(),
  ratings: z.array(z.object({ domainId: z.string(), rating: z.number().int() })),
});
export type Audit = z.infer<typeof Audit>;

export const AuditDue = z.object({
  due: z.boolean(),
  lastTakenAt: z.string().nullable(),
  nextDueAt: z.string().nullable().describe("when the next monthly audit is due; null if due now"),
  reason: z.enum(["none_yet", "over_interval", "recent"]),
});
export type AuditDue = z.infer<typeof AuditDue>;

export const AuditList = z.object({ audits: z.array(Audit), due: AuditDue });
export const AuditResponse = z.object({ audit: Audit });
