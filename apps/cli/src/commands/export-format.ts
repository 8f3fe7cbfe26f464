import { DomainName, Rating } from "@cando/core";
import { z } from "zod";

/**
 * The `cando export` file, version 1: one person's domains and audits with their ratings.
 * Ids are the exporting database's; ratings point at domains by those ids. No password hash,
 * no sessions. Bump the version for any change an older `cando import` would misread.
 */
export const EXPORT_FORMAT = "cando-export";
export const EXPORT_VERSION = 1;

const Instant = z.iso.datetime({ error: "must be an ISO-8601 UTC instant" });

export const ExportedDomain = z.object({
  id: z.string().min(1).max(64),
  key: z.string().min(1).max(64).nullable(),
  name: DomainName,
  position: z.number().int(),
  archivedAt: Instant.nullable(),
  createdAt: Instant,
});
export type ExportedDomain = z.infer<typeof ExportedDomain>;

export const ExportedAudit = z.object({
  id: z.string().min(1).max(64),
  takenAt: Instant,
  note: z.string().max(2000).nullable(),
  ratings: z
    .array(z.object({ domainId: z.string().min(1).max(64), rating: Rating }))
    .min(1, { error: "must rate at least one domain" }),
});
export type ExportedAudit = z.infer<typeof ExportedAudit>;

export const ExportFile = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(EXPORT_VERSION),
    exportedAt: Instant,
    user: z.object({ email: z.string() }),
    domains: z.array(ExportedDomain),
    audits: z.array(ExportedAudit),
  })
  .superRefine((file, ctx) => {
    const ids = new Set<string>();
    const keys = new Set<string>();
    file.domains.forEach((d, i) => {
      if (ids.has(d.id))
        ctx.addIssue({ code: "custom", path: ["domains", i, "id"], message: "is used twice" });
      if (d.key !== null && keys.has(d.key))
        ctx.addIssue({ code: "custom", path: ["domains", i, "key"], message: "is used twice" });
      ids.add(d.id);
      if (d.key !== null) keys.add(d.key);
    });
    file.audits.forEach((a, i) => {
      const rated = new Set<string>();
      a.ratings.forEach((r, j) => {
        const path = ["audits", i, "ratings", j, "domainId"];
        if (!ids.has(r.domainId))
          ctx.addIssue({ code: "custom", path, message: "is not a domain in this file" });
        else if (rated.has(r.domainId))
          ctx.addIssue({ code: "custom", path, message: "is rated twice" });
        rated.add(r.domainId);
      });
    });
  });
export type ExportFile = z.infer<typeof ExportFile>;

/** Parses an export file, with messages that name the version or each bad field. */
export function parseExportFile(text: string): ExportFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`it is not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const head = json as { format?: unknown; version?: unknown } | null;
  if (typeof head !== "object" || head === null || head.format !== EXPORT_FORMAT) {
    throw new Error(`it is not a Cando export (no "format": "${EXPORT_FORMAT}")`);
  }
  if (head.version !== EXPORT_VERSION) {
    throw new Error(
      `it is format version ${String(head.version)}; this Cando reads version ${EXPORT_VERSION}`,
    );
  }
  const parsed = ExportFile.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 10)
      .map((issue) => `  ${issue.path.join(".") || "(file)"}: ${issue.message}`);
    const more =
      parsed.error.issues.length > 10 ? `\n  … and ${parsed.error.issues.length - 10} more` : "";
    throw new Error(`some fields are not valid:\n${problems.join("\n")}${more}`);
  }
  return parsed.data;
}
