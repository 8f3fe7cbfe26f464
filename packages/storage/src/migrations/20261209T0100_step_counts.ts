import { type Kysely, PostgresAdapter, sql } from "kysely";

// Each step's attempt and success counts, maintained instead of counted (issue 15): the ladder
// view read them with a GROUP BY over every attempt of the goal, a cost that grew with history.
// Triggers on `attempts` keep them in the writing transaction, so no write path (logging, a
// finished two-phase attempt, corrections, undo, import, goal deletion) can forget; a step's own
// insert counts the attempts already pointing at it (none, unless foreign keys were off), so a
// caller cannot seed wrong numbers. `cando doctor` compares them with a recount and repairs.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("steps")
    .addColumn("attempt_count", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable("steps")
    .addColumn("success_count", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  // Backfill from the history (the attempts_step_order index answers each step).
  await sql`
    update steps set
      attempt_count = (select count(*) from attempts a where a.step_id = steps.id),
      success_count = (select count(*) from attempts a where a.step_id = steps.id and a.outcome = 'done')
  `.execute(db);

  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`
      create function attempts_step_counts() returns trigger language plpgsql as $$
      begin
        if tg_op in ('DELETE', 'UPDATE') then
          update steps set attempt_count = attempt_count - 1,
            success_count = success_count - (case when old.outcome = 'done' then 1 else 0 end)
          where id = old.step_id;
        end if;
        if tg_op in ('INSERT', 'UPDATE') then
          update steps set attempt_count = attempt_count + 1,
            success_count = success_count + (case when new.outcome = 'done' then 1 else 0 end)
          where id = new.step_id;
        end if;
        return null;
      end $$`.execute(db);
    await sql`
      create trigger attempts_step_counts after insert or delete on attempts
      for each row execute function attempts_step_counts()`.execute(db);
    await sql`
      create trigger attempts_step_counts_update after update of step_id, outcome on attempts
      for each row when (old.step_id is distinct from new.step_id or old.outcome is distinct from new.outcome)
      execute function attempts_step_counts()`.execute(db);
    await sql`
      create function steps_initial_counts() returns trigger language plpgsql as $$
      begin
        new.attempt_count := (select count(*) from attempts where step_id = new.id);
        new.success_count := (select count(*) from attempts where step_id = new.id and outcome = 'done');
        return new;
      end $$`.execute(db);
    await sql`
      create trigger steps_initial_counts before insert on steps
      for each row execute function steps_initial_counts()`.execute(db);
    return;
  }
  const minus = sql.raw(`
    update steps set attempt_count = attempt_count - 1,
      success_count = success_count - (old.outcome = 'done')
    where id = old.step_id;`);
  const plus = sql.raw(`
    update steps set attempt_count = attempt_count + 1,
      success_count = success_count + (new.outcome = 'done')
    where id = new.step_id;`);
  await sql`create trigger attempts_step_counts_insert after insert on attempts begin ${plus} end`.execute(
    db,
  );
  await sql`create trigger attempts_step_counts_delete after delete on attempts begin ${minus} end`.execute(
    db,
  );
  await sql`
    create trigger attempts_step_counts_update after update of step_id, outcome on attempts
    when old.step_id is not new.step_id or old.outcome is not new.outcome
    begin ${minus} ${plus} end`.execute(db);
  await sql`
    create trigger steps_initial_counts after insert on steps begin
      update steps set
        attempt_count = (select count(*) from attempts where step_id = new.id),
        success_count = (select count(*) from attempts where step_id = new.id and outcome = 'done')
      where id = new.id;
    end`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
