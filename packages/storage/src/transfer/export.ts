import { EXPORT_FORMAT, EXPORT_VERSION, type ExportFile, StepOverride } from "@cando/core";
import type { Db } from "../db";

const parseJson = <T>(text: string): T => JSON.parse(text) as T;

/**
 * Everything one person owns, as an export file (see @cando/core's ExportFile). Rows are in a
 * stable order that does not depend on ids, so two exports of the same data compare equal.
 * The one read that loads a whole history: it is the point of it.
 */
export async function exportAccount(db: Db, userId: string, now: Date): Promise<ExportFile> {
  const user = await db
    .selectFrom("users")
    .leftJoin("accountSettings", "accountSettings.userId", "users.id")
    .leftJoin("rhythmSettings", "rhythmSettings.userId", "users.id")
    .select([
      "rhythmSettings.reflectionWeekday",
      "rhythmSettings.practiceTime",
      "rhythmSettings.reflectionTime",
      "users.email",
      "users.createdAt",
      "accountSettings.timeZone",
      "accountSettings.weekStartsOn",
    ])
    .where("users.id", "=", userId)
    .executeTakeFirstOrThrow();

  const domains = await db
    .selectFrom("domains")
    .select(["id", "key", "name", "position", "archivedAt", "createdAt"])
    .where("userId", "=", userId)
    .orderBy("position")
    .orderBy("createdAt")
    .orderBy("id")
    .execute();
  const audits = await db
    .selectFrom("audits")
    .select(["id", "takenAt", "note"])
    .where("userId", "=", userId)
    .orderBy("takenAt")
    .orderBy("id")
    .execute();
  const auditRatings = await db
    .selectFrom("auditRatings")
    .innerJoin("audits", "audits.id", "auditRatings.auditId")
    .innerJoin("domains", "domains.id", "auditRatings.domainId")
    .select(["auditRatings.auditId", "auditRatings.domainId", "auditRatings.rating"])
    .where("audits.userId", "=", userId)
    .orderBy("audits.takenAt")
    .orderBy("domains.position")
    .orderBy("domains.createdAt")
    .execute();
  const goalRows = await db
    .selectFrom("goals")
    .selectAll()
    .where("userId", "=", userId)
    .orderBy("createdAt")
    .orderBy("id")
    .execute();
  const stepRows = await db
    .selectFrom("steps")
    .innerJoin("goals", "goals.id", "steps.goalId")
    .selectAll("steps")
    .where("steps.userId", "=", userId)
    .orderBy("goals.createdAt")
    .orderBy("steps.position")
    .orderBy("steps.createdAt")
    .orderBy("steps.id")
    .execute();
  const stepRatings = await db
    .selectFrom("stepRatings")
    .innerJoin("steps", "steps.id", "stepRatings.stepId")
    .select([
      "stepRatings.id",
      "stepRatings.stepId",
      "stepRatings.confidence",
      "stepRatings.ratedAt",
    ])
    .where("steps.userId", "=", userId)
    .orderBy("stepRatings.ratedAt")
    .orderBy("steps.position")
    .orderBy("stepRatings.id")
    .execute();
  const attempts = await db
    .selectFrom("attempts")
    .select([
      "id",
      "goalId",
      "stepId",
      "idempotencyKey",
      "attemptedAt",
      "confidenceBefore",
      "anxietyBefore",
      "outcome",
      "effort",
      "difficulty",
      "anxietyAfter",
      "minutes",
      "note",
      "predictedSuccess",
      "createdAt",
      "confidenceRated",
      "energyBefore",
      "sleepHours",
    ])
    .where("userId", "=", userId)
    .orderBy("attemptedAt")
    .orderBy("createdAt")
    .orderBy("id")
    .execute();
  const debriefs = await db
    .selectFrom("debriefs")
    .innerJoin("attempts", "attempts.id", "debriefs.attemptId")
    .selectAll("debriefs")
    .where("attempts.userId", "=", userId)
    .orderBy("attempts.attemptedAt")
    .orderBy("attempts.createdAt")
    .orderBy("attempts.id")
    .execute();
  const evidence = await db
    .selectFrom("evidence")
    // The reflection an answer was kept from, by its week: reflections are matched by week.
    .leftJoin("reflections", "reflections.id", "evidence.reflectionId")
    .select([
      "evidence.id",
      "evidence.source",
      "evidence.attemptId",
      "evidence.domainId",
      "evidence.goalId",
      "evidence.stepId",
      "evidence.title",
      "evidence.body",
      "evidence.occurredOn",
      "evidence.ownership",
      "evidence.effort",
      "evidence.reattribution",
      "reflections.weekEnd as reflectionWeekEnd",
      "evidence.createdAt",
      "evidence.updatedAt",
    ])
    .where("evidence.userId", "=", userId)
    .orderBy("evidence.occurredOn")
    .orderBy("evidence.createdAt")
    .orderBy("evidence.id")
    .execute();
  const milestones = await db
    .selectFrom("milestones")
    .select([
      "id",
      "kind",
      "goalId",
      "stepId",
      "title",
      "evidenceIds",
      "achievedAt",
      "seenAt",
      "basisRemovedAt",
    ])
    .where("userId", "=", userId)
    .orderBy("achievedAt")
    .orderBy("kind")
    .orderBy("id")
    .execute();

  const practiceEntries = await db
    .selectFrom("practiceEntries")
    .innerJoin("goals", "goals.id", "practiceEntries.goalId")
    .select([
      "practiceEntries.id",
      "practiceEntries.goalId",
      "practiceEntries.day",
      "practiceEntries.minutes",
      "practiceEntries.what",
      "practiceEntries.note",
      "practiceEntries.createdAt",
    ])
    .where("practiceEntries.userId", "=", userId)
    .orderBy("goals.createdAt")
    .orderBy("practiceEntries.day")
    .orderBy("practiceEntries.createdAt")
    .orderBy("practiceEntries.id")
    .execute();
  const practiceRestDays = await db
    .selectFrom("practiceRestDays")
    .innerJoin("goals", "goals.id", "practiceRestDays.goalId")
    .select(["practiceRestDays.goalId", "practiceRestDays.day", "practiceRestDays.createdAt"])
    .where("practiceRestDays.userId", "=", userId)
    .orderBy("goals.createdAt")
    .orderBy("practiceRestDays.day")
    .execute();
  const practiceTargets = await db
    .selectFrom("practiceTargets")
    .innerJoin("goals", "goals.id", "practiceTargets.goalId")
    .select([
      "practiceTargets.goalId",
      "practiceTargets.weeklyMinutes",
      "practiceTargets.updatedAt",
    ])
    .where("practiceTargets.userId", "=", userId)
    .orderBy("goals.createdAt")
    .orderBy("goals.id")
    .execute();
  const reflections = await db
    .selectFrom("reflections")
    .select([
      "id",
      "weekEnd",
      "accomplished",
      "overcame",
      "learned",
      "nextWeek",
      "createdAt",
      "updatedAt",
    ])
    .where("userId", "=", userId)
    .orderBy("weekEnd")
    .execute();

  const routines = await db
    .selectFrom("routines")
    .leftJoin("goals", "goals.id", "routines.goalId")
    .select([
      "routines.id",
      "routines.goalId",
      "routines.name",
      "routines.blocks",
      "routines.createdAt",
      "routines.updatedAt",
    ])
    .where("routines.userId", "=", userId)
    .orderBy("goals.createdAt")
    .orderBy("routines.createdAt")
    .execute();
  // A run's attempt may have been deleted since (no foreign key, for undo): then it links none.
  const routineRuns = await db
    .selectFrom("routineRuns")
    .leftJoin("attempts", "attempts.id", "routineRuns.attemptId")
    .select([
      "routineRuns.id",
      "routineRuns.routineId",
      "routineRuns.goalId",
      "routineRuns.stepId",
      "attempts.id as attemptId",
      "routineRuns.startedAt",
      "routineRuns.finishedAt",
      "routineRuns.durationSeconds",
      "routineRuns.blocks",
      "routineRuns.anxiety",
      "routineRuns.energy",
      "routineRuns.sleepHours",
    ])
    .where("routineRuns.userId", "=", userId)
    .orderBy("routineRuns.startedAt")
    .orderBy("routineRuns.finishedAt")
    .execute();
  const attemptStarts = await db
    .selectFrom("attemptStarts")
    .select([
      "id",
      "goalId",
      "stepId",
      "confidenceBefore",
      "anxietyBefore",
      "energyBefore",
      "sleepHours",
      "routineRunId",
      "predictedSuccess",
      "startedAt",
    ])
    .where("userId", "=", userId)
    .orderBy("startedAt")
    .orderBy("stepId")
    .execute();
  const num = (x: number | null | undefined) => (x === null || x === undefined ? null : Number(x));
  const roleModels = await db
    .selectFrom("roleModels")
    .select([
      "id",
      "name",
      "relation",
      "similarity",
      "ahead",
      "knownFrom",
      "createdAt",
      "updatedAt",
    ])
    .where("userId", "=", userId)
    .orderBy("createdAt")
    .orderBy("name")
    .execute();
  const roleModelSteps = await db
    .selectFrom("roleModelSteps as r")
    .innerJoin("roleModels as m", "m.id", "r.roleModelId")
    .select([
      "r.id",
      "r.roleModelId",
      "r.what",
      "r.timing",
      "r.stepId",
      "r.createdAt",
      "r.updatedAt",
    ])
    .where("r.userId", "=", userId)
    .orderBy("m.createdAt")
    .orderBy("m.name")
    .orderBy("r.createdAt")
    .orderBy("r.what")
    .execute();

  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    account: {
      email: user.email,
      createdAt: user.createdAt,
      timeZone: user.timeZone ?? null,
      weekStartsOn: user.weekStartsOn ?? null,
      reflectionWeekday: user.reflectionWeekday ?? null,
      practiceTime: user.practiceTime ?? null,
      reflectionTime: user.reflectionTime ?? null,
    },
    domains,
    audits,
    auditRatings,
    goals: goalRows.map(({ userId: _u, model: _m, ...goal }) => ({
      ...goal,
      status: goal.status as ExportFile["goals"][number]["status"],
    })),
    // The counts are derived (triggers), rebuilt on import: not part of the file.
    steps: stepRows.map(
      ({ userId: _u, masteryOverride, attemptCount: _a, successCount: _s, ...step }) => ({
        ...step,
        masteredOverride: StepOverride.safeParse(masteryOverride).data ?? null,
      }),
    ),
    stepRatings,
    attempts: attempts.map((a) => ({
      ...a,
      outcome: a.outcome as ExportFile["attempts"][number]["outcome"],
      predictedSuccess: a.predictedSuccess === null ? null : Number(a.predictedSuccess),
      confidenceRated: (a.confidenceRated ??
        null) as ExportFile["attempts"][number]["confidenceRated"],
      energyBefore: a.energyBefore ?? null,
      sleepHours: num(a.sleepHours),
    })),
    debriefs: debriefs.map((d) => ({
      ...d,
      dismissedFlags: parseJson<ExportFile["debriefs"][number]["dismissedFlags"]>(d.dismissedFlags),
    })),
    evidence: evidence.map(({ reflectionWeekEnd, ...e }) => ({
      ...e,
      reflectionWeekEnd: reflectionWeekEnd ?? null,
      source: e.source as ExportFile["evidence"][number]["source"],
      reattribution:
        e.reattribution === null ? null : parseJson<Record<string, unknown>>(e.reattribution),
    })),
    milestones: milestones.map((m) => ({
      ...m,
      kind: m.kind as ExportFile["milestones"][number]["kind"],
      evidenceIds: parseJson<string[]>(m.evidenceIds),
    })),
    practiceEntries,
    practiceRestDays,
    practiceTargets,
    reflections,
    routines: routines.map((r) => ({
      ...r,
      blocks: parseJson<ExportFile["routines"][number]["blocks"]>(r.blocks),
    })),
    routineRuns: routineRuns.map((r) => ({
      ...r,
      attemptId: r.attemptId ?? null,
      blocks: parseJson<ExportFile["routineRuns"][number]["blocks"]>(r.blocks),
      sleepHours: num(r.sleepHours),
    })),
    attemptStarts: attemptStarts.map((a) => ({
      ...a,
      sleepHours: num(a.sleepHours),
      predictedSuccess: num(a.predictedSuccess),
    })),
    roleModels,
    roleModelSteps,
  };
}
