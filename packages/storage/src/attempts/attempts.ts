import { sql } from "kysely";
import { fixedQuery } from "../compiled";
import { type Db, dbKind } from "../db";
import type { GoalRow } from "../goals/goals";
import type { StepRow } from "../goals/steps";
import type { AttemptsTable, DebriefsTable } from "../schema";

export type AttemptRow = AttemptsTable;
export type DebriefRow = DebriefsTable;

// Logging's insert, compiled once (see fixedQuery): every column named, the optional ones null
// (their default), so the statement has one shape.
const attemptInsert = fixedQuery(
  (
    db: Db,
    id: string,
    userId: string,
    goalId: string,
    stepId: string,
    idempotencyKey: string | null,
    attemptedAt: string,
    confidenceBefore: number | null,
    anxietyBefore: number | null,
    outcome: string,
    effort: number,
    difficulty: number,
    anxietyAfter: number | null,
    minutes: number | null,
    note: string,
    predictedSuccess: number | null,
    createdAt: string,
    confidenceRated: string | null,
    energyBefore: number | null,
    sleepHours: number | null,
  ) =>
    db.insertInto("attempts").values({
      id,
      userId,
      goalId,
      stepId,
      idempotencyKey,
      attemptedAt,
      confidenceBefore,
      anxietyBefore,
      outcome,
      effort,
      difficulty,
      anxietyAfter,
      minutes,
      note,
      predictedSuccess,
      createdAt,
      confidenceRated,
      energyBefore,
      sleepHours,
    }),
);

export async function insertAttempt(db: Db, row: AttemptRow): Promise<void> {
  await attemptInsert(
    db,
    row.id,
    row.userId,
    row.goalId,
    row.stepId,
    row.idempotencyKey,
    row.attemptedAt,
    row.confidenceBefore,
    row.anxietyBefore,
    row.outcome,
    row.effort,
    row.difficulty,
    row.anxietyAfter,
    row.minutes,
    row.note,
    row.predictedSuccess,
    row.createdAt,
    row.confidenceRated ?? null,
    row.energyBefore ?? null,
    row.sleepHours ?? null,
  );
}

/** One person's attempt; undefined for another person's, exactly as for a missing one. */
export async function findAttempt(
  db: Db,
  userId: string,
  id: string,
): Promise<AttemptRow | undefined> {
  return db
    .selectFrom("attempts")
    .selectAll()
    .where("userId", "=", userId)
    .where("id", "=", id)
    .executeTakeFirst();
}

// The goal locked through a step or an attempt, with the person's target (the ladder view and
// "what next" need it, so it costs no statement of its own): compiled once each (see fixedQuery).
// The target is not locked: it is a setting of its own, read as any statement reads it.
const goalOfStepLocked = fixedQuery((db: Db, userId: string, stepId: string, sameUserId: string) =>
  lockedGoalOf(db, "steps", userId, stepId, sameUserId),
);
const goalOfAttemptLocked = fixedQuery(
  (db: Db, userId: string, attemptId: string, sameUserId: string) =>
    lockedGoalOf(db, "attempts", userId, attemptId, sameUserId),
);

function lockedGoalOf(
  db: Db,
  through: "steps" | "attempts",
  userId: string,
  id: string,
  sameUserId: string,
) {
  const query = db
    .selectFrom("goals")
    .selectAll("goals")
    .select((eb) =>
      eb
        .selectFrom("users")
        .select("users.targetPercent")
        .whereRef("users.id", "=", "goals.userId")
        .as("targetPercent"),
    )
    .where("goals.userId", "=", userId)
    .where("goals.id", "=", (eb) =>
      eb.selectFrom(through).select("goalId").where("id", "=", id).where("userId", "=", sameUserId),
    );
  return dbKind(db) === "postgres" ? query.forUpdate() : query;
}

/** A goal locked through one of its steps or attempts, with its owner's target success rate. */
export interface LockedGoal {
  goal: GoalRow;
  /** The person's target success rate in percent (users.target_percent). */
  targetPercent: number;
}

/**
 * The goal of one of the person's steps (or attempts), locked as `lockGoal` locks it, in one
 * statement: a write that names only the step or the attempt need not read it first to find the
 * goal. A step's or attempt's goal never changes, so the row read after the lock is current.
 */
