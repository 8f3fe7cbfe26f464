import { z } from "zod";
import { Outcome } from "../attempts/schema";
import { EVIDENCE_SOURCES } from "../evidence/schema";
import { GOAL_STATUSES } from "../goals/schema";
import { MILESTONE_KINDS } from "../milestones/schema";
import {
  LOCAL_TIME_PATTERN,
  PRACTICE_MAX_MINUTES,
  PRACTICE_MAX_WEEKLY_TARGET,
} from "../practice/rules";
import { ROUTINE_BLOCK_KINDS, ROUTINE_MAX_BLOCKS } from "../prepare/rules";
import { RoutineBlock } from "../prepare/schema";

/**
 * The export file: everything one person owns, one array per table, rows pointing at each other
 * by the exporting database's ids. No password hash, no sessions, no reset links. The ladder
 * models are left out on purpose: an import replays them from the steps and attempts. Bump
 * EXPORT_VERSION for any change an older Cando would misread (version 1 held domains and audits).
 */
export const EXPORT_FORMAT = "cando-export";
export const EXPORT_VERSION = 2;

const Instant = z.iso.datetime({ offset: true, error: "must be an ISO-8601 date and time" });
const Day = z.iso.date({ error: "must be a date as YYYY-MM-DD" });
const Ref = z.string({ error: "must be an id" }).min(1, { error: "is required" }).max(64);
const Text = (max: number) =>
  z.string({ error: "must be text" }).max(max, { error: `must be at most ${max} characters` });
const Int = (min: number, max: number) =>
  z
    .number({ error: `must be a number from ${min} to ${max}` })
    .int({ error: "must be a whole number" })
    .min(min, { error: `must be at least ${min}` })
    .max(max, { error: `must be at most ${max}` });
const Rating = Int(0, 100);

export const ExportedAccount = z.object({
  email: z.string(),
  createdAt: Instant,
  timeZone: z.string().max(64).nullable(),
  weekStartsOn: Int(0, 6).nullable(),
  /** ISO weekday of the weekly reflection (1 Monday … 7 Sunday); null = the default. */
  reflectionWeekday: Int(1, 7).nullable().default(null),
  /** Local "HH:MM" of the daily practice block and of the weekly reflection; null = the default. */
  practiceTime: z.string().regex(LOCAL_TIME_PATTERN).nullable().default(null),
  reflectionTime: z.string().regex(LOCAL_TIME_PATTERN).nullable().default(null),
});

export const ExportedDomain = z.object({
  id: Ref,
  key: z.string().min(1).max(64).nullable(),
  name: Text(60).min(1, { error: "is required" }),
  position: z.number().int(),
  archivedAt: Instant.nullable(),
  createdAt: Instant,
});
export type ExportedDomain = z.infer<typeof ExportedDomain>;

export const ExportedAudit = z.object({
  id: Ref,
  takenAt: Instant,
  note: Text(2000).nullable(),
});
export type ExportedAudit = z.infer<typeof ExportedAudit>;

export const ExportedAuditRating = z.object({
  auditId: Ref,
  domainId: Ref,
  rating: Rating.multipleOf(10, { error: "must be a multiple of 10" }),
});
export type ExportedAuditRating = z.infer<typeof ExportedAuditRating>;

export const ExportedGoal = z.object({
  id: Ref,
  domainId: Ref,
  statement: Text(500),
  outcome: Text(2000),
  context: Text(2000),
  targetDate: Day.nullable(),
  status: z.enum(GOAL_STATUSES, { error: `must be one of ${GOAL_STATUSES.join(", ")}` }),
  createdAt: Instant,
  updatedAt: Instant,
  reachedAt: Instant.nullable(),
});
export type ExportedGoal = z.infer<typeof ExportedGoal>;

export const ExportedStep = z.object({
  id: Ref,
  goalId: Ref,
  title: Text(500),
  description: Text(4000),
  position: z.number().int(),
  confidence: Rating.nullable(),
  plannedDate: Day.nullable(),
  archivedAt: Instant.nullable(),
  createdAt: Instant,
  /** The person's own say on mastery (kept in the ladder model, so exported as a fact). */
  masteredOverride: z.enum(["mastered", "unmastered"]).nullable(),
});
export type ExportedStep = z.infer<typeof ExportedStep>;

