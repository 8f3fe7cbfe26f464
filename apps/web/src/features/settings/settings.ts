import type { FieldProblem, ImportResult } from "@cando/core";

/** Sunday first, as `weekStartsOn` counts (0 = Sunday … 6 = Saturday). */
export const WEEKDAYS = [
  "Sunday",
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
] as const;

const TABLE_WORDS: Record<keyof ImportResult["added"], [string, string]> = {
  domains: ["domain", "domains"],
  audits: ["audit", "audits"],
  auditRatings: ["audit rating", "audit ratings"],
  goals: ["goal", "goals"],
  steps: ["step", "steps"],
  stepRatings: ["step re-rating", "step re-ratings"],
  attempts: ["attempt", "attempts"],
  debriefs: ["debrief", "debriefs"],
  evidence: ["piece of evidence", "pieces of evidence"],
  milestones: ["milestone", "milestones"],
  practiceEntries: ["practice entry", "practice entries"],
  practiceRestDays: ["planned rest day", "planned rest days"],
  practiceTargets: ["weekly practice target", "weekly practice targets"],
  reflections: ["weekly reflection", "weekly reflections"],
  routines: ["routine", "routines"],
  routineRuns: ["routine run", "routine runs"],
  attemptStarts: ["attempt in progress", "attempts in progress"],
  roleModels: ["role model", "role models"],
  roleModelSteps: ["step of a role model", "steps of role models"],
};

/** "Added 1 goal, 3 steps and 2 attempts; 5 things were already here." */
export function importSummary(result: ImportResult): string {
  const parts = (Object.keys(TABLE_WORDS) as (keyof ImportResult["added"])[])
    .filter((t) => result.added[t] > 0)
    .map((t) => {
      const n = result.added[t];
      const [one, many] = TABLE_WORDS[t];
      return `${n} ${n === 1 ? one : many}`;
    });
  const present = Object.values(result.present).reduce((a, b) => a + b, 0);
  const added =
    parts.length === 0
      ? "Nothing new to add"
      : `Added ${parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`}`;
  return present === 0
    ? `${added}.`
    : `${added}; ${present} ${present === 1 ? "thing was" : "things were"} already here.`;
}

/** A file's problem as a person reads it: `goals.3.domainId` becomes "Goal 4, domainId". */
export function describeProblem(problem: FieldProblem): string {
  const [table, index, ...rest] = problem.path.split(".");
  if (table === undefined || index === undefined || !/^\d+$/.test(index)) {
    return `${problem.path === "(file)" ? "The file" : problem.path} ${problem.message}`;
  }
  const words = TABLE_WORDS[table as keyof typeof TABLE_WORDS];
  const name = words ? words[0].replace(/^./, (c) => c.toUpperCase()) : table;
  const field = rest.length > 0 ? `, ${rest.join(".")}` : "";
  return `${name} ${Number(index) + 1}${field}: ${problem.message}`;
}

/** The time zone picker's helpers live with it (ui/time-zone-field.tsx). */
export { browserTimeZone, timeZones } from "../../ui/time-zone-field";
