import {
  EXPORT_TABLES,
  type ExportFile,
  type ExportTable,
  type IdGenerator,
  replayLadderModel,
} from "@cando/core";
import { lockUser } from "../accounts/users";
import type { Db } from "../db";
import { listLadderFacts } from "../goals/ladder-facts";
import type { NewStepRow } from "../goals/steps";
import type { Database } from "../schema";

export type ImportCounts = Record<ExportTable, number>;

export interface ImportReport {
  /** Rows written, per table. */
  added: ImportCounts;
  /** Rows already in the account (matched), per table: importing a file twice adds nothing. */
  present: ImportCounts;
  /** Goals whose ladder model was replayed from their steps and attempts. */
  replayedGoals: number;
}

const zero = (): ImportCounts =>
  Object.fromEntries(EXPORT_TABLES.map((t) => [t, 0])) as ImportCounts;

const CHUNK = 100;

// Chunked: both databases cap the number of bound parameters in one statement.
async function inChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/**
 * Adds an export file's data to a person's account, inside the caller's transaction, and
 * replays the ladder model of every goal it touched (models are never taken from a file).
 *
 * Rows are matched to what the account already holds by what they are, not by id, so
 * importing the same file twice adds nothing: a domain by key, else by name; an audit by when
 * it was taken; a goal by statement and creation time; a step by goal, title and creation
 * time; a rating by step and time; an attempt by step, when it happened and when it was recorded (two
 * attempts may share a time of day); evidence by its attempt, else
 * title and creation time; a milestone by goal, kind and step; a practice entry by goal, day and
 * creation time; a rest day by goal and day; a weekly target by goal; a reflection by its week;
 * a role model by name and creation time, its step by what and creation time
 * (the rhythm's rows are not counted as touching a goal's ladder). Matched rows are kept as they
 * are; new rows get new ids.
 */
