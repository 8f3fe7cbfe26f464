import type { Domain } from "@cando/core";
import { fixedQuery } from "../compiled";
import type { Db } from "../db";
import type { DomainsTable } from "../schema";

export type DomainRow = DomainsTable;

export function presentDomain(row: DomainRow): Domain {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    position: row.position,
    archivedAt: row.archivedAt,
    createdAt: row.createdAt,
  };
}

export async function insertDomains(db: Db, rows: DomainRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto("domains").values(rows).execute();
}

/** Every domain of one person, archived ones included, in their order. */
export async function listDomains(db: Db, userId: string): Promise<DomainRow[]> {
  return domainsOf(db, userId);
}

// Compiled once (see fixedQuery): most pages show the domains.
const domainsOf = fixedQuery((db: Db, userId: string) =>
  db
    .selectFrom("domains")
    .selectAll()
    .where("userId", "=", userId)
    .orderBy("position")
    .orderBy("createdAt"),
);

/** One person's domain; undefined for another person's, exactly as for a missing one. */
export async function findDomain(
  db: Db,
  userId: string,
  id: string,
): Promise<DomainRow | undefined> {
  return db
    .selectFrom("domains")
    .selectAll()
    .where("userId", "=", userId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function nextDomainPosition(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom("domains")
    .select((eb) => eb.fn.max("position").as("max"))
    .where("userId", "=", userId)
    .executeTakeFirst();
  const max = row?.max;
  return max === null || max === undefined ? 0 : Number(max) + 1;
}

export async function updateDomain(
  db: Db,
  userId: string,
  id: string,
  patch: Partial<Pick<DomainRow, "name" | "archivedAt">>,
): Promise<void> {
  await db
    .updateTable("domains")
    .set(patch)
    .where("userId", "=", userId)
    .where("id", "=", id)
    .execute();
}
