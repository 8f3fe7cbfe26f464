import { sql } from "kysely";
import type { Db } from "../db";
import { deleteFeedbackOfAccount } from "../feedback/feedback";
import type { Database } from "../schema";
import { deleteSupporterSide } from "../sharing/sharing";

/**
 * Tables of the server itself, not of any person: nothing in them is exported or counted as a
 * person's, and each says why.
 */
export const SERVER_TABLES = {
  throttles: "counters of failed log-ins and sign-ups per address or account, kept a short while",
  serverSecrets: "keys the server makes once (device cookies), shared by every process",
} as const;

/** A table whose rows belong to a person. */
export type TableName = Exclude<keyof Database & string, keyof typeof SERVER_TABLES>;

/**
 * How each table's rows belong to a person: by its own user_id, or through a parent row.
 * Deleting an account, counting a person's rows and the export's completeness test all read
 * this one list. A new table must be added here (a test fails until it is).
 */
export const OWNERSHIP: Record<
  TableName,
  { column: "id" | "userId" } | { through: TableName; key: string; parentKey: string }
> = {
  users: { column: "id" },
  sessions: { column: "userId" },
  accountSettings: { column: "userId" },
  passwordResets: { column: "userId" },
  domains: { column: "userId" },
  audits: { column: "userId" },
  auditRatings: { through: "audits", key: "audit_id", parentKey: "id" },
  goals: { column: "userId" },
  steps: { column: "userId" },
  stepRatings: { through: "steps", key: "step_id", parentKey: "id" },
  attempts: { column: "userId" },
  debriefs: { through: "attempts", key: "attempt_id", parentKey: "id" },
  evidence: { column: "userId" },
  milestones: { column: "userId" },
  deletions: { column: "userId" },
  practiceEntries: { column: "userId" },
  practiceRestDays: { column: "userId" },
  practiceTargets: { column: "userId" },
  rhythmSettings: { column: "userId" },
  reflections: { column: "userId" },
  calendarFeeds: { column: "userId" },
  readVersions: { column: "userId" },
  planSnapshots: { column: "userId" },
  roleModels: { column: "userId" },
  roleModelSteps: { column: "userId" },
  // The person who shares owns both; the supporter's side goes with their account too
  // (deleteSupporterSide).
  invitations: { column: "userId" },
  grants: { column: "userId" },
  routines: { column: "userId" },
  routineRuns: { column: "userId" },
  attemptStarts: { column: "userId" },
  // Feedback is kept in the account it is about; its author's account takes it too on deletion.
  feedback: { column: "userId" },
  notifications: { column: "userId" },
};

/**
 * Tables a person owns that the export leaves out, and why. Everything else they own is in it.
 */
export const NOT_EXPORTED: Partial<Record<TableName, string>> = {
  users: "the account itself: its email and creation time are the export's `account`",
  sessions: "log-in credentials, not data",
  passwordResets: "one-time log-in links, not data",
  accountSettings: "exported as the export's `account` (time zone, first day of the week)",
  deletions: "what the person deleted, kept briefly so it can be undone; not part of their data",
  calendarFeeds:
    "the private calendar address is a secret (only its hash is stored); make a new one after an import",
  readVersions: "when the person's cached reads were computed; any write after an import bumps it",
  rhythmSettings:
    "exported as the export's `account` (the weekday and times of the weekly reflection and practice)",
  planSnapshots:
    "derived: the last 30-day plan, kept only to say what moved; rebuilt from the ladder on the next view",
  invitations:
    "single-use links to this server (only their hash is stored); they mean nothing elsewhere",
  grants:
    "permissions given to other accounts on this server; those people are not in the file — share again after an import",
  feedback:
    "written by supporters under their own accounts on this server; what the person keeps of it is saved as evidence, which is exported",
  notifications: "passing alerts of this server (new feedback, invitation accepted, grant revoked)",
};

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The database's name for one of our tables (`auditRatings` → `audit_ratings`). */
export const sqlTableName = snake;

