import { type Kysely, PostgresAdapter, sql } from "kysely";

// Reads that do not grow with history (issue 15).
// 1. Per-person lists are read by index in their full order (owner, order columns, id), so a page
//    of a list is an index range, and evidence is found by step and goal (milestones, deletes).
// 2. read_versions: a number per person that every write to the inputs of a cached read (attempts,
//    debriefs, audits and their ratings, domains) bumps in the same transaction. Triggers do it, so
//    no write path (imports, corrections, undo, another feature's new one) can forget; a cached
//    read (Insights) is valid while the number it was computed at is current.
const VERSIONED: { table: string; user: (row: "new" | "old") => string }[] = [
  { table: "attempts", user: (r) => `${r}.user_id` },
  { table: "audits", user: (r) => `${r}.user_id` },
  { table: "domains", user: (r) => `${r}.user_id` },
  { table: "debriefs", user: (r) => `(select user_id from attempts where id = ${r}.attempt_id)` },
  {
    table: "audit_ratings",
    user: (r) => `(select user_id from audits where id = ${r}.audit_id)`,
  },
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [name, table, columns] of [
    ["attempts_user_order", "attempts", ["user_id", "attempted_at", "created_at", "id"]],
    ["attempts_goal_order", "attempts", ["goal_id", "attempted_at", "created_at", "id"]],
    ["attempts_step_order", "attempts", ["step_id", "attempted_at", "created_at", "id"]],
    ["evidence_user_order", "evidence", ["user_id", "occurred_on", "created_at", "id"]],
    ["evidence_step", "evidence", ["step_id"]],
    ["evidence_goal", "evidence", ["goal_id"]],
    ["milestones_goal", "milestones", ["goal_id", "achieved_at"]],
    ["audits_user_order", "audits", ["user_id", "taken_at", "id"]],
  ] as const) {
    await db.schema
      .createIndex(name)
      .on(table)
      .columns([...columns])
      .execute();
  }
  // Each is a prefix of one above: one index fewer to write per insert.
  for (const name of [
    "attempts_user",
    "attempts_goal",
    "attempts_step",
    "evidence_user",
    "audits_user_taken_at",
  ]) {
    await db.schema.dropIndex(name).execute();
  }

  await db.schema
    .createTable("read_versions")
    .addColumn("user_id", "text", (c) => c.primaryKey().references("users.id").onDelete("cascade"))
    .addColumn("version", "integer", (c) => c.notNull())
    .execute();

  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`
      create function bump_read_version(uid text) returns void language plpgsql as $$
      begin
        if uid is null then return; end if;
        insert into read_versions (user_id, version) values (uid, 1)
          on conflict (user_id) do update set version = read_versions.version + 1;
      end $$`.execute(db);
    for (const { table, user } of VERSIONED) {
      await sql
        .raw(`
        create function ${table}_read_version() returns trigger language plpgsql as $$
        begin
          if tg_op = 'DELETE' then perform bump_read_version(${user("old")});
          else perform bump_read_version(${user("new")}); end if;
          return null;
        end $$`)
        .execute(db);
      await sql
        .raw(
          `create trigger ${table}_read_version after insert or update or delete on ${table} for each row execute function ${table}_read_version()`,
        )
        .execute(db);
    }
    return;
  }
  for (const { table, user } of VERSIONED) {
    for (const [event, row] of [
      ["insert", "new"],
      ["update", "new"],
      ["delete", "old"],
    ] as const) {
      // A row whose person cannot be found (its parent already gone) bumps nothing: the
      // parent's own delete did.
      await sql
        .raw(`
        create trigger ${table}_read_version_${event} after ${event} on ${table} begin
          insert or ignore into read_versions (user_id, version)
            select ${user(row)}, 0 where ${user(row)} is not null;
          update read_versions set version = version + 1 where user_id = ${user(row)};
        end`)
        .execute(db);
    }
  }
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
