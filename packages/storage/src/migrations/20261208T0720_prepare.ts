import { type Kysely, sql } from "kysely";

// Prepare: routines (one default per person, one per goal), the runs of a routine, attempts in
// progress (the "before" part, saved at once), and on attempts when confidence was rated.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("routines")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    // null: the person's default routine.
    .addColumn("goal_id", "text", (c) => c.references("goals.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    // The blocks as JSON, validated by core's RoutineInput on the way in.
    .addColumn("blocks", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("routines_default")
    .on("routines")
    .unique()
    .column("user_id")
    .where(sql.ref("goal_id"), "is", null)
    .execute();
  await db.schema.createIndex("routines_goal").on("routines").unique().column("goal_id").execute();

  await db.schema
    .createTable("routine_runs")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("routine_id", "text", (c) => c.references("routines.id").onDelete("set null"))
    .addColumn("goal_id", "text", (c) => c.references("goals.id").onDelete("cascade"))
    .addColumn("step_id", "text", (c) => c.references("steps.id").onDelete("cascade"))
    // The attempt that followed. No foreign key: an attempt deleted and put back by undo keeps
    // its id, so the link comes back with it; readers treat a missing attempt as none.
    .addColumn("attempt_id", "text")
    .addColumn("started_at", "text", (c) => c.notNull())
    .addColumn("finished_at", "text", (c) => c.notNull())
    .addColumn("duration_seconds", "integer", (c) => c.notNull())
    .addColumn("blocks", "text", (c) => c.notNull())
    .addColumn("blocks_done", "integer", (c) => c.notNull())
    .addColumn("anxiety", "integer")
    .addColumn("energy", "integer")
    .addColumn("sleep_hours", "real")
    .execute();
  // A week's runs (the reflection's sources) are read by person and time.
  await db.schema
    .createIndex("routine_runs_user_finished")
    .on("routine_runs")
    .columns(["user_id", "finished_at"])
    .execute();
  await db.schema
    .createIndex("routine_runs_attempt")
    .on("routine_runs")
    .column("attempt_id")
    .execute();

  await db.schema
    .createTable("attempt_starts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("goal_id", "text", (c) => c.notNull().references("goals.id").onDelete("cascade"))
    .addColumn("step_id", "text", (c) => c.notNull().references("steps.id").onDelete("cascade"))
    .addColumn("idempotency_key", "text")
    .addColumn("confidence_before", "integer")
    .addColumn("anxiety_before", "integer")
    .addColumn("energy_before", "integer")
    .addColumn("sleep_hours", "real")
    .addColumn("routine_run_id", "text", (c) =>
      c.references("routine_runs.id").onDelete("set null"),
    )
    .addColumn("predicted_success", "real")
    .addColumn("started_at", "text", (c) => c.notNull())
    .addUniqueConstraint("attempt_starts_idempotency", ["user_id", "idempotency_key"])
    .execute();
  await db.schema
    .createIndex("attempt_starts_user")
    .on("attempt_starts")
    .columns(["user_id", "started_at"])
    .execute();

  // When confidence was rated: "before" (an attempt started, then finished), "after" (logged in
  // one go). Older rows stay null = unknown: the old form asked "Before you start" but kept
  // nothing until the whole form was sent, so some were rated before and some after.
  await db.schema.alterTable("attempts").addColumn("confidence_rated", "text").execute();
  await db.schema.alterTable("attempts").addColumn("energy_before", "integer").execute();
  await db.schema.alterTable("attempts").addColumn("sleep_hours", "real").execute();
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
