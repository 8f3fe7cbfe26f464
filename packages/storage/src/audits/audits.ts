import type { Audit } from "@cando/core";
import type { Db } from "../db";
import type { AuditsTable } from "../schema";

export type AuditRow = AuditsTable;

export interface NewAudit extends AuditsTable {
  ratings: { domainId: string; rating: number }[];
}

/** Stores an audit and its ratings; call inside a transaction so it lands whole or not at all. */
export async function insertAudit(db: Db, audit: NewAudit): Promise<void> {
  const { ratings, ...row } = audit;
  await db.insertInto("audits").values(row).execute();
  await db
    .insertInto("auditRatings")
    .values(ratings.map((r) => ({ auditId: row.id, domainId: r.domainId, rating: r.rating })))
    .execute();
}

/** One person's audits, oldest first, each with its ratings. */
export async function listAudits(
  db: Db,
  userId: string,
  /**
   * One page, oldest first (or newest first): at most `limit` audits after the one whose
   * (takenAt, id) is `after` in that order.
   */
  page?: { limit: number; after?: readonly string[] | undefined; newestFirst?: boolean },
): Promise<Audit[]> {
  let query = db.selectFrom("audits").selectAll().where("userId", "=", userId);
  const [takenAt, id] = page?.after ?? [];
  const direction = page?.newestFirst ? "desc" : "asc";
  if (takenAt !== undefined && id !== undefined) {
    query = query.where((eb) =>
      eb(eb.refTuple("takenAt", "id"), direction === "desc" ? "<" : ">", eb.tuple(takenAt, id)),
    );
  }
  query = query.orderBy("takenAt", direction).orderBy("id", direction);
  const audits = await (page ? query.limit(page.limit) : query).execute();
  if (audits.length === 0) return [];
  let ratingsQuery = db
    .selectFrom("auditRatings")
    .innerJoin("audits", "audits.id", "auditRatings.auditId")
    .innerJoin("domains", "domains.id", "auditRatings.domainId")
    .select(["auditRatings.auditId", "auditRatings.domainId", "auditRatings.rating"])
    .where("audits.userId", "=", userId);
  if (page) {
    ratingsQuery = ratingsQuery.where(
      "auditRatings.auditId",
      "in",
      audits.map((a) => a.id),
    );
  }
  const ratings = await ratingsQuery.orderBy("domains.position").execute();
  const byAudit = new Map<string, Audit["ratings"]>();
  for (const r of ratings) {
    const list = byAudit.get(r.auditId) ?? [];
    list.push({ domainId: r.domainId, rating: r.rating });
    byAudit.set(r.auditId, list);
  }
  return audits.map((a) => ({
    id: a.id,
    takenAt: a.takenAt,
    note: a.note,
    ratings: byAudit.get(a.id) ?? [],
  }));
}

/** One person's audit; undefined for another person's, exactly as for a missing one. */
export async function findAudit(db: Db, userId: string, id: string): Promise<Audit | undefined> {
  const audit = await db
    .selectFrom("audits")
    .selectAll()
    .where("userId", "=", userId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!audit) return undefined;
  const ratings = await db
    .selectFrom("auditRatings")
    .innerJoin("domains", "domains.id", "auditRatings.domainId")
    .select(["auditRatings.domainId", "auditRatings.rating"])
    .where("auditRatings.auditId", "=", id)
    .orderBy("domains.position")
    .execute();
  return { id: audit.id, takenAt: audit.takenAt, note: audit.note, ratings };
}

export async function lastAuditAt(db: Db, userId: string): Promise<string | null> {
  const row = await db
    .selectFrom("audits")
    .select((eb) => eb.fn.max("takenAt").as("last"))
    .where("userId", "=", userId)
    .executeTakeFirst();
  return row?.last ?? null;
}

/** Deletes one person's audit and its ratings. */
export async function deleteAudit(db: Db, userId: string, id: string): Promise<void> {
  const owned = await db
    .selectFrom("audits")
    .select("id")
    .where("userId", "=", userId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!owned) return;
  await db.deleteFrom("auditRatings").where("auditId", "=", id).execute();
  await db.deleteFrom("audits").where("id", "=", id).execute();
}
