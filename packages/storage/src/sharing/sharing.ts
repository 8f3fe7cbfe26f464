import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db";
import type { GrantsTable, InvitationsTable } from "../schema";

export type InvitationRow = InvitationsTable;
export type GrantRow = GrantsTable;

/** Seven days: time to open a message and sign up, short enough that a lost link goes stale. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** The stored form of an invitation link's token: the database never holds a usable link. */
export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A new random link token (32 bytes); store only `hashInvitationToken(token)`. */
export function newInvitationToken(): string {
  return randomBytes(32).toString("base64url");
}

export async function insertInvitation(db: Db, row: InvitationRow): Promise<void> {
  await db.insertInto("invitations").values(row).execute();
}

export type InvitationWithAcceptor = InvitationRow & { acceptedByEmail: string | null };

/** A person's invitations, newest first, with the email of whoever accepted each. */
export async function listInvitations(
  db: Db,
  userId: string,
  goalId?: string,
): Promise<InvitationWithAcceptor[]> {
  let query = db
    .selectFrom("invitations")
    .leftJoin("users", "users.id", "invitations.acceptedBy")
    .selectAll("invitations")
    .select("users.email as acceptedByEmail")
    .where("invitations.userId", "=", userId);
  if (goalId !== undefined) query = query.where("invitations.goalId", "=", goalId);
  return query.orderBy("invitations.createdAt", "desc").orderBy("invitations.id", "desc").execute();
}

export async function findInvitation(
  db: Db,
  userId: string,
  id: string,
): Promise<InvitationRow | undefined> {
  return db
    .selectFrom("invitations")
    .selectAll()
    .where("userId", "=", userId)
    .where("id", "=", id)
    .executeTakeFirst();
}

/** An invitation that can still be accepted (not used, revoked or expired), by token hash. */
export async function findLiveInvitation(
  db: Db,
  tokenHash: string,
  now: string,
): Promise<InvitationRow | undefined> {
  return db
    .selectFrom("invitations")
    .selectAll()
    .where("tokenHash", "=", tokenHash)
    .where("acceptedAt", "is", null)
    .where("revokedAt", "is", null)
    .where("expiresAt", ">", now)
    .executeTakeFirst();
}

