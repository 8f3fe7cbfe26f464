import type { Kysely } from "kysely";

// The person's own target success rate for the adaptive ladder (issue 9), as a whole percent
// 70–90 (default 80), so it is exact on both databases.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("users")
    .addColumn("target_percent", "integer", (c) => c.notNull().defaultTo(80))
    .execute();
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