/** How many rows of each table belong to this person. */
export async function countRowsOf(db: Db, userId: string): Promise<Record<TableName, number>> {
  const counts = {} as Record<TableName, number>;
  for (const [table, owner] of Object.entries(OWNERSHIP) as [
    TableName,
    (typeof OWNERSHIP)[TableName],
  ][]) {
    const query =
      "column" in owner
        ? sql<{ n: number | string }>`select count(*) as n from ${sql.table(snake(table))}
            where ${sql.ref(snake(owner.column))} = ${userId}`
        : sql<{ n: number | string }>`select count(*) as n from ${sql.table(snake(table))} t
            join ${sql.table(snake(owner.through))} p on p.${sql.ref(owner.parentKey)} = t.${sql.ref(owner.key)}
            where p.user_id = ${userId}`;
    const { rows } = await query.execute(db);
    counts[table] = Number(rows[0]?.n ?? 0);
  }
  return counts;
}

/**
 * Removes a person and everything they own, children before parents, inside the caller's
 * transaction (explicit rather than left to ON DELETE CASCADE, which not every reference has).
 */
export async function deleteAccountData(db: Db, userId: string): Promise<void> {
  const attempts = db.selectFrom("attempts").select("id").where("userId", "=", userId);
  const steps = db.selectFrom("steps").select("id").where("userId", "=", userId);
  const audits = db.selectFrom("audits").select("id").where("userId", "=", userId);
  await deleteFeedbackOfAccount(db, userId);
  await db.deleteFrom("notifications").where("userId", "=", userId).execute();
  await deleteSupporterSide(db, userId);
  await db.deleteFrom("grants").where("userId", "=", userId).execute();
  await db.deleteFrom("invitations").where("userId", "=", userId).execute();
  await db.deleteFrom("deletions").where("userId", "=", userId).execute();
  await db.deleteFrom("roleModelSteps").where("userId", "=", userId).execute();
  await db.deleteFrom("roleModels").where("userId", "=", userId).execute();
  await db.deleteFrom("calendarFeeds").where("userId", "=", userId).execute();
  await db.deleteFrom("planSnapshots").where("userId", "=", userId).execute();
  await db.deleteFrom("reflections").where("userId", "=", userId).execute();
  await db.deleteFrom("rhythmSettings").where("userId", "=", userId).execute();
  await db.deleteFrom("practiceTargets").where("userId", "=", userId).execute();
  await db.deleteFrom("practiceRestDays").where("userId", "=", userId).execute();
  await db.deleteFrom("practiceEntries").where("userId", "=", userId).execute();
  await db.deleteFrom("attemptStarts").where("userId", "=", userId).execute();
  await db.deleteFrom("routineRuns").where("userId", "=", userId).execute();
  await db.deleteFrom("routines").where("userId", "=", userId).execute();
  await db.deleteFrom("milestones").where("userId", "=", userId).execute();
  await db.deleteFrom("evidence").where("userId", "=", userId).execute();
  await db.deleteFrom("debriefs").where("attemptId", "in", attempts).execute();
  await db.deleteFrom("attempts").where("userId", "=", userId).execute();
  await db.deleteFrom("stepRatings").where("stepId", "in", steps).execute();
  await db.deleteFrom("steps").where("userId", "=", userId).execute();
  await db.deleteFrom("goals").where("userId", "=", userId).execute();
  await db.deleteFrom("auditRatings").where("auditId", "in", audits).execute();
  await db.deleteFrom("audits").where("userId", "=", userId).execute();
  await db.deleteFrom("domains").where("userId", "=", userId).execute();
  await db.deleteFrom("sessions").where("userId", "=", userId).execute();
  await db.deleteFrom("passwordResets").where("userId", "=", userId).execute();
  await db.deleteFrom("accountSettings").where("userId", "=", userId).execute();
  // Last but the person: the deletes above bump it (triggers).
  await db.deleteFrom("readVersions").where("userId", "=", userId).execute();
  await db.deleteFrom("users").where("id", "=", userId).execute();
}
