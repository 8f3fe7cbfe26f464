import type { Kysely } from "kysely";

// Goals with their ladder model, steps and their confidence history, attempts, debriefs,
// evidence and milestones: the core loop.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("goals")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("domain_id", "text", (c) => c.notNull().references("domains.id"))
    .addColumn("statement", "text", (c) => c.notNull())
    .addColumn("outcome", "text", (c) => c.notNull())
    .addColumn("context", "text", (c) => c.notNull())
    .addColumn("target_date", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("model", "text") // the engine's ladder model as JSON; null until the ladder has steps
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("reached_at", "text")
    .execute();
  await db.schema.createIndex("goals_user").on("goals").columns(["user_id", "status"]).execute();

  await db.schema
    .createTable("steps")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("goal_id", "text", (c) => c.notNull().references("goals.id").onDelete("cascade"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("confidence", "integer")
    .addColumn("planned_date", "text")
    .addColumn("archived_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("steps_goal").on("steps").columns(["goal_id", "position"]).execute();

  await db.schema
    .createTable("step_ratings")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("step_id", "text", (c) => c.notNull().references("steps.id").onDelete("cascade"))
    .addColumn("confidence", "integer", (c) => c.notNull())
    .addColumn("rated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("step_ratings_step")
    .on("step_ratings")
    .columns(["step_id", "rated_at"])
    .execute();

  await db.schema
    .createTable("attempts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("goal_id", "text", (c) => c.notNull().references("goals.id").onDelete("cascade"))
    .addColumn("step_id", "text", (c) => c.notNull().references("steps.id"))
    .addColumn("idempotency_key", "text")
    .addColumn("attempted_at", "text", (c) => c.notNull())
    .addColumn("confidence_before", "integer")
    .addColumn("anxiety_before", "integer")
    .addColumn("outcome", "text", (c) => c.notNull())
    .addColumn("effort", "integer", (c) => c.notNull())
    .addColumn("difficulty", "integer", (c) => c.notNull())
    .addColumn("anxiety_after", "integer")
    .addColumn("minutes", "integer")
    .addColumn("note", "text", (c) => c.notNull())
    .addColumn("predicted_success", "real")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("attempts_idempotency", ["user_id", "idempotency_key"])
    .execute();
  await db.schema
    .createIndex("attempts_step")
    .on("attempts")
    .columns(["step_id", "attempted_at"])
    .execute();
  await db.schema
    .createIndex("attempts_user")
    .on("attempts")
    .columns(["user_id", "attempted_at"])
    .execute();

  await db.schema
    .createTable("debriefs")
    .addColumn("attempt_id", "text", (c) =>
      c.primaryKey().references("attempts.id").onDelete("cascade"),
    )
    .addColumn("did_well", "text", (c) => c.notNull())
    .addColumn("capability", "text", (c) => c.notNull())
    .addColumn("differently", "text", (c) => c.notNull())
    .addColumn("effort", "integer", (c) => c.notNull())
    .addColumn("strategy", "integer", (c) => c.notNull())
    .addColumn("ability", "integer", (c) => c.notNull())
    .addColumn("luck", "integer", (c) => c.notNull())
    .addColumn("help", "integer", (c) => c.notNull())
    .addColumn("easy", "integer", (c) => c.notNull())
    .addColumn("reattribution", "text", (c) => c.notNull())
    .addColumn("dismissed_flags", "text", (c) => c.notNull()) // JSON array
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("evidence")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("attempt_id", "text", (c) =>
      c.unique().references("attempts.id").onDelete("set null"),
    )
    .addColumn("domain_id", "text", (c) => c.notNull().references("domains.id"))
    .addColumn("goal_id", "text", (c) => c.references("goals.id").onDelete("set null"))
    .addColumn("step_id", "text", (c) => c.references("steps.id").onDelete("set null"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("occurred_on", "text", (c) => c.notNull())
    .addColumn("ownership", "integer", (c) => c.notNull())
    .addColumn("effort", "integer")
    .addColumn("reattribution", "text") // JSON of the imposter exercise
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("evidence_user")
    .on("evidence")
    .columns(["user_id", "occurred_on"])
    .execute();

  await db.schema
    .createTable("milestones")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("goal_id", "text", (c) => c.notNull().references("goals.id").onDelete("cascade"))
    .addColumn("step_id", "text", (c) => c.references("steps.id").onDelete("set null"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("evidence_ids", "text", (c) => c.notNull()) // JSON array
    .addColumn("achieved_at", "text", (c) => c.notNull())
    .addColumn("seen_at", "text")
    .execute();
  await db.schema
    .createIndex("milestones_user")
    .on("milestones")
    .columns(["user_id", "achieved_at"])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
