import { sql } from "kysely";
import type { Db } from "../db";
import type { FeedbackTable, NotificationsTable } from "../schema";

export type FeedbackRow = FeedbackTable;
export type NotificationRow = NotificationsTable;

/**
 * What a piece of feedback may point at, whoever owns it: only to ask the policy (access.ts)
 * whether the caller may see it. Never returned to a caller as such.
 */
export async function findAttemptForFeedback(
  db: Db,
  attemptId: string,
): Promise<{ id: string; userId: string; goalId: string } | undefined> {
  return db
    .selectFrom("attempts")
    .select(["id", "userId", "goalId"])
    .where("id", "=", attemptId)
    .executeTakeFirst();
}

/** As findAttemptForFeedback, for evidence (only evidence of a goal can be shared). */
export async function findEvidenceForFeedback(
  db: Db,
  evidenceId: string,
): Promise<{ id: string; userId: string; goalId: string | null } | undefined> {
  return db
    .selectFrom("evidence")
    .select(["id", "userId", "goalId"])
    .where("id", "=", evidenceId)
    .executeTakeFirst();
}

export async function insertFeedback(db: Db, row: FeedbackRow): Promise<void> {
  await db.insertInto("feedback").values(row).execute();
}

/** Feedback in the account of the person it is about. */
export async function findFeedback(
  db: Db,
  userId: string,
  id: string,
): Promise<FeedbackRow | undefined> {
  return db
    .selectFrom("feedback")
    .selectAll()
    .where("userId", "=", userId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function updateFeedback(
  db: Db,
  userId: string,
  id: string,
  patch: Partial<
    Pick<FeedbackRow, "reply" | "repliedAt" | "hiddenAt" | "savedEvidenceId" | "updatedAt">
  >,
): Promise<void> {
  await db
    .updateTable("feedback")
    .set(patch)
    .where("userId", "=", userId)
    .where("id", "=", id)
    .execute();
}

/** Feedback with what it points at, its author and the grant it was written under. */
export type FeedbackView = FeedbackRow & {
  authorEmail: string;
  grantLabel: string | null;
  role: string | null;
  credibility: number | null;
  stepTitle: string | null;
  outcome: string | null;
  attemptedAt: string | null;
  evidenceTitle: string | null;
  savedEvidenceExists: string | null;
};

/**
 * A goal's feedback, newest first, at most `limit`: all of it for the person it is about, or only
 * one author's. One query, whatever it points at.
 */
export async function listFeedback(
  db: Db,
  filter: {
    userId: string;
    id?: string;
    goalId?: string;
    authorId?: string;
    attemptId?: string;
    evidenceId?: string;
  },
  limit = 200,
): Promise<FeedbackView[]> {
  let query = db
    .selectFrom("feedback as f")
    .innerJoin("users as u", "u.id", "f.authorId")
    .leftJoin("grants as g", "g.id", "f.grantId")
    .leftJoin("attempts as a", "a.id", "f.attemptId")
    .leftJoin("steps as s", "s.id", "a.stepId")
    .leftJoin("evidence as e", "e.id", "f.evidenceId")
    .leftJoin("evidence as saved", "saved.id", "f.savedEvidenceId")
    .selectAll("f")
    .select([
      "u.email as authorEmail",
      "g.label as grantLabel",
      "g.role",
      "g.credibility",
      "s.title as stepTitle",
      "a.outcome",
      "a.attemptedAt",
      "e.title as evidenceTitle",
      "saved.id as savedEvidenceExists",
    ])
    .where("f.userId", "=", filter.userId);
  if (filter.id !== undefined) query = query.where("f.id", "=", filter.id);
  if (filter.goalId !== undefined) query = query.where("f.goalId", "=", filter.goalId);
  if (filter.authorId !== undefined) query = query.where("f.authorId", "=", filter.authorId);
  if (filter.attemptId !== undefined) query = query.where("f.attemptId", "=", filter.attemptId);
  if (filter.evidenceId !== undefined) query = query.where("f.evidenceId", "=", filter.evidenceId);
  return query.orderBy("f.createdAt", "desc").orderBy("f.id", "desc").limit(limit).execute();
}

/**
 * The feedback a person received in [from, to) (instants), with its supporter's credibility for
 * that goal: the week's social persuasion (weigh it with core's `persuasionWeight`).
 */
export async function feedbackReceivedBetween(
  db: Db,
  userId: string,
  from: string,
  to: string,
  limit = 500,
): Promise<{ id: string; body: string; credibility: number | null; hidden: boolean }[]> {
  const rows = await db
    .selectFrom("feedback as f")
    .leftJoin("grants as g", "g.id", "f.grantId")
    .select(["f.id", "f.body", "g.credibility", "f.hiddenAt"])
    .where("f.userId", "=", userId)
    .where("f.createdAt", ">=", from)
    .where("f.createdAt", "<", to)
    .orderBy("f.createdAt")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    body: r.body,
    credibility: r.credibility ?? null,
    hidden: r.hiddenAt !== null,
  }));
}

/** A goal's feedback goes with the goal. */
export async function deleteFeedbackOfGoal(db: Db, userId: string, goalId: string) {
  await db
    .deleteFrom("feedback")
    .where("userId", "=", userId)
    .where("goalId", "=", goalId)
    .execute();
}

/** A deleted account's feedback: what it received, and what it wrote in others' accounts. */
export async function deleteFeedbackOfAccount(db: Db, userId: string) {
  await db.deleteFrom("feedback").where("userId", "=", userId).execute();
  await db.deleteFrom("feedback").where("authorId", "=", userId).execute();
}

export async function insertNotification(db: Db, row: NotificationRow): Promise<void> {
  await db.insertInto("notifications").values(row).execute();
}

/** A person's latest notifications, newest first. */
export async function listNotifications(
  db: Db,
  userId: string,
  limit: number,
): Promise<NotificationRow[]> {
  return db
    .selectFrom("notifications")
    .selectAll()
    .where("userId", "=", userId)
    .orderBy("createdAt", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}

export async function countUnreadNotifications(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom("notifications")
    .select(sql<number>`cast(count(*) as integer)`.as("n"))
    .where("userId", "=", userId)
    .where("readAt", "is", null)
    .executeTakeFirst();
  return row?.n ?? 0;
}

export async function markNotificationsRead(db: Db, userId: string, now: string): Promise<void> {
  await db
    .updateTable("notifications")
    .set({ readAt: now })
    .where("userId", "=", userId)
    .where("readAt", "is", null)
    .execute();
}