export async function importAccount(
  db: Db,
  userId: string,
  file: ExportFile,
  newId: IdGenerator,
  now: Date,
): Promise<ImportReport> {
  await lockUser(db, userId);
  const added = zero();
  const present = zero();
  // `table:file id` -> the id in this account (a file's ids are unique per table only).
  const ids = new Map<string, string>();
  const key = (table: ExportTable, id: string) => `${table}:${id}`;
  const mapped = (table: ExportTable, id: string): string => {
    const to = ids.get(key(table, id));
    if (to === undefined) throw new Error(`${table} ${id} was not imported`);
    return to;
  };
  const mappedOrNull = (table: ExportTable, id: string | null) =>
    id === null ? null : mapped(table, id);

  // Settings: taken from the file only by an account that has never set its own.
  const { timeZone, weekStartsOn } = file.account;
  const hasSettings = await db
    .selectFrom("accountSettings")
    .select("userId")
    .where("userId", "=", userId)
    .executeTakeFirst();
  if (!hasSettings && (timeZone !== null || weekStartsOn !== null)) {
    await db
      .insertInto("accountSettings")
      .values({ userId, timeZone, weekStartsOn, updatedAt: now.toISOString() })
      .execute();
  }

  const { reflectionWeekday, practiceTime, reflectionTime } = file.account;
  const hasRhythm = await db
    .selectFrom("rhythmSettings")
    .select("userId")
    .where("userId", "=", userId)
    .executeTakeFirst();
  if (!hasRhythm && (reflectionWeekday ?? practiceTime ?? reflectionTime) !== null) {
    await db
      .insertInto("rhythmSettings")
      // Sunday is the reflection's default weekday.
      .values({
        userId,
        reflectionWeekday: reflectionWeekday ?? 7,
        practiceTime,
        reflectionTime,
        updatedAt: now.toISOString(),
      })
      .execute();
  }

  // Domains: by key, then by name (ignoring case), else new at the end of the person's list.
  const domains = await db.selectFrom("domains").selectAll().where("userId", "=", userId).execute();
  const usedDomains = new Set<string>();
  for (const d of file.domains) {
    const match = d.key === null ? undefined : domains.find((e) => e.key === d.key);
    if (match && !usedDomains.has(match.id)) {
      ids.set(key("domains", d.id), match.id);
      usedDomains.add(match.id);
    }
  }
  const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
  let position = domains.reduce((max, d) => Math.max(max, d.position + 1), 0);
  const newDomains: Database["domains"][] = [];
  for (const d of file.domains) {
    if (ids.has(key("domains", d.id))) {
      present.domains++;
      continue;
    }
    const match = domains.find((e) => !usedDomains.has(e.id) && sameName(e.name, d.name));
    if (match) {
      ids.set(key("domains", d.id), match.id);
      usedDomains.add(match.id);
      present.domains++;
      continue;
    }
    const id = newId();
    ids.set(key("domains", d.id), id);
    const keyFree = d.key !== null && !domains.some((e) => e.key === d.key);
    // An active name is unique per person (whatever the case): a clash gets " (imported)".
    const clash =
      d.archivedAt === null &&
      [...domains, ...newDomains].some((e) => e.archivedAt === null && sameName(e.name, d.name));
    newDomains.push({
      id,
      userId,
      key: keyFree ? d.key : null,
      name: clash ? `${d.name.slice(0, 48)} (imported)` : d.name,
      position: domains.length === 0 ? d.position : position++,
      archivedAt: d.archivedAt,
      createdAt: d.createdAt,
    });
  }
  await inChunks(newDomains, (rows) => db.insertInto("domains").values(rows).execute());
  added.domains = newDomains.length;

  // Audits and their ratings: an audit taken at the same instant is the same audit.
  const auditsAt = new Map(
    (
      await db.selectFrom("audits").select(["id", "takenAt"]).where("userId", "=", userId).execute()
    ).map((a) => [Date.parse(a.takenAt), a.id]),
  );
  const newAudits = new Set<string>();
  for (const a of file.audits) {
    const existing = auditsAt.get(Date.parse(a.takenAt));
    if (existing !== undefined) {
      ids.set(key("audits", a.id), existing);
      present.audits++;
      continue;
    }
    const id = newId();
    ids.set(key("audits", a.id), id);
    auditsAt.set(Date.parse(a.takenAt), id);
    newAudits.add(a.id);
    await db
      .insertInto("audits")
      .values({ id, userId, takenAt: a.takenAt, note: a.note })
      .execute();
    added.audits++;
  }
  const newRatings = file.auditRatings.filter((r) => newAudits.has(r.auditId));
  await inChunks(
    newRatings.map((r) => ({
      auditId: mapped("audits", r.auditId),
      domainId: mapped("domains", r.domainId),
      rating: r.rating,
    })),
    (rows) => db.insertInto("auditRatings").values(rows).execute(),
  );
  added.auditRatings = newRatings.length;
  present.auditRatings = file.auditRatings.length - newRatings.length;

  // Goals.
  const goals = await db.selectFrom("goals").selectAll().where("userId", "=", userId).execute();
  const goalByFact = new Map(goals.map((g) => [`${Date.parse(g.createdAt)} ${g.statement}`, g]));
  const touched = new Set<string>(); // account ids of goals whose model must be replayed
  const newGoals: Database["goals"][] = [];
  for (const g of file.goals) {
    const existing = goalByFact.get(`${Date.parse(g.createdAt)} ${g.statement}`);
    if (existing) {
      ids.set(key("goals", g.id), existing.id);
      present.goals++;
      continue;
    }
    const id = newId();
    ids.set(key("goals", g.id), id);
    touched.add(id);
    newGoals.push({
      id,
      userId,
      domainId: mapped("domains", g.domainId),
      statement: g.statement,
      outcome: g.outcome,
      context: g.context,
      targetDate: g.targetDate,
      status: g.status,
      model: null,
      createdAt: g.createdAt,
      updatedAt: g.updatedAt,
      reachedAt: g.reachedAt,
    });
  }
  await inChunks(newGoals, (rows) => db.insertInto("goals").values(rows).execute());
  added.goals = newGoals.length;

  // Steps: new steps of a goal the account already had go after its own steps.
  const steps = await db.selectFrom("steps").selectAll().where("userId", "=", userId).execute();
  const stepByFact = new Map(
    steps.map((s) => [`${s.goalId} ${Date.parse(s.createdAt)} ${s.title}`, s.id]),
  );
  const nextPosition = new Map<string, number>();
  for (const s of steps) {
    nextPosition.set(s.goalId, Math.max(nextPosition.get(s.goalId) ?? 0, s.position + 1));
  }
  const newSteps: NewStepRow[] = [];
  for (const s of file.steps) {
    const goalId = mapped("goals", s.goalId);
    const existing = stepByFact.get(`${goalId} ${Date.parse(s.createdAt)} ${s.title}`);
    if (existing !== undefined) {
      ids.set(key("steps", s.id), existing);
      present.steps++;
      continue;
    }
    const id = newId();
    ids.set(key("steps", s.id), id);
    const after = touched.has(goalId) ? undefined : nextPosition.get(goalId);
    if (after !== undefined) nextPosition.set(goalId, after + 1);
    touched.add(goalId);
    newSteps.push({
      id,
      userId,
      goalId,
      title: s.title,
      description: s.description,
      position: after ?? s.position,
      confidence: s.confidence,
      plannedDate: s.plannedDate,
      archivedAt: s.archivedAt,
      createdAt: s.createdAt,
      masteryOverride: s.masteredOverride,
    });
  }
  await inChunks(newSteps, (rows) => db.insertInto("steps").values(rows).execute());
  added.steps = newSteps.length;

  // Confidence re-ratings of steps.
  const ratings = await db
    .selectFrom("stepRatings")
    .innerJoin("steps", "steps.id", "stepRatings.stepId")
    .select(["stepRatings.stepId", "stepRatings.ratedAt"])
    .where("steps.userId", "=", userId)
    .execute();
  const rated = new Set(ratings.map((r) => `${r.stepId} ${Date.parse(r.ratedAt)}`));
  const newStepRatings: Database["stepRatings"][] = [];
  for (const r of file.stepRatings) {
    const stepId = mapped("steps", r.stepId);
    const fact = `${stepId} ${Date.parse(r.ratedAt)}`;
    if (rated.has(fact)) {
      present.stepRatings++;
      continue;
    }
    rated.add(fact);
    newStepRatings.push({ id: newId(), stepId, confidence: r.confidence, ratedAt: r.ratedAt });
  }
  await inChunks(newStepRatings, (rows) => db.insertInto("stepRatings").values(rows).execute());
  added.stepRatings = newStepRatings.length;

  // Attempts.
  const attempts = await db
    .selectFrom("attempts")
    .select(["id", "stepId", "attemptedAt", "createdAt", "idempotencyKey"])
    .where("userId", "=", userId)
    .execute();
  const attemptFact = (stepId: string, a: { attemptedAt: string; createdAt: string }) =>
    `${stepId} ${Date.parse(a.attemptedAt)} ${Date.parse(a.createdAt)}`;
  const attemptByFact = new Map(attempts.map((a) => [attemptFact(a.stepId, a), a.id]));
  const usedKeys = new Set(attempts.map((a) => a.idempotencyKey).filter((k) => k !== null));
  const newAttempts: Database["attempts"][] = [];
  for (const a of file.attempts) {
    const stepId = mapped("steps", a.stepId);
    const fact = attemptFact(stepId, a);
    const existing = attemptByFact.get(fact);
    if (existing !== undefined) {
      ids.set(key("attempts", a.id), existing);
      present.attempts++;
      continue;
    }
    const id = newId();
    ids.set(key("attempts", a.id), id);
    attemptByFact.set(fact, id);
    const goalId = mapped("goals", a.goalId);
    touched.add(goalId);
    // The key only guards a retried submit; one already used here must not block the import.
    const idempotencyKey =
      a.idempotencyKey !== null && !usedKeys.has(a.idempotencyKey) ? a.idempotencyKey : null;
    if (idempotencyKey !== null) usedKeys.add(idempotencyKey);
    newAttempts.push({
      id,
      userId,
      goalId,
      stepId,
      idempotencyKey,
      attemptedAt: a.attemptedAt,
      confidenceBefore: a.confidenceBefore,
      anxietyBefore: a.anxietyBefore,
      outcome: a.outcome,
      effort: a.effort,
      difficulty: a.difficulty,
      anxietyAfter: a.anxietyAfter,
      minutes: a.minutes,
      note: a.note,
      predictedSuccess: a.predictedSuccess,
      createdAt: a.createdAt,
      confidenceRated: a.confidenceRated,
      energyBefore: a.energyBefore,
      sleepHours: a.sleepHours,
    });
  }
  await inChunks(newAttempts, (rows) => db.insertInto("attempts").values(rows).execute());
  added.attempts = newAttempts.length;

  // Debriefs: one per attempt; an attempt that already has one keeps it.
  const debriefed = new Set(
    (
      await db
        .selectFrom("debriefs")
        .innerJoin("attempts", "attempts.id", "debriefs.attemptId")
        .select("debriefs.attemptId")
        .where("attempts.userId", "=", userId)
        .execute()
    ).map((d) => d.attemptId),
  );
  const newDebriefs: Database["debriefs"][] = [];
  for (const d of file.debriefs) {
    const attemptId = mapped("attempts", d.attemptId);
    if (debriefed.has(attemptId)) {
      present.debriefs++;
      continue;
    }
    debriefed.add(attemptId);
    newDebriefs.push({ ...d, attemptId, dismissedFlags: JSON.stringify(d.dismissedFlags) });
  }
  await inChunks(newDebriefs, (rows) => db.insertInto("debriefs").values(rows).execute());
  added.debriefs = newDebriefs.length;

  // Evidence.
  const evidence = await db
    .selectFrom("evidence")
    .select(["id", "attemptId", "title", "createdAt"])
    .where("userId", "=", userId)
    .execute();
  const evidenceOfAttempt = new Map(
    evidence.filter((e) => e.attemptId !== null).map((e) => [e.attemptId as string, e.id]),
  );
  const evidenceByFact = new Map(
    evidence.map((e) => [`${Date.parse(e.createdAt)} ${e.title}`, e.id]),
  );
  const newEvidence: Database["evidence"][] = [];
  // New evidence kept from a reflection, linked once the reflections are in (below).
  const keptFromWeek: [string, string][] = [];
  for (const e of file.evidence) {
    const attemptId = mappedOrNull("attempts", e.attemptId);
    const fact = `${Date.parse(e.createdAt)} ${e.title}`;
    const existing =
      (attemptId === null ? undefined : evidenceOfAttempt.get(attemptId)) ??
      evidenceByFact.get(fact);
    if (existing !== undefined) {
      ids.set(key("evidence", e.id), existing);
      present.evidence++;
      continue;
    }
    const id = newId();
    ids.set(key("evidence", e.id), id);
    evidenceByFact.set(fact, id);
    if (attemptId !== null) evidenceOfAttempt.set(attemptId, id);
    if (e.reflectionWeekEnd !== null) keptFromWeek.push([id, e.reflectionWeekEnd]);
    newEvidence.push({
      id,
      userId,
      source: e.source,
      attemptId,
      domainId: mapped("domains", e.domainId),
      goalId: mappedOrNull("goals", e.goalId),
      stepId: mappedOrNull("steps", e.stepId),
      title: e.title,
      body: e.body,
      occurredOn: e.occurredOn,
      ownership: e.ownership,
      effort: e.effort,
      reattribution: e.reattribution === null ? null : JSON.stringify(e.reattribution),
      createdAt: e.createdAt,
      updatedAt: e.updatedAt,
    });
  }
  await inChunks(newEvidence, (rows) => db.insertInto("evidence").values(rows).execute());
  added.evidence = newEvidence.length;

  // Milestones: each step mastered and each goal reached is celebrated once.
  const milestones = await db
    .selectFrom("milestones")
    .select(["goalId", "kind", "stepId"])
    .where("userId", "=", userId)
    .execute();
  const celebrated = new Set(milestones.map((m) => `${m.goalId} ${m.kind} ${m.stepId ?? ""}`));
  const newMilestones: Database["milestones"][] = [];
  for (const m of file.milestones) {
    const goalId = mapped("goals", m.goalId);
    const stepId = mappedOrNull("steps", m.stepId);
    const fact = `${goalId} ${m.kind} ${stepId ?? ""}`;
    if (celebrated.has(fact)) {
      present.milestones++;
      continue;
    }
    celebrated.add(fact);
    newMilestones.push({
      id: newId(),
      userId,
      kind: m.kind,
      goalId,
      stepId,
      title: m.title,
      evidenceIds: JSON.stringify(m.evidenceIds.map((id) => mapped("evidence", id))),
      achievedAt: m.achievedAt,
      seenAt: m.seenAt,
      basisRemovedAt: m.basisRemovedAt,
    });
  }
  await inChunks(newMilestones, (rows) => db.insertInto("milestones").values(rows).execute());
  added.milestones = newMilestones.length;

  // The rhythm: practice entries, planned rest days, weekly targets, reflections.
  const entries = await db
    .selectFrom("practiceEntries")
    .select(["goalId", "day", "createdAt"])
    .where("userId", "=", userId)
    .execute();
  const practised = new Set(entries.map((e) => `${e.goalId} ${e.day} ${Date.parse(e.createdAt)}`));
  const newEntries: Database["practiceEntries"][] = [];
  for (const p of file.practiceEntries) {
    const goalId = mapped("goals", p.goalId);
    const fact = `${goalId} ${p.day} ${Date.parse(p.createdAt)}`;
    if (practised.has(fact)) {
      present.practiceEntries++;
      continue;
    }
    practised.add(fact);
    newEntries.push({
      id: newId(),
      userId,
      goalId,
      day: p.day,
      minutes: p.minutes,
      what: p.what,
      note: p.note,
      createdAt: p.createdAt,
    });
  }
  await inChunks(newEntries, (rows) => db.insertInto("practiceEntries").values(rows).execute());
  added.practiceEntries = newEntries.length;

  const restDays = await db
    .selectFrom("practiceRestDays")
    .select(["goalId", "day"])
    .where("userId", "=", userId)
    .execute();
  const resting = new Set(restDays.map((r) => `${r.goalId} ${r.day}`));
  const newRestDays: Database["practiceRestDays"][] = [];
  for (const r of file.practiceRestDays) {
    const goalId = mapped("goals", r.goalId);
    if (resting.has(`${goalId} ${r.day}`)) {
      present.practiceRestDays++;
      continue;
    }
    resting.add(`${goalId} ${r.day}`);
    newRestDays.push({ goalId, day: r.day, userId, createdAt: r.createdAt });
  }
  await inChunks(newRestDays, (rows) => db.insertInto("practiceRestDays").values(rows).execute());
  added.practiceRestDays = newRestDays.length;

  const targets = await db
    .selectFrom("practiceTargets")
    .select("goalId")
    .where("userId", "=", userId)
    .execute();
  const targeted = new Set(targets.map((t) => t.goalId));
  const newTargets: Database["practiceTargets"][] = [];
  for (const t of file.practiceTargets) {
    const goalId = mapped("goals", t.goalId);
    if (targeted.has(goalId)) {
      present.practiceTargets++;
      continue;
    }
    targeted.add(goalId);
    newTargets.push({ goalId, userId, weeklyMinutes: t.weeklyMinutes, updatedAt: t.updatedAt });
  }
  await inChunks(newTargets, (rows) => db.insertInto("practiceTargets").values(rows).execute());
  added.practiceTargets = newTargets.length;

  const reflected = new Set(
    (
      await db.selectFrom("reflections").select("weekEnd").where("userId", "=", userId).execute()
    ).map((r) => r.weekEnd),
  );
  const newReflections: Database["reflections"][] = [];
  for (const r of file.reflections) {
    if (reflected.has(r.weekEnd)) {
      present.reflections++;
      continue;
    }
    reflected.add(r.weekEnd);
    newReflections.push({ ...r, id: newId(), userId });
  }
  await inChunks(newReflections, (rows) => db.insertInto("reflections").values(rows).execute());
  added.reflections = newReflections.length;
  if (keptFromWeek.length > 0) {
    const reflectionOfWeek = new Map(
      (
        await db
          .selectFrom("reflections")
          .select(["id", "weekEnd"])
          .where("userId", "=", userId)
          .execute()
      ).map((r) => [r.weekEnd, r.id]),
    );
    for (const [id, weekEnd] of keptFromWeek) {
      const reflectionId = reflectionOfWeek.get(weekEnd);
      if (reflectionId === undefined) continue;
      await db.updateTable("evidence").set({ reflectionId }).where("id", "=", id).execute();
    }
  }

  await importPreparation(db, userId, file, newId, { ids, added, present });

  // Role models: one by name and creation time; a step of one by what and creation time.
  const models = await db
    .selectFrom("roleModels")
    .select(["id", "name", "createdAt"])
    .where("userId", "=", userId)
    .execute();
  const modelByFact = new Map(models.map((m) => [`${m.name} ${Date.parse(m.createdAt)}`, m.id]));
  const newModels: Database["roleModels"][] = [];
  for (const m of file.roleModels) {
    const fact = `${m.name} ${Date.parse(m.createdAt)}`;
    const existing = modelByFact.get(fact);
    if (existing !== undefined) {
      present.roleModels++;
      ids.set(key("roleModels", m.id), existing);
      continue;
    }
    const id = newId();
    modelByFact.set(fact, id);
    ids.set(key("roleModels", m.id), id);
    newModels.push({ ...m, id, userId });
  }
  await inChunks(newModels, (rows) => db.insertInto("roleModels").values(rows).execute());
  added.roleModels = newModels.length;

  const modelSteps = await db
    .selectFrom("roleModelSteps")
    .select(["roleModelId", "what", "createdAt"])
    .where("userId", "=", userId)
    .execute();
  const stepFacts = new Set(
    modelSteps.map((r) => `${r.roleModelId} ${Date.parse(r.createdAt)} ${r.what}`),
  );
  const newModelSteps: Database["roleModelSteps"][] = [];
  for (const r of file.roleModelSteps) {
    const roleModelId = mapped("roleModels", r.roleModelId);
    const fact = `${roleModelId} ${Date.parse(r.createdAt)} ${r.what}`;
    if (stepFacts.has(fact)) {
      present.roleModelSteps++;
      continue;
    }
    stepFacts.add(fact);
    newModelSteps.push({
      ...r,
      id: newId(),
      userId,
      roleModelId,
      stepId: mappedOrNull("steps", r.stepId),
    });
  }
  await inChunks(newModelSteps, (rows) => db.insertInto("roleModelSteps").values(rows).execute());
  added.roleModelSteps = newModelSteps.length;

  // Ladder models: replayed from what is now stored, never read from the file.
  const newGoalIds = new Set(newGoals.map((g) => g.id));
  for (const goalId of touched) {
    const model = replayLadderModel(await listLadderFacts(db, goalId));
    await db
      .updateTable("goals")
      .set({
        model: model === null ? null : JSON.stringify(model),
        // A goal new to this account keeps its history's time; one that gained steps or
        // attempts changed now.
        ...(newGoalIds.has(goalId) ? {} : { updatedAt: now.toISOString() }),
      })
      .where("id", "=", goalId)
      .execute();
  }

  return { added, present, replayedGoals: touched.size };
}

