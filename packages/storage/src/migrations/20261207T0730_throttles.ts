import type { Kysely } from "kysely";

// Abuse limits that hold across processes and restarts, server secrets, and an index that keeps
// the purge of expired sessions cheap.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("throttles")
    // `pair:…`, `address:…`, `account:…`, `device:…`, `signup:…` (emails only as hashes)
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("count", "integer", (c) => c.notNull())
    .addColumn("last_at", "text", (c) => c.notNull())
    .addColumn("blocked_until", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("throttles_last_at").on("throttles").column("last_at").execute();

  await db.schema
    .createTable("server_secrets")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema.createIndex("sessions_expires_at").on("sessions").column("expires_at").execute();
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