export async function lockGoalOf(
  db: Db,
  userId: string,
  of: { stepId: string } | { attemptId: string },
): Promise<LockedGoal | undefined> {
  const [row] =
    "stepId" in of
      ? await goalOfStepLocked(db, userId, of.stepId, userId)
      : await goalOfAttemptLocked(db, userId, of.attemptId, userId);
  if (!row) return undefined;
  const { targetPercent, ...goal } = row;
  return { goal, targetPercent: targetPercent ?? 80 };
}

export async function findAttemptByKey(
  db: Db,
  userId: string,
  idempotencyKey: string,
): Promise<AttemptRow | undefined> {
  return db
    .selectFrom("attempts")
    .selectAll()
    .where("userId", "=", userId)
    .where("idempotencyKey", "=", idempotencyKey)
    .executeTakeFirst();
}

export interface AttemptFilter {
  goalId?: string;
  stepId?: string;
}

/** A page of a list: at most `limit` rows after the row whose sort key is `after`. */
export interface PageRequest {
  limit: number;
  after?: readonly string[] | undefined;
  /** Newest first (the goal page) instead of oldest first. */
  newestFirst?: boolean;
}

/** An attempt's place in its list (oldest first): the key a page continues after. */
export const attemptSortKey = (a: Pick<AttemptRow, "attemptedAt" | "createdAt" | "id">) => [
  a.attemptedAt,
  a.createdAt,
  a.id,
];

/** One person's attempts, oldest first; all of them, or one page (`page`), read by index. */
export async function listAttempts(
  db: Db,
  userId: string,
  filter: AttemptFilter = {},
  page?: PageRequest,
): Promise<AttemptRow[]> {
  let query = db.selectFrom("attempts").selectAll().where("userId", "=", userId);
  if (filter.goalId) query = query.where("goalId", "=", filter.goalId);
  if (filter.stepId) query = query.where("stepId", "=", filter.stepId);
  const [at, created, id] = page?.after ?? [];
  const direction = page?.newestFirst ? "desc" : "asc";
  if (at !== undefined && created !== undefined && id !== undefined) {
    query = query.where((eb) =>
      eb(
        eb.refTuple("attemptedAt", "createdAt", "id"),
        direction === "desc" ? "<" : ">",
        eb.tuple(at, created, id),
      ),
    );
  }
  query = query
    .orderBy("attemptedAt", direction)
    .orderBy("createdAt", direction)
    .orderBy("id", direction);
  return (page ? query.limit(page.limit) : query).execute();
}

/** What the ladder model is replayed from: a goal's attempts, only the columns it needs. */
export async function listAttemptFacts(
  db: Db,
  goalId: string,
): Promise<Pick<AttemptRow, "id" | "stepId" | "outcome" | "attemptedAt">[]> {
  return db
    .selectFrom("attempts")
    .select(["id", "stepId", "outcome", "attemptedAt"])
    .where("goalId", "=", goalId)
    .execute();
}

export interface StepRecord {
  attempts: number;
  successes: number;
}

/** A goal's attempts and successes per step, counted in SQL (no attempt rows leave the database). */
export async function countAttemptsByStep(
  db: Db,
  goalId: string,
): Promise<Map<string, StepRecord>> {
  const rows = await db
    .selectFrom("attempts")
    .select((eb) => [
      "stepId",
      eb.fn.countAll<number>().as("attempts"),
      eb.fn
        .sum<number>(eb.case().when("outcome", "=", "done").then(1).else(0).end())
        .as("successes"),
    ])
    .where("goalId", "=", goalId)
    .groupBy("stepId")
    .execute();
  return new Map(
    rows.map((r) => [r.stepId, { attempts: Number(r.attempts), successes: Number(r.successes) }]),
  );
}

/** What calibration reads: the attempts with a stated confidence, only the three columns it needs. */
export async function listStatedConfidence(
  db: Db,
  userId: string,
  goalId?: string,
): Promise<Pick<AttemptRow, "attemptedAt" | "confidenceBefore" | "outcome">[]> {
  let query = db
    .selectFrom("attempts")
    .select(["attemptedAt", "confidenceBefore", "outcome"])
    .where("userId", "=", userId)
    .where("confidenceBefore", "is not", null);
  if (goalId) query = query.where("goalId", "=", goalId);
  return query.orderBy("attemptedAt").orderBy("createdAt").orderBy("id").execute();
}

/** The attempt (at most `limit`) that earned each milestone: the last ones up to its moment. */
export interface MilestoneBasisScope {
  key: string;
  stepId: string | null;
  goalId: string;
  upTo: string;
}

