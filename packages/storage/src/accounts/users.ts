import { DEFAULT_DOMAINS, type IdGenerator, type User } from "@cando/core";
import type { Selectable } from "kysely";
import { fixedQuery } from "../compiled";
import { type Db, dbKind } from "../db";
import type { UsersTable } from "../schema";

export type UserRow = Omit<Selectable<UsersTable>, "targetPercent">;

export function presentUser(row: UserRow): User {
  return { id: row.id, email: row.email, createdAt: row.createdAt };
}

export async function insertUser(db: Db, row: UserRow): Promise<void> {
  await db.insertInto("users").values(row).execute();
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db.selectFrom("users").selectAll().where("email", "=", email).executeTakeFirst();
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

/**
 * Locks one person's row for the rest of the transaction (PostgreSQL; SQLite's write
 * transactions are already serialized): per-person rules that span rows (an audit must cover
 * every active domain, the domain list's order) hold when requests race.
 */
export async function lockUser(db: Db, id: string): Promise<void> {
  if (dbKind(db) !== "postgres") return;
  await db.selectFrom("users").select("id").where("id", "=", id).forUpdate().execute();
}

export async function updateUser(
  db: Db,
  id: string,
  patch: Partial<Pick<UserRow, "email" | "passwordHash">>,
): Promise<void> {
  await db.updateTable("users").set(patch).where("id", "=", id).execute();
}

/** Every account, oldest first (for `cando user list`). */
export async function listUsers(db: Db): Promise<UserRow[]> {
  return db.selectFrom("users").selectAll().orderBy("createdAt").orderBy("email").execute();
}

/** A new account with the five default life domains, inside the caller's transaction. */
export async function insertUserWithDomains(
  db: Db,
  row: UserRow,
  newId: IdGenerator,
): Promise<void> {
  await insertUser(db, row);
  await db
    .insertInto("domains")
    .values(
      DEFAULT_DOMAINS.map((d, position) => ({
        id: newId(),
        userId: row.id,
        key: d.key,
        name: d.name,
        position,
        archivedAt: null,
        createdAt: row.createdAt,
      })),
    )
    .execute();
}

/** A password hash no password matches: the account is used after setting one by reset link. */
export const NO_PASSWORD = "!no-password";

/** The person's target success rate for advice, as a whole percent (70–90). */
export async function getTargetPercent(db: Db, userId: string): Promise<number> {
  const [row] = await targetOf(db, userId);
  return row?.targetPercent ?? 80;
}

// Compiled once (see fixedQuery): Today and every ladder view ask for it.
const targetOf = fixedQuery((db: Db, userId: string) =>
  db.selectFrom("users").select("targetPercent").where("id", "=", userId),
);

export async function setTargetPercent(db: Db, userId: string, percent: number): Promise<void> {
  await db.updateTable("users").set({ targetPercent: percent }).where("id", "=", userId).execute();
}
