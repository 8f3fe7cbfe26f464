import { sql } from "kysely";
import { fixedQuery } from "../compiled";
import type { Db } from "../db";
import type { EvidenceTable } from "../schema";

export type EvidenceRow = EvidenceTable;

export async function insertEvidence(db: Db, row: EvidenceRow): Promise<void> {
  await db.insertInto("evidence").values(row).execute();
}

/** One person's piece of evidence; undefined for another person's, exactly as for a missing one. */
export async function findEvidence(
  db: Db,
  userId: string,
  id: string,
): Promise<EvidenceRow | undefined> {
  return db
    .selectFrom("evidence")
    .selectAll()
    .where("userId", "=", userId)
    .where("id", "=", id)
    .executeTakeFirst();
}

/**
 * The evidence a debriefed attempt becomes, unless it has some already (`evidence.attempt_id` is
 * unique): true when this row was inserted. One statement, and two debriefs cannot make two.
 */
export async function insertEvidenceOfAttempt(db: Db, row: EvidenceRow): Promise<boolean> {
  const inserted = await evidenceOfAttemptInsert(
    db,
    row.id,
    row.userId,
    row.source,
    row.attemptId,
    row.domainId,
    row.goalId,
    row.stepId,
    row.title,
    row.body,
    row.occurredOn,
    row.ownership,
    row.effort,
    row.reattribution,
    row.reflectionId ?? null,
    row.createdAt,
    row.updatedAt,
  );
  return inserted.length > 0;
}

// Every first debrief of a success makes one: compiled once (see fixedQuery), every column named.
const evidenceOfAttemptInsert = fixedQuery(
  (
    db: Db,
    id: string,
    userId: string,
    source: string,
    attemptId: string | null,
    domainId: string,
    goalId: string | null,
    stepId: string | null,
    title: string,
    body: string,
    occurredOn: string,
    ownership: number,
    effort: number | null,
    reattribution: string | null,
    reflectionId: string | null,
    createdAt: string,
    updatedAt: string,
  ) =>
    db
      .insertInto("evidence")
      .values({
        id,
        userId,
        source,
        attemptId,
        domainId,
        goalId,
        stepId,
        title,
        body,
        occurredOn,
        ownership,
        effort,
        reattribution,
        reflectionId,
        createdAt,
        updatedAt,
      })
      .onConflict((oc) => oc.column("attemptId").doNothing())
      // A row back only when this one was inserted.
      .returning("id"),
);

export async function findEvidenceOfAttempt(
  db: Db,
  attemptId: string,
): Promise<EvidenceRow | undefined> {
  return db
    .selectFrom("evidence")
    .selectAll()
    .where("attemptId", "=", attemptId)
    .executeTakeFirst();
}

export async function updateEvidence(
  db: Db,
  userId: string,
  id: string,
  patch: Partial<Omit<EvidenceRow, "id" | "userId" | "createdAt" | "source">>,
): Promise<void> {
  await db
    .updateTable("evidence")
    .set(patch)
    .where("userId", "=", userId)
    .where("id", "=", id)
    .execute();
}

export interface EvidenceSearch {
  /** Words that must all appear (in any case) in the title or body. */
  q?: string;
  domainId?: string;
  goalId?: string;
  stepId?: string;
}

// LIKE's wildcards in a search word are matched literally.
const escapeLike = (word: string) => word.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * One person's evidence journal, newest first, filtered. The search matches every word of `q`
 * anywhere in the title or body, case-insensitively, the same on SQLite and PostgreSQL.
 */
/** A piece of evidence's place in the journal (newest first): the key a page continues after. */
export const evidenceSortKey = (e: Pick<EvidenceRow, "occurredOn" | "createdAt" | "id">) => [
  e.occurredOn,
  e.createdAt,
  e.id,
];

export async function searchEvidence(
  db: Db,
  userId: string,
  search: EvidenceSearch = {},
  /** One page: at most `limit` after the piece whose `evidenceSortKey` is `after`. */
  page?: { limit: number; after?: readonly string[] | undefined },
): Promise<EvidenceRow[]> {
  let query = db.selectFrom("evidence").selectAll().where("userId", "=", userId);
  if (search.domainId) query = query.where("domainId", "=", search.domainId);
  if (search.goalId) query = query.where("goalId", "=", search.goalId);
  if (search.stepId) query = query.where("stepId", "=", search.stepId);
  const words = (search.q ?? "").toLowerCase().split(/\s+/).filter(Boolean).slice(0, 10);
  for (const word of words) {
    const pattern = `%${escapeLike(word)}%`;
    // ESCAPE is explicit: SQLite has no default escape character for LIKE.
    query = query.where(
      sql<boolean>`(lower(title) like ${pattern} escape '\\' or lower(body) like ${pattern} escape '\\')`,
    );
  }
  const [day, created, id] = page?.after ?? [];
  if (day !== undefined && created !== undefined && id !== undefined) {
    // The journal's order mixes directions (newest day and entry first, then id), so no tuple.
    query = query.where((eb) =>
      eb.or([
        eb("occurredOn", "<", day),
        eb.and([
          eb("occurredOn", "=", day),
          eb.or([
            eb("createdAt", "<", created),
            eb.and([eb("createdAt", "=", created), eb("id", ">", id)]),
          ]),
        ]),
      ]),
    );
  }
  query = query.orderBy("occurredOn", "desc").orderBy("createdAt", "desc").orderBy("id");
  return (page ? query.limit(page.limit) : query).execute();
}