/** Revokes a pending invitation; false when it was already used, revoked or is not theirs. */
export async function revokeInvitation(
  db: Db,
  userId: string,
  id: string,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable("invitations")
    .set({ revokedAt: now })
    .where("userId", "=", userId)
    .where("id", "=", id)
    .where("acceptedAt", "is", null)
    .where("revokedAt", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Uses an invitation once: marks it accepted by this account and returns it, or undefined when it
 * is unknown, used, revoked or expired. The conditional update is the lock: of two concurrent
 * accepts, one wins.
 */
export async function consumeInvitation(
  db: Db,
  tokenHash: string,
  acceptedBy: string,
  now: string,
): Promise<InvitationRow | undefined> {
  const result = await db
    .updateTable("invitations")
    .set({ acceptedAt: now, acceptedBy })
    .where("tokenHash", "=", tokenHash)
    .where("acceptedAt", "is", null)
    .where("revokedAt", "is", null)
    .where("expiresAt", ">", now)
    .where("userId", "!=", acceptedBy)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return undefined;
  return db
    .selectFrom("invitations")
    .selectAll()
    .where("tokenHash", "=", tokenHash)
    .executeTakeFirst();
}

/**
 * Gives this supporter the goal, least-privilege: a new grant, or a revoked one made live again
 * with every optional section switched back off (one grant per goal and supporter).
 */
export async function upsertGrant(db: Db, row: GrantRow): Promise<GrantRow> {
  await db
    .insertInto("grants")
    .values(row)
    .onConflict((oc) =>
      oc.columns(["goalId", "supporterId"]).doUpdateSet({
        role: row.role,
        label: row.label,
        shareDebriefs: 0,
        shareEvidence: 0,
        shareAudits: 0,
        shareReflections: 0,
        updatedAt: row.updatedAt,
        revokedAt: null,
      }),
    )
    .execute();
  return db
    .selectFrom("grants")
    .selectAll()
    .where("goalId", "=", row.goalId)
    .where("supporterId", "=", row.supporterId)
    .executeTakeFirstOrThrow();
}

export async function findGrant(db: Db, userId: string, id: string): Promise<GrantRow | undefined> {
  return db
    .selectFrom("grants")
    .selectAll()
    .where("userId", "=", userId)
    .where("id", "=", id)
    .executeTakeFirst();
}

/** The live grant by which this supporter may read this goal, if any (read on every request). */
export async function findLiveGrant(
  db: Db,
  supporterId: string,
  goalId: string,
): Promise<GrantRow | undefined> {
  return db
    .selectFrom("grants")
    .selectAll()
    .where("supporterId", "=", supporterId)
    .where("goalId", "=", goalId)
    .where("revokedAt", "is", null)
    .executeTakeFirst();
}

export type GrantWithSupporter = GrantRow & { supporterEmail: string };

/** The grants of a person's goal (live and revoked), with each supporter's email. */
export async function listGrantsOfGoal(
  db: Db,
  userId: string,
  goalId: string,
): Promise<GrantWithSupporter[]> {
  return db
    .selectFrom("grants")
    .innerJoin("users", "users.id", "grants.supporterId")
    .selectAll("grants")
    .select("users.email as supporterEmail")
    .where("grants.userId", "=", userId)
    .where("grants.goalId", "=", goalId)
    .orderBy("grants.createdAt")
    .orderBy("grants.id")
    .execute();
}

export type GrantChanges = Partial<
  Pick<
    GrantRow,
    "credibility" | "shareDebriefs" | "shareEvidence" | "shareAudits" | "shareReflections"
  >
>;

export async function updateGrant(
  db: Db,
  userId: string,
  id: string,
  changes: GrantChanges,
  now: string,
): Promise<void> {
  await db
    .updateTable("grants")
    .set({ ...changes, updatedAt: now })
    .where("userId", "=", userId)
    .where("id", "=", id)
    .execute();
}

export async function revokeGrant(db: Db, userId: string, id: string, now: string) {
  await db
    .updateTable("grants")
    .set({ revokedAt: now, updatedAt: now })
    .where("userId", "=", userId)
    .where("id", "=", id)
    .where("revokedAt", "is", null)
    .execute();
}

export interface SharedWithMe {
  grantId: string;
  goalId: string;
  role: string;
  ownerEmail: string;
  statement: string;
  goalStatus: string;
  sharedAt: string;
}

/** Every goal shared with this supporter by a live grant, grouped by person then goal. */
export async function listSharedWith(db: Db, supporterId: string): Promise<SharedWithMe[]> {
  return db
    .selectFrom("grants")
    .innerJoin("goals", "goals.id", "grants.goalId")
    .innerJoin("users", "users.id", "grants.userId")
    .select([
      "grants.id as grantId",
      "grants.goalId",
      "grants.role",
      "users.email as ownerEmail",
      "goals.statement",
      "goals.status as goalStatus",
      "grants.createdAt as sharedAt",
    ])
    .where("grants.supporterId", "=", supporterId)
    .where("grants.revokedAt", "is", null)
    .orderBy("users.email")
    .orderBy("goals.createdAt")
    .orderBy("goals.id")
    .execute();
}

/** Removes a goal's invitations and grants (inside the goal's deletion). */
export async function deleteSharingOfGoal(db: Db, userId: string, goalId: string) {
  await db.deleteFrom("grants").where("userId", "=", userId).where("goalId", "=", goalId).execute();
  await db
    .deleteFrom("invitations")
    .where("userId", "=", userId)
    .where("goalId", "=", goalId)
    .execute();
}

/**
 * The supporter's side of a deleted account: the grants others gave them go, and invitations
 * they accepted no longer name them (the person who invited still sees it was used).
 */
export async function deleteSupporterSide(db: Db, supporterId: string): Promise<void> {
  await db.deleteFrom("grants").where("supporterId", "=", supporterId).execute();
  await db
    .updateTable("invitations")
    .set({ acceptedBy: null })
    .where("acceptedBy", "=", supporterId)
    .execute();
}
