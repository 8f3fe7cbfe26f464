import type { Kysely } from "kysely";

// Account settings (time zone, first day of the week), the device a session was started on,
// and one-time password-reset links.
export async function up(db: Kysely<unknown>): Promise<void> {
  // What the person sees in their list of sessions (the browser's User-Agent, shortened).
  await db.schema.alterTable("sessions").addColumn("device", "text").execute();

  // One row per person, created on first change; a missing row means the defaults.
  await db.schema
    .createTable("account_settings")
    .addColumn("user_id", "text", (c) => c.primaryKey().references("users.id").onDelete("cascade"))
    .addColumn("time_zone", "text") // IANA name; null = the browser's
    .addColumn("week_starts_on", "integer") // 0 = Sunday … 6 = Saturday; null = Monday
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("password_resets")
    .addColumn("id", "text", (c) => c.primaryKey()) // sha256 of the link's token
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .execute();
  await db.schema
    .createIndex("password_resets_user")
    .on("password_resets")
    .column("user_id")
    .execute();
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
