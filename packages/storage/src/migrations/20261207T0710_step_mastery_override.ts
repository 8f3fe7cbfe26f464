import { type Kysely, sql } from "kysely";

// The person's mastery override becomes a fact on the step (it lived only inside goals.model,
// the ladder model's JSON, which is now a cache rebuilt from the facts). Existing overrides are
// copied out of the stored models.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("steps").addColumn("mastery_override", "text").execute();

  const goals = await sql<{ model: string }>`select model from goals where model is not null`
    .execute(db)
    .then((r) => r.rows);
  for (const goal of goals) {
    for (const { id, override } of overridesIn(goal.model)) {
      await sql`update steps set mastery_override = ${override} where id = ${id}`.execute(db);
    }
  }
}

/** The overrides in a stored model; a model that does not parse has none to copy. */
function overridesIn(json: string): { id: string; override: string }[] {
  let model: unknown;
  try {
    model = JSON.parse(json);
  } catch {
    return [];
  }
  if (typeof model !== "object" || model === null || !("steps" in model)) return [];
  const steps = model.steps;
  if (!Array.isArray(steps)) return [];
  const out: { id: string; override: string }[] = [];
  for (const step of steps as unknown[]) {
    if (typeof step !== "object" || step === null) continue;
    const { id, override } = step as { id?: unknown; override?: unknown };
    if (typeof id === "string" && (override === "mastered" || override === "unmastered")) {
      out.push({ id, override });
    }
  }
  return out;
}
