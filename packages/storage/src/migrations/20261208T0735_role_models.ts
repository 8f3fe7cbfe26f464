import type { Kysely } from "kysely";

// Role models (vicarious experience): the people a person learns from, how similar their start
// was, and what they did, each step optionally linked to a step of the person's ladder.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("role_models")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("relation", "text", (c) => c.notNull())
    .addColumn("similarity", "integer", (c) => c.notNull())
    .addColumn("ahead", "text", (c) => c.notNull())
    .addColumn("known_from", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("role_models_user")
    .on("role_models")
    .columns(["user_id", "updated_at"])
    .execute();

  await db.schema
    .createTable("role_model_steps")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("role_model_id", "text", (c) =>
      c.notNull().references("role_models.id").onDelete("cascade"),
    )
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("what", "text", (c) => c.notNull())
    .addColumn("timing", "text", (c) => c.notNull())
    // A deleted goal takes its steps; the role model's step stays, unlinked.
    .addColumn("step_id", "text", (c) => c.references("steps.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("role_model_steps_role_model")
    .on("role_model_steps")
    .column("role_model_id")
    .execute();
  await db.schema
    .createIndex("role_model_steps_step")
    .on("role_model_steps")
    .column("step_id")
    .execute();
  await db.schema
    .createIndex("role_model_steps_user")
    .on("role_model_steps")
    .columns(["user_id", "updated_at"])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
