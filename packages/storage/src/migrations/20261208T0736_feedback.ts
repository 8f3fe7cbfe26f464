import type { Kysely } from "kysely";

// Supporters' feedback on an attempt or a piece of evidence they can see, kept in the account of
// the person it is about (user_id), and in-app notifications (new feedback, invitation accepted,
// grant revoked). attempt_id and evidence_id are plain ids, not references: an attempt deleted
// and put back by undo keeps its id, and its feedback finds it again.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("feedback")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("goal_id", "text", (c) => c.notNull().references("goals.id").onDelete("cascade"))
    .addColumn("author_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("grant_id", "text", (c) => c.notNull())
    .addColumn("attempt_id", "text")
    .addColumn("evidence_id", "text")
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("reply", "text", (c) => c.notNull())
    .addColumn("replied_at", "text")
    .addColumn("hidden_at", "text")
    .addColumn("saved_evidence_id", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("feedback_user_created")
    .on("feedback")
    .columns(["user_id", "created_at"])
    .execute();
  await db.schema.createIndex("feedback_goal").on("feedback").column("goal_id").execute();
  await db.schema.createIndex("feedback_author").on("feedback").column("author_id").execute();

  await db.schema
    .createTable("notifications")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("href", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("read_at", "text")
    .execute();
  await db.schema
    .createIndex("notifications_user_created")
    .on("notifications")
    .columns(["user_id", "created_at"])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
