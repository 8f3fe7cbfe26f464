import type { Kysely } from "kysely";

// The rhythm, finished: the last 30-day plan of each goal (to say what moved when it re-plans),
// the person's own reminder times, and evidence kept from a reflection linked to that reflection.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("plan_snapshots")
    .addColumn("goal_id", "text", (c) => c.primaryKey().references("goals.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("start_day", "text", (c) => c.notNull())
    // JSON: the plan, each step's planned date when it was made, what moved at the last re-plan.
    .addColumn("plan", "text", (c) => c.notNull())
    .addColumn("planned", "text", (c) => c.notNull())
    .addColumn("changes", "text", (c) => c.notNull())
    .addColumn("changed_at", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  // Local wall-clock times "HH:MM"; null keeps the defaults (18:00 practice, 18:30 reflection).
  await db.schema.alterTable("rhythm_settings").addColumn("practice_time", "text").execute();
  await db.schema.alterTable("rhythm_settings").addColumn("reflection_time", "text").execute();

  await db.schema
    .alterTable("evidence")
    .addColumn("reflection_id", "text", (c) => c.references("reflections.id").onDelete("set null"))
    .execute();
  await db.schema
    .createIndex("evidence_reflection")
    .on("evidence")
    .column("reflection_id")
    .execute();
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
