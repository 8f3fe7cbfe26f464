import { sql } from "kysely";
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
export async function searchEvidence(
  db: Db,
  userId: string,
  search: EvidenceSearch = {},
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
  return query.orderBy("occurredOn", "desc").orderBy("createdAt", "desc").orderBy("id").execute();
}

export async function deleteEvidence(db: Db, userId: string, id: string): Promise<void> {
  await db.deleteFrom("evidence").where("userId", "=", userId).where("id", "=", id).execute();
}
