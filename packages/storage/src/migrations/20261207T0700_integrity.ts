import { type Kysely, sql } from "kysely";

// Integrity under concurrent writes: an active domain name is unique per person, whatever the
// case, stated by a unique index so two racing requests cannot both pass the check; and the
// attempts of a goal are found by index (the ladder model is replayed from them).
export async function up(db: Kysely<unknown>): Promise<void> {
  // Earlier races may have left duplicates: keep the oldest, suffix the others " (2)", " (3)"…
  const rows = await sql<{ id: string; user_id: string; name: string }>`
    select id, user_id, name from domains where archived_at is null
    order by user_id, created_at, id`.execute(db);
  const seen = new Map<string, number>();
  const taken = new Set(rows.rows.map((r) => `${r.user_id}\u0001${r.name.toLowerCase()}`));
  for (const row of rows.rows) {
    const key = `${row.user_id}\u0001${row.name.toLowerCase()}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    if (n === 1) continue;
    let suffix = n;
    let name = `${row.name} (${suffix})`;
    while (taken.has(`${row.user_id}\u0001${name.toLowerCase()}`))
      name = `${row.name} (${++suffix})`;
    taken.add(`${row.user_id}\u0001${name.toLowerCase()}`);
    await sql`update domains set name = ${name} where id = ${row.id}`.execute(db);
  }
  await db.schema
    .createIndex("domains_active_name")
    .on("domains")
    .unique()
    .expression(sql`user_id, lower(name)`)
    .where(sql.ref("archived_at"), "is", null)
    .execute();
  await db.schema
    .createIndex("attempts_goal")
    .on("attempts")
    .columns(["goal_id", "attempted_at"])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
