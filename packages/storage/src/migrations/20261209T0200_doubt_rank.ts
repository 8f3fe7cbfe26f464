import { type Kysely, sql } from "kysely";

// Doubt ranks evidence by index (issue 15): core's `rankEvidenceForDoubt` order within each
// closeness (same step, same goal, same domain, everything) is an index range, so the five most
// relevant pieces are read as four LIMIT 5 ranges instead of sorting the whole journal.
// The step and goal indexes replace the single-column ones (a prefix of each): one index fewer
// to write per insert.
const RANK = "coalesce(effort, 0) desc, ownership desc, occurred_on desc, created_at desc, id";

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [name, column] of [
    ["evidence_doubt_user", "user_id"],
    ["evidence_doubt_domain", "domain_id"],
    ["evidence_doubt_goal", "goal_id"],
    ["evidence_doubt_step", "step_id"],
  ] as const) {
    await db.schema
      .createIndex(name)
      .on("evidence")
      .expression(sql.raw(`${column}, ${RANK}`))
      .execute();
  }
  await db.schema.dropIndex("evidence_step").execute();
  await db.schema.dropIndex("evidence_goal").execute();
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
