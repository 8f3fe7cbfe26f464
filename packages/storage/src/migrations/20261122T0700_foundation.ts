import { type Kysely, sql } from "kysely";

// Accounts, sessions, life domains and the efficacy audit.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("users")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("last_seen_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sessions_user_id").on("sessions").column("user_id").execute();

  await db.schema
    .createTable("domains")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("key", "text")
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("archived_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("domains_user_key", ["user_id", "key"])
    .execute();
  await db.schema
    .createIndex("domains_user_position")
    .on("domains")
    .columns(["user_id", "position"])
    .execute();

  await db.schema
    .createTable("audits")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("taken_at", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .execute();
  await db.schema
    .createIndex("audits_user_taken_at")
    .on("audits")
    .columns(["user_id", "taken_at"])
    .execute();

  await db.schema
    .createTable("audit_ratings")
    .addColumn("audit_id", "text", (c) => c.notNull().references("audits.id").onDelete("cascade"))
    .addColumn("domain_id", "text", (c) => c.notNull().references("domains.id"))
    .addColumn("rating", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("audit_ratings_pk", ["audit_id", "domain_id"])
    .addCheckConstraint(
      "audit_ratings_rating_scale",
      sql`rating >= 0 and rating <= 100 and rating % 10 = 0`,
    )
    .execute();
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
