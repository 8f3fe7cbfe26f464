import { type Kysely, PostgresAdapter, sql } from "kysely";

// Today's page is cached like Insights (issue 15): it is valid while the person's read version is
// the one it was computed at. So every table Today's page shows now bumps the read version too —
// goals and their steps, milestones and the evidence they cite, the rhythm (settings, practice,
// rest days, weekly targets, reflections), attempts in progress, the account's time zone and the
// target success rate — by triggers, in the writing transaction, as 20261208T0700_read_paths does.
const VERSIONED = [
  "goals",
  "steps",
  "milestones",
  "evidence",
  "rhythm_settings",
  "account_settings",
  "practice_entries",
  "practice_rest_days",
  "practice_targets",
  "reflections",
  "attempt_starts",
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    // Once per transaction and person (replacing 20261208T0700_read_paths's): a bulk write (an
    // import, a seed) would otherwise update the same row once per row written, and each update
    // walks the row's chain of versions made earlier in the transaction: quadratic. The flag is
    // transaction-local and a rolled-back savepoint takes it back with the bump.
    await sql`
      create or replace function bump_read_version(uid text) returns void language plpgsql as $$
      declare flag text;
      begin
        if uid is null then return; end if;
        flag := 'cando.read_version_' || md5(uid);
        if current_setting(flag, true) = 'bumped' then return; end if;
        perform set_config(flag, 'bumped', true);
        insert into read_versions (user_id, version) values (uid, 1)
          on conflict (user_id) do update set version = read_versions.version + 1;
      end $$`.execute(db);
    await sql`
      create function user_row_read_version() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' then perform bump_read_version(old.user_id);
        else perform bump_read_version(new.user_id); end if;
        return null;
      end $$`.execute(db);
    for (const table of VERSIONED) {
      await sql
        .raw(
          `create trigger ${table}_read_version after insert or update or delete on ${table} for each row execute function user_row_read_version()`,
        )
        .execute(db);
    }
    // Only the target success rate of the account row is shown; a new password is not.
    await sql`
      create function users_read_version() returns trigger language plpgsql as $$
      begin
        perform bump_read_version(new.id);
        return null;
      end $$`.execute(db);
    await sql`
      create trigger users_read_version after update of target_percent on users for each row
      when (old.target_percent is distinct from new.target_percent)
      execute function users_read_version()`.execute(db);
    return;
  }
  // Not "insert or ignore": inside a trigger the outer statement's conflict policy wins, and the
  // rhythm's rows, reflections and targets are written by upserts (ABORT on any other conflict).
  const bump = (user: string) => `
    insert into read_versions (user_id, version) select ${user}, 0
      where not exists (select 1 from read_versions where user_id = ${user});
    update read_versions set version = version + 1 where user_id = ${user};`;
  for (const table of VERSIONED) {
    for (const [event, row] of [
      ["insert", "new"],
      ["update", "new"],
      ["delete", "old"],
    ] as const) {
      await sql
        .raw(
          `create trigger ${table}_read_version_${event} after ${event} on ${table} begin ${bump(`${row}.user_id`)} end`,
        )
        .execute(db);
    }
  }
  await sql
    .raw(
      `create trigger users_read_version_update after update of target_percent on users
       when old.target_percent is not new.target_percent begin ${bump("new.id")} end`,
    )
    .execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
