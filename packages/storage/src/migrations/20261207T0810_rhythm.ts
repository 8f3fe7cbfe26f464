import type { Kysely } from "kysely";

// The rhythm: a practice log per goal and day, planned rest days, an optional weekly minutes
// target per goal, each person's rhythm settings (the weekday of the reflection; the time zone is
// account_settings.time_zone), and
// the weekly reflections (one per person and week, named by the week's last day), and the private
// calendar feed (one per person; only the sha256 of its token is stored).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("practice_entries")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("goal_id", "text", (c) => c.notNull().references("goals.id").onDelete("cascade"))
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("minutes", "integer", (c) => c.notNull())
    .addColumn("what", "text", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  // Per-day sums of a goal (heat map, score) and of a person (Today) are read by index.
  await db.schema
    .createIndex("practice_entries_goal_day")
    .on("practice_entries")
    .columns(["goal_id", "day"])
    .execute();
  await db.schema
    .createIndex("practice_entries_user_day")
    .on("practice_entries")
    .columns(["user_id", "day"])
    .execute();

  await db.schema
    .createTable("practice_rest_days")
    .addColumn("goal_id", "text", (c) => c.notNull().references("goals.id").onDelete("cascade"))
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("practice_rest_days_pk", ["goal_id", "day"])
    .execute();

  await db.schema
    .createTable("practice_targets")
    .addColumn("goal_id", "text", (c) => c.primaryKey().references("goals.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("weekly_minutes", "integer", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("rhythm_settings")
    .addColumn("user_id", "text", (c) => c.primaryKey().references("users.id").onDelete("cascade"))
    .addColumn("reflection_weekday", "integer", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("reflections")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("week_end", "text", (c) => c.notNull())
    .addColumn("accomplished", "text", (c) => c.notNull())
    .addColumn("overcame", "text", (c) => c.notNull())
    .addColumn("learned", "text", (c) => c.notNull())
    .addColumn("next_week", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("reflections_week", ["user_id", "week_end"])
    .execute();
  await db.schema
    .createTable("calendar_feeds")
    .addColumn("user_id", "text", (c) => c.primaryKey().references("users.id").onDelete("cascade"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  // Evidence of a week is counted by the day it happened.
  await db.schema
    .createIndex("evidence_user_day")
    .on("evidence")
    .columns(["user_id", "occurred_on"])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