/** Evidence as a milestone names it: its id, links and day. */
export type EvidenceOfScope = Pick<EvidenceRow, "id" | "stepId" | "goalId" | "occurredOn">;

/**
 * One person's evidence of any of the given steps or goals, in the journal's order (newest
 * first), only the columns a milestone needs: one statement for any number of milestones.
 */
export async function listEvidenceOf(
  db: Db,
  userId: string,
  scope: { stepIds: string[]; goalIds: string[] },
): Promise<EvidenceOfScope[]> {
  const stepIds = [...new Set(scope.stepIds)];
  const goalIds = [...new Set(scope.goalIds)];
  if (stepIds.length === 0 && goalIds.length === 0) return [];
  return db
    .selectFrom("evidence")
    .select(["id", "stepId", "goalId", "occurredOn"])
    .where("userId", "=", userId)
    .where((eb) =>
      eb.or([
        ...(stepIds.length ? [eb("stepId", "in", stepIds)] : []),
        ...(goalIds.length ? [eb("goalId", "in", goalIds)] : []),
      ]),
    )
    .orderBy("occurredOn", "desc")
    .orderBy("createdAt", "desc")
    .orderBy("id")
    .execute();
}

/** Closeness as core's `rankEvidenceForDoubt` counts it: 3 same step, 2 same goal, 1 same domain. */
export interface DoubtPlace {
  stepId?: string | null;
  goalId?: string | null;
  domainId?: string | null;
}

function closeness(e: EvidenceRow, at: DoubtPlace): number {
  if (at.stepId && e.stepId === at.stepId) return 3;
  if (at.goalId && e.goalId === at.goalId) return 2;
  if (at.domainId && e.domainId === at.domainId) return 1;
  return 0;
}

/**
 * The evidence to bring up when doubt comes, ranked exactly as `rankEvidenceForDoubt` (core)
 * ranks the journal: same step, same goal, same domain, the rest; within each, effort, own share,
 * the most recent, ties in the journal's order. One statement of at most four index ranges
 * (`evidence_doubt_*`, in that order), each LIMIT `limit`, so the cost does not grow with the
 * journal. The top `limit` of the goal's evidence holds at least `limit - k` that are not the
 * step's when the step has k < `limit`, and likewise down the tiers, so each tier's range,
 * less the rows of a closer tier, gives exactly what the full ranking would take from it.
 */
export async function rankEvidenceForDoubtInSql(
  db: Db,
  userId: string,
  at: DoubtPlace,
  limit = 5,
): Promise<EvidenceRow[]> {
  const tiers = [
    ...(at.stepId ? [{ tier: 3, where: sql`step_id = ${at.stepId}` }] : []),
    ...(at.goalId ? [{ tier: 2, where: sql`goal_id = ${at.goalId}` }] : []),
    ...(at.domainId ? [{ tier: 1, where: sql`domain_id = ${at.domainId}` }] : []),
    { tier: 0, where: sql`user_id = ${userId}` },
  ];
  const parts = tiers.map(
    ({ tier, where }) =>
      sql`select * from (select ${sql.lit(tier)} as doubt_tier, evidence.* from evidence where ${where} and user_id = ${userId} order by coalesce(effort, 0) desc, ownership desc, occurred_on desc, created_at desc, id limit ${limit}) as ${sql.ref(`tier${tier}`)}`,
  );
  const { rows } = await sql<
    EvidenceRow & { doubtTier: number }
  >`${sql.join(parts, sql` union all `)}`.execute(db);
  const ranked: EvidenceRow[] = [];
  for (const { tier } of tiers) {
    for (const { doubtTier, ...row } of rows) {
      if (Number(doubtTier) === tier && closeness(row, at) === tier) ranked.push(row);
    }
  }
  return ranked.slice(0, limit);
}

export async function deleteEvidence(db: Db, userId: string, id: string): Promise<void> {
  await db.deleteFrom("evidence").where("userId", "=", userId).where("id", "=", id).execute();
}