export const ExportedStepRating = z.object({
  id: Ref,
  stepId: Ref,
  confidence: Rating,
  ratedAt: Instant,
});
export type ExportedStepRating = z.infer<typeof ExportedStepRating>;

export const ExportedAttempt = z.object({
  id: Ref,
  goalId: Ref,
  stepId: Ref,
  idempotencyKey: z.string().max(100).nullable(),
  attemptedAt: Instant,
  confidenceBefore: Rating.nullable(),
  anxietyBefore: Int(0, 10).nullable(),
  outcome: Outcome,
  effort: Int(1, 5),
  difficulty: Int(1, 5),
  anxietyAfter: Int(0, 10).nullable(),
  minutes: Int(0, 1440).nullable(),
  note: Text(2000),
  /** What the ladder model predicted when the attempt was logged: history, kept as it was. */
  predictedSuccess: z.number().min(0).max(1).nullable(),
  createdAt: Instant,
  /** When confidence was rated (came later in version 2; null = unknown). */
  confidenceRated: z.enum(["before", "after"]).nullable().default(null),
  energyBefore: Int(0, 10).nullable().default(null),
  sleepHours: z.number().min(0).max(24).nullable().default(null),
});
export type ExportedAttempt = z.infer<typeof ExportedAttempt>;

export const ExportedDebrief = z.object({
  attemptId: Ref,
  didWell: Text(2000),
  capability: Text(2000),
  differently: Text(2000),
  effort: Int(0, 4),
  strategy: Int(0, 4),
  ability: Int(0, 4),
  luck: Int(0, 4),
  help: Int(0, 4),
  easy: Int(0, 4),
  reattribution: Text(2000),
  dismissedFlags: z.array(z.enum(["discounted_success", "fixed_ability_setback"])).max(2),
  createdAt: Instant,
  updatedAt: Instant,
});
export type ExportedDebrief = z.infer<typeof ExportedDebrief>;

export const ExportedEvidence = z.object({
  id: Ref,
  source: z.enum(EVIDENCE_SOURCES),
  attemptId: Ref.nullable(),
  domainId: Ref,
  goalId: Ref.nullable(),
  stepId: Ref.nullable(),
  title: Text(500),
  body: Text(10_000),
  occurredOn: Day,
  ownership: Int(0, 100),
  effort: Int(1, 5).nullable(),
  /** The imposter re-attribution exercise as the app stored it, or null. */
  reattribution: z.record(z.string(), z.unknown()).nullable(),
  /** The week (its last day) of the reflection it was kept from (source "reflection"), or null. */
  reflectionWeekEnd: Day.nullable().default(null),
  createdAt: Instant,
  updatedAt: Instant,
});
export type ExportedEvidence = z.infer<typeof ExportedEvidence>;

export const ExportedMilestone = z.object({
  id: Ref,
  kind: z.enum(MILESTONE_KINDS),
  goalId: Ref,
  stepId: Ref.nullable(),
  title: Text(500),
  evidenceIds: z.array(Ref),
  achievedAt: Instant,
  seenAt: Instant.nullable(),
  /** When what earned it was later removed (it stays in history, saying so). */
  basisRemovedAt: Instant.nullable().default(null),
});
export type ExportedMilestone = z.infer<typeof ExportedMilestone>;

export const ExportedPracticeEntry = z.object({
  id: Ref,
  goalId: Ref,
  day: Day,
  minutes: Int(1, PRACTICE_MAX_MINUTES),
  what: Text(200),
  note: Text(2000),
  createdAt: Instant,
});
export type ExportedPracticeEntry = z.infer<typeof ExportedPracticeEntry>;

export const ExportedPracticeRestDay = z.object({
  goalId: Ref,
  day: Day,
  createdAt: Instant,
});
export type ExportedPracticeRestDay = z.infer<typeof ExportedPracticeRestDay>;

export const ExportedPracticeTarget = z.object({
  goalId: Ref,
  weeklyMinutes: Int(1, PRACTICE_MAX_WEEKLY_TARGET),
  updatedAt: Instant,
});
export type ExportedPracticeTarget = z.infer<typeof ExportedPracticeTarget>;

