import type { Kysely } from "kysely";

// Correcting mistakes: a milestone remembers when what earned it was removed, and deleted facts
// wait a short while in `deletions` so the person can undo (then they are purged).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("milestones").addColumn("basis_removed_at", "text").execute();

  await db.schema
    .createTable("deletions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("payload", "text", (c) => c.notNull()) // JSON of the deleted rows
    .addColumn("deleted_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("deletions_expires_at")
    .on("deletions")
    .column("expires_at")
    .execute();
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
