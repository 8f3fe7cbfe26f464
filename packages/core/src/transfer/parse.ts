import type { FieldProblem } from "../errors";
import { EXPORT_FORMAT, EXPORT_VERSION, ExportFile } from "./schema";

export type ParsedExport = { ok: true; file: ExportFile } | { ok: false; problems: FieldProblem[] };

const MAX_PROBLEMS = 50;

/**
 * Checks an export file before anything is written: the format, the version (version 1 files,
 * which held only domains and audits, are read as version 2), every field and every reference.
 * Problems name the place (`goals.3.domainId`) and what is wrong.
 */
export function parseExport(json: unknown): ParsedExport {
  const head = json as { format?: unknown; version?: unknown } | null;
  if (typeof head !== "object" || head === null || head.format !== EXPORT_FORMAT) {
    return {
      ok: false,
      problems: [
        { path: "format", message: `is not "${EXPORT_FORMAT}": this is not a Cando export` },
      ],
    };
  }
  const input = head.version === 1 ? fromVersion1(json as Version1) : json;
  if (head.version !== 1 && head.version !== EXPORT_VERSION) {
    return {
      ok: false,
      problems: [
        {
          path: "version",
          message: `is ${String(head.version)}; this Cando reads versions 1 and ${EXPORT_VERSION}`,
        },
      ],
    };
  }
  const parsed = ExportFile.safeParse(input);
  if (parsed.success) return { ok: true, file: parsed.data };
  const problems = parsed.error.issues.slice(0, MAX_PROBLEMS).map((issue) => ({
    path: issue.path.map(String).join(".") || "(file)",
    message: issue.message,
  }));
  const more = parsed.error.issues.length - problems.length;
  if (more > 0) problems.push({ path: "(file)", message: `and ${more} more problems` });
  return { ok: false, problems };
}

/** Parses the text of an export file (JSON); a file that is not JSON is one problem. */
export function parseExportText(text: string): ParsedExport {
  try {
    return parseExport(JSON.parse(text));
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [{ path: "(file)", message: `is not JSON (${why})` }] };
  }
}

type Version1 = {
  exportedAt?: unknown;
  user?: { email?: unknown };
  domains?: unknown;
  audits?: { id?: unknown; takenAt?: unknown; note?: unknown; ratings?: unknown }[];
};

// Version 1 nested the ratings in their audit and had no account block.
function fromVersion1(v1: Version1): unknown {
  const audits = Array.isArray(v1.audits) ? v1.audits : [];
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: v1.exportedAt,
    account: {
      email: v1.user?.email,
      createdAt: v1.exportedAt,
      timeZone: null,
      weekStartsOn: null,
    },
    domains: v1.domains,
    audits: audits.map((a) => ({ id: a.id, takenAt: a.takenAt, note: a.note })),
    auditRatings: audits.flatMap((a) =>
      (Array.isArray(a.ratings)
        ? (a.ratings as { domainId?: unknown; rating?: unknown }[])
        : []
      ).map((r) => ({ auditId: a.id, domainId: r.domainId, rating: r.rating })),
    ),
    goals: [],
    steps: [],
    stepRatings: [],
    attempts: [],
    debriefs: [],
    evidence: [],
    milestones: [],
  };
}