export const ExportedReflection = z.object({
  id: Ref,
  /** The last day of the week reflected on. */
  weekEnd: Day,
  accomplished: Text(2000),
  overcame: Text(2000),
  learned: Text(2000),
  nextWeek: Text(2000),
  createdAt: Instant,
  updatedAt: Instant,
});
export type ExportedReflection = z.infer<typeof ExportedReflection>;

export const ExportedRoutine = z.object({
  id: Ref,
  /** null: the default routine. */
  goalId: Ref.nullable(),
  name: Text(100),
  blocks: z.array(RoutineBlock).max(ROUTINE_MAX_BLOCKS),
  createdAt: Instant,
  updatedAt: Instant,
});
export type ExportedRoutine = z.infer<typeof ExportedRoutine>;

export const ExportedRoutineRun = z.object({
  id: Ref,
  routineId: Ref.nullable(),
  goalId: Ref.nullable(),
  stepId: Ref.nullable(),
  attemptId: Ref.nullable(),
  startedAt: Instant,
  finishedAt: Instant,
  durationSeconds: Int(0, 4 * 3600),
  blocks: z
    .array(z.object({ kind: z.enum(ROUTINE_BLOCK_KINDS), done: z.boolean() }))
    .max(ROUTINE_MAX_BLOCKS),
  anxiety: Int(0, 10).nullable(),
  energy: Int(0, 10).nullable(),
  sleepHours: z.number().min(0).max(24).nullable(),
});
export type ExportedRoutineRun = z.infer<typeof ExportedRoutineRun>;

export const ExportedAttemptStart = z.object({
  id: Ref,
  goalId: Ref,
  stepId: Ref,
  confidenceBefore: Rating.nullable(),
  anxietyBefore: Int(0, 10).nullable(),
  energyBefore: Int(0, 10).nullable(),
  sleepHours: z.number().min(0).max(24).nullable(),
  routineRunId: Ref.nullable(),
  predictedSuccess: z.number().min(0).max(1).nullable(),
  startedAt: Instant,
});
export type ExportedAttemptStart = z.infer<typeof ExportedAttemptStart>;
export const ExportedRoleModel = z.object({
  id: Ref,
  name: Text(100),
  relation: Text(200),
  similarity: Int(0, 100),
  ahead: Text(200),
  knownFrom: Text(200),
  createdAt: Instant,
  updatedAt: Instant,
});
export type ExportedRoleModel = z.infer<typeof ExportedRoleModel>;

export const ExportedRoleModelStep = z.object({
  id: Ref,
  roleModelId: Ref,
  what: Text(500),
  timing: Text(200),
  /** The step of the person's own ladder it is linked to, or null. */
  stepId: Ref.nullable(),
  createdAt: Instant,
  updatedAt: Instant,
});
export type ExportedRoleModelStep = z.infer<typeof ExportedRoleModelStep>;

/** The tables of an export file, in the order they are written and imported (parents first). */
export const EXPORT_TABLES = [
  "domains",
  "audits",
  "auditRatings",
  "goals",
  "steps",
  "stepRatings",
  "attempts",
  "debriefs",
  "evidence",
  "milestones",
  "practiceEntries",
  "practiceRestDays",
  "practiceTargets",
  "reflections",
  "routines",
  "routineRuns",
  "attemptStarts",
  "roleModels",
  "roleModelSteps",
] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

const ExportShape = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: Instant,
  account: ExportedAccount,
  domains: z.array(ExportedDomain),
  audits: z.array(ExportedAudit),
  auditRatings: z.array(ExportedAuditRating),
  goals: z.array(ExportedGoal),
  steps: z.array(ExportedStep),
  stepRatings: z.array(ExportedStepRating),
  attempts: z.array(ExportedAttempt),
  debriefs: z.array(ExportedDebrief),
  evidence: z.array(ExportedEvidence),
  milestones: z.array(ExportedMilestone),
  // The rhythm's tables came later in version 2: a file without them has none.
  practiceEntries: z.array(ExportedPracticeEntry).default([]),
  practiceRestDays: z.array(ExportedPracticeRestDay).default([]),
  practiceTargets: z.array(ExportedPracticeTarget).default([]),
  reflections: z.array(ExportedReflection).default([]),
  // Prepare's tables came later still: a file without them has none.
  routines: z.array(ExportedRoutine).default([]),
  routineRuns: z.array(ExportedRoutineRun).default([]),
  attemptStarts: z.array(ExportedAttemptStart).default([]),
  // Role models came later still: a file without them has none.
  roleModels: z.array(ExportedRoleModel).default([]),
  roleModelSteps: z.array(ExportedRoleModelStep).default([]),
});

