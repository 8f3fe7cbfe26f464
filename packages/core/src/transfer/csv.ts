import {
  EXPORT_TABLES,
  ExportedAccount,
  ExportedAttempt,
  ExportedAttemptStart,
  ExportedAudit,
  ExportedAuditRating,
  ExportedDebrief,
  ExportedDomain,
  ExportedEvidence,
  ExportedGoal,
  ExportedMilestone,
  ExportedPracticeEntry,
  ExportedPracticeRestDay,
  ExportedPracticeTarget,
  ExportedReflection,
  ExportedRoleModel,
  ExportedRoleModelStep,
  ExportedRoutine,
  ExportedRoutineRun,
  ExportedStep,
  ExportedStepRating,
  type ExportFile,
  type ExportTable,
} from "./schema";

// Column names come from the row schemas, so a table with no rows still has its header.
const COLUMNS: Record<"account" | ExportTable, readonly string[]> = {
  account: Object.keys(ExportedAccount.shape),
  domains: Object.keys(ExportedDomain.shape),
  audits: Object.keys(ExportedAudit.shape),
  auditRatings: Object.keys(ExportedAuditRating.shape),
  goals: Object.keys(ExportedGoal.shape),
  steps: Object.keys(ExportedStep.shape),
  stepRatings: Object.keys(ExportedStepRating.shape),
  attempts: Object.keys(ExportedAttempt.shape),
  debriefs: Object.keys(ExportedDebrief.shape),
  evidence: Object.keys(ExportedEvidence.shape),
  milestones: Object.keys(ExportedMilestone.shape),
  practiceEntries: Object.keys(ExportedPracticeEntry.shape),
  practiceRestDays: Object.keys(ExportedPracticeRestDay.shape),
  practiceTargets: Object.keys(ExportedPracticeTarget.shape),
  reflections: Object.keys(ExportedReflection.shape),
  routines: Object.keys(ExportedRoutine.shape),
  routineRuns: Object.keys(ExportedRoutineRun.shape),
  attemptStarts: Object.keys(ExportedAttemptStart.shape),
  roleModels: Object.keys(ExportedRoleModel.shape),
  roleModelSteps: Object.keys(ExportedRoleModelStep.shape),
};

/** One cell: empty for null, JSON for arrays and objects, quoted when it holds , " or a newline. */
function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "object" ? JSON.stringify(value) : String(value);
  // A leading = + - @ would be run as a formula by spreadsheets: prefix it (OWASP CSV injection).
  const safe = /^[=+\-@\t\r]/.test(text) && Number.isNaN(Number(text)) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function toCsv(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  const lines = [columns.join(",")];
  for (const row of rows) lines.push(columns.map((c) => cell(row[c])).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

/**
 * The export as spreadsheets: one CSV per table (RFC 4180, CRLF, a header row even when empty),
 * named `<table>.csv`. Ids are kept so rows can be joined across files.
 */
export function exportToCsvFiles(file: ExportFile): Record<string, string> {
  const files: Record<string, string> = {
    "account.csv": toCsv(COLUMNS.account, [file.account]),
  };
  for (const table of EXPORT_TABLES) {
    files[`${table}.csv`] = toCsv(COLUMNS[table], file[table] as Record<string, unknown>[]);
  }
  return files;
}