/**
 * Prepare's rows: a routine by its goal (one default, one per goal; the account's own wins), a
 * routine run by when it started and finished, an attempt in progress by step and start time.
 */
async function importPreparation(
  db: Db,
  userId: string,
  file: ExportFile,
  newId: IdGenerator,
  state: { ids: Map<string, string>; added: ImportCounts; present: ImportCounts },
): Promise<void> {
  const { ids, added, present } = state;
  const mappedOrNull = (table: ExportTable, id: string | null) => {
    if (id === null) return null;
    const to = ids.get(`${table}:${id}`);
    if (to === undefined) throw new Error(`${table} ${id} was not imported`);
    return to;
  };

  const routines = await db
    .selectFrom("routines")
    .select(["id", "goalId"])
    .where("userId", "=", userId)
    .execute();
  const routineOf = new Map(routines.map((r) => [r.goalId ?? "", r.id]));
  const newRoutines: Database["routines"][] = [];
  for (const r of file.routines) {
    const goalId = mappedOrNull("goals", r.goalId);
    const existing = routineOf.get(goalId ?? "");
    if (existing !== undefined) {
      ids.set(`routines:${r.id}`, existing);
      present.routines++;
      continue;
    }
    const id = newId();
    ids.set(`routines:${r.id}`, id);
    routineOf.set(goalId ?? "", id);
    newRoutines.push({ ...r, id, userId, goalId, blocks: JSON.stringify(r.blocks) });
  }
  await inChunks(newRoutines, (rows) => db.insertInto("routines").values(rows).execute());
  added.routines = newRoutines.length;

  const runs = await db
    .selectFrom("routineRuns")
    .select(["id", "startedAt", "finishedAt"])
    .where("userId", "=", userId)
    .execute();
  const runFact = (r: { startedAt: string; finishedAt: string }) =>
    `${Date.parse(r.startedAt)} ${Date.parse(r.finishedAt)}`;
  const runByFact = new Map(runs.map((r) => [runFact(r), r.id]));
  const newRuns: Database["routineRuns"][] = [];
  for (const r of file.routineRuns) {
    const existing = runByFact.get(runFact(r));
    if (existing !== undefined) {
      ids.set(`routineRuns:${r.id}`, existing);
      present.routineRuns++;
      continue;
    }
    const id = newId();
    ids.set(`routineRuns:${r.id}`, id);
    runByFact.set(runFact(r), id);
    newRuns.push({
      ...r,
      id,
      userId,
      routineId: mappedOrNull("routines", r.routineId),
      goalId: mappedOrNull("goals", r.goalId),
      stepId: mappedOrNull("steps", r.stepId),
      attemptId: mappedOrNull("attempts", r.attemptId),
      blocks: JSON.stringify(r.blocks),
      blocksDone: r.blocks.filter((b) => b.done).length,
    });
  }
  await inChunks(newRuns, (rows) => db.insertInto("routineRuns").values(rows).execute());
  added.routineRuns = newRuns.length;

  const starts = await db
    .selectFrom("attemptStarts")
    .select(["stepId", "startedAt"])
    .where("userId", "=", userId)
    .execute();
  const started = new Set(starts.map((s) => `${s.stepId} ${Date.parse(s.startedAt)}`));
  const newStarts: Database["attemptStarts"][] = [];
  for (const a of file.attemptStarts) {
    const stepId = mappedOrNull("steps", a.stepId) as string;
    const fact = `${stepId} ${Date.parse(a.startedAt)}`;
    if (started.has(fact)) {
      present.attemptStarts++;
      continue;
    }
    started.add(fact);
    newStarts.push({
      ...a,
      id: newId(),
      userId,
      goalId: mappedOrNull("goals", a.goalId) as string,
      stepId,
      idempotencyKey: null,
      routineRunId: mappedOrNull("routineRuns", a.routineRunId),
    });
  }
  await inChunks(newStarts, (rows) => db.insertInto("attemptStarts").values(rows).execute());
  added.attemptStarts = newStarts.length;
}
