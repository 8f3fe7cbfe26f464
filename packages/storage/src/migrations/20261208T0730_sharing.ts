import type { Kysely } from "kysely";

// Supporters and coaches. A person invites someone to one goal by a single-use link (only the
// sha256 of its token is stored; 7 days; revocable before use). Accepting makes a grant: one
// supporter or coach on one goal, least-privilege by default (goal, ladder, outcomes, next step;
// debriefs, evidence, audits and reflections each off until the person switches them on), with
// the person's rating of that supporter's credibility for this goal. Both belong to the person
// who shares (user_id); a revoked grant keeps its row (revoked_at) so the person sees the history.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("invitations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("goal_id", "text", (c) => c.notNull().references("goals.id").onDelete("cascade"))
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("revoked_at", "text")
    .addColumn("accepted_at", "text")
    .addColumn("accepted_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .execute();
  await db.schema.createIndex("invitations_user").on("invitations").column("user_id").execute();

  await db.schema
    .createTable("grants")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("goal_id", "text", (c) => c.notNull().references("goals.id").onDelete("cascade"))
    .addColumn("supporter_id", "text", (c) =>
      c.notNull().references("users.id").onDelete("cascade"),
    )
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("credibility", "integer")
    .addColumn("share_debriefs", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("share_evidence", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("share_audits", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("share_reflections", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("revoked_at", "text")
    .addUniqueConstraint("grants_goal_supporter", ["goal_id", "supporter_id"])
    .execute();
  // A supporter's "shared with me" and every policy check look grants up by supporter.
  await db.schema
    .createIndex("grants_supporter")
    .on("grants")
    .columns(["supporter_id", "goal_id"])
    .execute();
  await db.schema.createIndex("grants_user").on("grants").column("user_id").execute();
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