/** What a milestone's praise reads of a debrief. */
export type PraiseDebrief = Pick<
  DebriefRow,
  "didWell" | "effort" | "strategy" | "ability" | "luck" | "help" | "easy"
>;

/**
 * For each scope (a step, or a goal when stepId is null), its last three attempts up to `upTo`,
 * oldest first, each with its debrief's praise fields (null without one): one statement for any
 * number of scopes, each an index range read of three rows, the debriefs joined by key.
 */
export async function listLastAttemptsOf(
  db: Db,
  userId: string,
  scopes: MilestoneBasisScope[],
  limit = 3,
): Promise<Map<string, (AttemptRow & { debrief: PraiseDebrief | null })[]>> {
  const out = new Map<string, (AttemptRow & { debrief: PraiseDebrief | null })[]>(
    scopes.map((s) => [s.key, []]),
  );
  // Chunked: both databases cap the number of bound parameters and compound selects.
  for (let i = 0; i < scopes.length; i += 100) {
    const chunk = scopes.slice(i, i + 100);
    const parts = chunk.map(
      (s) =>
        sql`select * from (select cast(${s.key} as text) as scope_key, attempts.* from attempts where user_id = ${userId} and ${
          s.stepId === null ? sql`goal_id = ${s.goalId}` : sql`step_id = ${s.stepId}`
        } and attempted_at <= ${s.upTo} order by attempted_at desc, created_at desc, id desc limit ${limit}) as ${sql.ref(`s${chunk.indexOf(s)}`)}`,
    );
    const { rows } = await sql<
      AttemptRow & { scopeKey: string; debriefOf: string | null } & {
        [K in keyof PraiseDebrief as `debrief${Capitalize<K>}`]: PraiseDebrief[K] | null;
      }
    >`select l.*, d.attempt_id as debrief_of, d.did_well as debrief_did_well, d.effort as debrief_effort,
        d.strategy as debrief_strategy, d.ability as debrief_ability, d.luck as debrief_luck,
        d.help as debrief_help, d.easy as debrief_easy
      from (${sql.join(parts, sql` union all `)}) as l left join debriefs d on d.attempt_id = l.id`.execute(
      db,
    );
    for (const {
      scopeKey,
      debriefOf,
      debriefDidWell,
      debriefEffort,
      debriefStrategy,
      debriefAbility,
      debriefLuck,
      debriefHelp,
      debriefEasy,
      ...row
    } of rows) {
      const debrief =
        debriefOf === null
          ? null
          : {
              didWell: debriefDidWell ?? "",
              effort: debriefEffort ?? 0,
              strategy: debriefStrategy ?? 0,
              ability: debriefAbility ?? 0,
              luck: debriefLuck ?? 0,
              help: debriefHelp ?? 0,
              easy: debriefEasy ?? 0,
            };
      out.get(scopeKey)?.push({ ...row, debrief });
    }
  }
  for (const list of out.values())
    list.sort(
      (a, b) =>
        a.attemptedAt.localeCompare(b.attemptedAt) ||
        a.createdAt.localeCompare(b.createdAt) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  return out;
}

export async function countAttemptsOfStep(db: Db, stepId: string): Promise<number> {
  const row = await db
    .selectFrom("attempts")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("stepId", "=", stepId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// Debriefing's reads and insert, compiled once (see fixedQuery). The attempt's columns, each
// read beside every step of its goal under a name of its own.
const ATTEMPT_COLUMNS = [
  "id",
  "userId",
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
] as const satisfies readonly (keyof AttemptRow)[];
type AttemptColumn = (typeof ATTEMPT_COLUMNS)[number];
const asAttemptColumn = (c: AttemptColumn) => `attempt${c[0]?.toUpperCase()}${c.slice(1)}` as const;

const stepsWithAttempt = fixedQuery((db: Db, attemptId: string, userId: string, goalId: string) =>
  db
    .selectFrom("steps")
    .leftJoin("attempts", (join) =>
      join
        .on("attempts.id", "=", attemptId)
        .on("attempts.userId", "=", userId)
        .onRef("attempts.goalId", "=", "steps.goalId"),
    )
    .leftJoin("debriefs", "debriefs.attemptId", "attempts.id")
    .selectAll("steps")
    .select(ATTEMPT_COLUMNS.map((c) => `attempts.${c} as ${asAttemptColumn(c)}` as const))
    .select("debriefs.createdAt as debriefCreatedAt")
    .where("steps.goalId", "=", goalId)
    .orderBy("steps.position")
    .orderBy("steps.createdAt"),
);

/**
 * What debriefing reads under the goal's lock, in one statement: one person's attempt of that
 * goal (undefined for another person's, as for a missing one), when its debrief was first written
 * (null: not debriefed yet; `saveDebrief`'s `existing`), and the goal's steps as `listSteps` reads
 * them (the evidence's step, what next). An attempt's step is on its goal, so a goal with the
 * attempt has steps to carry it.
 */
export async function findAttemptToDebrief(
  db: Db,
  userId: string,
  id: string,
  goalId: string,
): Promise<{ attempt: AttemptRow; debriefCreatedAt: string | null; steps: StepRow[] } | undefined> {
  const rows: Record<string, unknown>[] = await stepsWithAttempt(db, id, userId, goalId);
  const first = rows[0];
  if (!first || first.attemptId === null) return undefined;
  const attempt: Record<string, unknown> = {};
  for (const c of ATTEMPT_COLUMNS) attempt[c] = first[asAttemptColumn(c)];
  const steps = rows.map((row) => {
    const step: Record<string, unknown> = {};
    for (const key in row) if (!NOT_STEP_COLUMNS.has(key)) step[key] = row[key];
    return step as unknown as StepRow;
  });
  return {
    attempt: attempt as unknown as AttemptRow,
    debriefCreatedAt: first.debriefCreatedAt as string | null,
    steps,
  };
}
const NOT_STEP_COLUMNS = new Set<string>([
  ...ATTEMPT_COLUMNS.map(asAttemptColumn),
  "debriefCreatedAt",
]);

const debriefInsert = fixedQuery(
  (
    db: Db,
    attemptId: string,
    didWell: string,
    capability: string,
    differently: string,
    effort: number,
    strategy: number,
    ability: number,
    luck: number,
    help: number,
    easy: number,
    reattribution: string,
    dismissedFlags: string,
    createdAt: string,
    updatedAt: string,
  ) =>
    db.insertInto("debriefs").values({
      attemptId,
      didWell,
      capability,
      differently,
      effort,
      strategy,
      ability,
      luck,
      help,
      easy,
      reattribution,
      dismissedFlags,
      createdAt,
      updatedAt,
    }),
);

/**
 * Creates or replaces the debrief of an attempt; a replaced debrief keeps its `createdAt`.
 * Returns the `createdAt` stored and whether it replaced one. `existing`: the stored debrief's
 * `createdAt` (null: none) when the caller read it under the goal's lock (`findAttemptToDebrief`);
 * omitted, it is read here. (Not an upsert: on SQLite an upsert's conflict clause overrides the
 * `insert or ignore` of the read-version trigger its update fires, and that fails.)
 */
export async function saveDebrief(
  db: Db,
  row: DebriefRow,
  existing?: string | null,
): Promise<{ createdAt: string; replaced: boolean }> {
  const { attemptId, createdAt, ...rest } = row;
  const earlier =
    existing !== undefined
      ? existing
      : ((
          await db
            .selectFrom("debriefs")
            .select("createdAt")
            .where("attemptId", "=", attemptId)
            .executeTakeFirst()
        )?.createdAt ?? null);
  if (earlier !== null) {
    await db.updateTable("debriefs").set(rest).where("attemptId", "=", attemptId).execute();
    return { createdAt: earlier, replaced: true };
  }
  await debriefInsert(
    db,
    attemptId,
    row.didWell,
    row.capability,
    row.differently,
    row.effort,
    row.strategy,
    row.ability,
    row.luck,
    row.help,
    row.easy,
    row.reattribution,
    row.dismissedFlags,
    createdAt,
    row.updatedAt,
  );
  return { createdAt, replaced: false };
}

export async function findDebrief(db: Db, attemptId: string): Promise<DebriefRow | undefined> {
  return db
    .selectFrom("debriefs")
    .selectAll()
    .where("attemptId", "=", attemptId)
    .executeTakeFirst();
}

/** Debriefs of the given attempts. */
export async function listDebriefs(db: Db, attemptIds: string[]): Promise<DebriefRow[]> {
  if (attemptIds.length === 0) return [];
  const rows: DebriefRow[] = [];
  // Chunked: both databases cap the number of bound parameters.
  for (let i = 0; i < attemptIds.length; i += 500) {
    const chunk = attemptIds.slice(i, i + 500);
    rows.push(
      ...(await db.selectFrom("debriefs").selectAll().where("attemptId", "in", chunk).execute()),
    );
  }
  return rows;
}

export type AttemptPatch = Partial<
  Pick<
    AttemptRow,
    | "attemptedAt"
    | "confidenceBefore"
    | "anxietyBefore"
    | "outcome"
    | "effort"
    | "difficulty"
    | "anxietyAfter"
    | "minutes"
    | "note"
  >
>;

export async function updateAttempt(
  db: Db,
  userId: string,
  id: string,
  patch: AttemptPatch,
): Promise<void> {
  if (Object.keys(patch).length === 0) return;
  await db
    .updateTable("attempts")
    .set(patch)
    .where("userId", "=", userId)
    .where("id", "=", id)
    .execute();
}

/** Deletes one person's attempt with its debrief (evidence it created is the caller's to delete). */
export async function deleteAttempt(db: Db, userId: string, id: string): Promise<void> {
  await db.deleteFrom("debriefs").where("attemptId", "=", id).execute();
  await db.deleteFrom("attempts").where("userId", "=", userId).where("id", "=", id).execute();
}

/** Puts a deleted attempt (and its debrief) back exactly as it was. */
export async function restoreAttempt(
  db: Db,
  attempt: AttemptRow,
  debrief: DebriefRow | null,
): Promise<void> {
  await db.insertInto("attempts").values(attempt).execute();
  if (debrief) await db.insertInto("debriefs").values(debrief).execute();
}

/** What Insights is computed from: each attempt's measures with its debrief's attributions. */
export interface InsightFact {
  attemptedAt: string;
  confidenceBefore: number | null;
  anxietyBefore: number | null;
  anxietyAfter: number | null;
  /** "before" (a two-phase attempt), "after" (logged in one go), null for older rows (unknown). */
  confidenceRated: string | null;
  /** A routine run was linked to this attempt (Prepare). */
  withRoutine: boolean;
  outcome: string;
  predictedSuccess: number | null;
  /** The debrief's six ratings, or null without a debrief. */
  attributions: {
    effort: number;
    strategy: number;
    ability: number;
    luck: number;
    help: number;
    easy: number;
  } | null;
}

/** One person's (or one goal's) insight facts in one statement: only the columns the measures read. */
export async function listInsightFacts(
  db: Db,
  userId: string,
  goalId?: string,
): Promise<InsightFact[]> {
  let query = db
    .selectFrom("attempts")
    .leftJoin("debriefs", "debriefs.attemptId", "attempts.id")
    .select([
      "attempts.attemptedAt",
      "attempts.confidenceBefore",
      "attempts.anxietyBefore",
      "attempts.anxietyAfter",
      "attempts.confidenceRated",
      "attempts.outcome",
      "attempts.predictedSuccess",
      // A routine run is linked inside the transaction that inserts its attempt, so the
      // attempt's read-version bump already covers it.
      (eb) =>
        eb
          .exists(
            eb
              .selectFrom("routineRuns")
              .select("routineRuns.id")
              .whereRef("routineRuns.attemptId", "=", "attempts.id"),
          )
          .as("withRoutine"),
      "debriefs.attemptId as debriefOf",
      "debriefs.effort as dEffort",
      "debriefs.strategy",
      "debriefs.ability",
      "debriefs.luck",
      "debriefs.help",
      "debriefs.easy",
    ])
    .where("attempts.userId", "=", userId);
  if (goalId) query = query.where("attempts.goalId", "=", goalId);
  const rows = await query
    .orderBy("attempts.attemptedAt")
    .orderBy("attempts.createdAt")
    .orderBy("attempts.id")
    .execute();
  return rows.map((r) => ({
    attemptedAt: r.attemptedAt,
    confidenceBefore: r.confidenceBefore,
    anxietyBefore: r.anxietyBefore,
    anxietyAfter: r.anxietyAfter,
    confidenceRated: r.confidenceRated ?? null,
    // SQLite answers 0/1, PostgreSQL a boolean.
    withRoutine: Boolean(r.withRoutine),
    outcome: r.outcome,
    predictedSuccess: r.predictedSuccess,
    attributions:
      r.debriefOf === null
        ? null
        : {
            effort: r.dEffort ?? 0,
            strategy: r.strategy ?? 0,
            ability: r.ability ?? 0,
            luck: r.luck ?? 0,
            help: r.help ?? 0,
            easy: r.easy ?? 0,
          },
  }));
}