type Issue = { path: (string | number)[]; message: string };

/** References inside the file: every id a row points at is a row of the file, of the right kind. */
function checkReferences(file: z.infer<typeof ExportShape>): Issue[] {
  const issues: Issue[] = [];
  const idsOf = (table: ExportTable, rows: readonly { id: string }[]) => {
    const ids = new Set<string>();
    rows.forEach((row, i) => {
      if (ids.has(row.id)) issues.push({ path: [table, i, "id"], message: "is used twice" });
      ids.add(row.id);
    });
    return ids;
  };
  const domains = idsOf("domains", file.domains);
  const audits = idsOf("audits", file.audits);
  const goals = idsOf("goals", file.goals);
  const steps = idsOf("steps", file.steps);
  const attempts = idsOf("attempts", file.attempts);
  const evidence = idsOf("evidence", file.evidence);
  idsOf("stepRatings", file.stepRatings);
  idsOf("milestones", file.milestones);
  idsOf("practiceEntries", file.practiceEntries);
  const weeks = new Set<string>();
  file.reflections.forEach((r, i) => {
    if (weeks.has(r.weekEnd))
      issues.push({ path: ["reflections", i, "weekEnd"], message: "is reflected on twice" });
    weeks.add(r.weekEnd);
  });
  idsOf("reflections", file.reflections);
  const stepGoal = new Map(file.steps.map((s) => [s.id, s.goalId]));
  const must = (ok: boolean, path: Issue["path"], what: string) => {
    if (!ok) issues.push({ path, message: `is not ${what} in this file` });
  };

  const rated = new Set<string>();
  file.auditRatings.forEach((r, i) => {
    must(audits.has(r.auditId), ["auditRatings", i, "auditId"], "an audit");
    must(domains.has(r.domainId), ["auditRatings", i, "domainId"], "a domain");
    const pair = `${r.auditId} ${r.domainId}`;
    if (rated.has(pair))
      issues.push({ path: ["auditRatings", i, "domainId"], message: "is rated twice" });
    rated.add(pair);
  });
  const keys = new Set<string>();
  file.domains.forEach((d, i) => {
    if (d.key !== null && keys.has(d.key))
      issues.push({ path: ["domains", i, "key"], message: "is used twice" });
    if (d.key !== null) keys.add(d.key);
  });
  file.goals.forEach((g, i) => {
    must(domains.has(g.domainId), ["goals", i, "domainId"], "a domain");
  });
  file.steps.forEach((s, i) => {
    must(goals.has(s.goalId), ["steps", i, "goalId"], "a goal");
  });
  file.stepRatings.forEach((r, i) => {
    must(steps.has(r.stepId), ["stepRatings", i, "stepId"], "a step");
  });
  file.attempts.forEach((a, i) => {
    must(goals.has(a.goalId), ["attempts", i, "goalId"], "a goal");
    must(stepGoal.get(a.stepId) === a.goalId, ["attempts", i, "stepId"], "a step of that goal");
  });
  const debriefed = new Set<string>();
  file.debriefs.forEach((d, i) => {
    must(attempts.has(d.attemptId), ["debriefs", i, "attemptId"], "an attempt");
    if (debriefed.has(d.attemptId))
      issues.push({ path: ["debriefs", i, "attemptId"], message: "has two debriefs" });
    debriefed.add(d.attemptId);
  });
  const evidenced = new Set<string>();
  file.evidence.forEach((e, i) => {
    must(domains.has(e.domainId), ["evidence", i, "domainId"], "a domain");
    if (e.goalId !== null) must(goals.has(e.goalId), ["evidence", i, "goalId"], "a goal");
    if (e.stepId !== null) must(steps.has(e.stepId), ["evidence", i, "stepId"], "a step");
    if (e.attemptId !== null) {
      must(attempts.has(e.attemptId), ["evidence", i, "attemptId"], "an attempt");
      if (evidenced.has(e.attemptId))
        issues.push({ path: ["evidence", i, "attemptId"], message: "has two evidence entries" });
      evidenced.add(e.attemptId);
    }
  });
  file.milestones.forEach((m, i) => {
    must(goals.has(m.goalId), ["milestones", i, "goalId"], "a goal");
    if (m.stepId !== null) must(steps.has(m.stepId), ["milestones", i, "stepId"], "a step");
    m.evidenceIds.forEach((id, j) => {
      must(evidence.has(id), ["milestones", i, "evidenceIds", j], "evidence");
    });
  });
  file.practiceEntries.forEach((p, i) => {
    must(goals.has(p.goalId), ["practiceEntries", i, "goalId"], "a goal");
  });
  const rested = new Set<string>();
  file.practiceRestDays.forEach((r, i) => {
    must(goals.has(r.goalId), ["practiceRestDays", i, "goalId"], "a goal");
    if (rested.has(`${r.goalId} ${r.day}`))
      issues.push({ path: ["practiceRestDays", i, "day"], message: "is a rest day twice" });
    rested.add(`${r.goalId} ${r.day}`);
  });
  const targeted = new Set<string>();
  file.practiceTargets.forEach((t, i) => {
    must(goals.has(t.goalId), ["practiceTargets", i, "goalId"], "a goal");
    if (targeted.has(t.goalId))
      issues.push({ path: ["practiceTargets", i, "goalId"], message: "has two targets" });
    targeted.add(t.goalId);
  });
  const routines = idsOf("routines", file.routines);
  const runs = idsOf("routineRuns", file.routineRuns);
  idsOf("attemptStarts", file.attemptStarts);
  const routineFor = new Set<string>();
  file.routines.forEach((r, i) => {
    if (r.goalId !== null) must(goals.has(r.goalId), ["routines", i, "goalId"], "a goal");
    if (routineFor.has(r.goalId ?? ""))
      issues.push({ path: ["routines", i, "goalId"], message: "has two routines" });
    routineFor.add(r.goalId ?? "");
  });
  file.routineRuns.forEach((r, i) => {
    if (r.routineId !== null)
      must(routines.has(r.routineId), ["routineRuns", i, "routineId"], "a routine");
    if (r.goalId !== null) must(goals.has(r.goalId), ["routineRuns", i, "goalId"], "a goal");
    if (r.stepId !== null) must(steps.has(r.stepId), ["routineRuns", i, "stepId"], "a step");
    if (r.attemptId !== null)
      must(attempts.has(r.attemptId), ["routineRuns", i, "attemptId"], "an attempt");
  });
  file.attemptStarts.forEach((a, i) => {
    must(goals.has(a.goalId), ["attemptStarts", i, "goalId"], "a goal");
    must(
      stepGoal.get(a.stepId) === a.goalId,
      ["attemptStarts", i, "stepId"],
      "a step of that goal",
    );
    if (a.routineRunId !== null)
      must(runs.has(a.routineRunId), ["attemptStarts", i, "routineRunId"], "a routine run");
  });
  const roleModels = idsOf("roleModels", file.roleModels);
  idsOf("roleModelSteps", file.roleModelSteps);
  file.roleModelSteps.forEach((r, i) => {
    must(roleModels.has(r.roleModelId), ["roleModelSteps", i, "roleModelId"], "a role model");
    if (r.stepId !== null) must(steps.has(r.stepId), ["roleModelSteps", i, "stepId"], "a step");
  });
  return issues;
}

export const ExportFile = ExportShape.superRefine((file, ctx) => {
  for (const issue of checkReferences(file)) ctx.addIssue({ code: "custom", ...issue });
});
export type ExportFile = z.infer<typeof ExportFile>;

/** The JSON Schema of the export file (published at /api/account/export/schema.json). */
export function exportJsonSchema(): Record<string, unknown> {
  return {
    $id: "https://cando.invalid/schemas/cando-export-2.json",
    title: `Cando export, version ${EXPORT_VERSION}`,
    ...z.toJSONSchema(ExportShape, { target: "draft-2020-12" }),
  };
}
