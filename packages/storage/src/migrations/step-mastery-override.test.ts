import { type Migration, Migrator } from "kysely";
import { describe, expect, it } from "vitest";
import { createDb } from "../db";
import { migrateToLatest } from "../migrate";
import { buildDomain, buildGoal, buildStep, buildUser } from "../test-support/builders";
import { migrations } from "./index";

const MIGRATION = "20261207T0710_step_mastery_override";

describe(`migration ${MIGRATION}`, () => {
  it("copies the overrides out of the stored ladder models onto the steps", async () => {
    const db = createDb(":memory:");
    const before = Object.fromEntries(
      Object.entries(migrations).filter(([name]) => name < MIGRATION),
    ) as Record<string, Migration>;
    const migrator = new Migrator({ db, provider: { getMigrations: async () => before } });
    expect((await migrator.migrateToLatest()).error).toBeUndefined();

    const user = buildUser();
    const domain = buildDomain(user.id);
    const goal = buildGoal(user.id, domain.id);
    const broken = buildGoal(user.id, domain.id, { model: "{not json" });
    const steps = ["mastered", "unmastered", null].map((_, i) => {
      // Without the columns later migrations add (the override, the maintained counts).
      const {
        masteryOverride: _ignored,
        attemptCount: _a,
        successCount: _s,
        ...row
      } = buildStep(user.id, goal.id, { position: i });
      return row;
    });
    const model = {
      version: 1,
      steps: steps.map((s, i) => ({
        id: s.id,
        override: ["mastered", "unmastered", null][i],
      })),
    };
    // Inserted without the new column: the schema is the one before the migration.
    await db.insertInto("users").values(user).execute();
    await db.insertInto("domains").values(domain).execute();
    await db
      .insertInto("goals")
      .values([{ ...goal, model: JSON.stringify(model) }, broken])
      .execute();
    for (const s of steps) await db.insertInto("steps").values(s).execute();

    await migrateToLatest(db);
    const rows = await db
      .selectFrom("steps")
      .select(["id", "masteryOverride"])
      .orderBy("position")
      .execute();
    expect(rows.map((r) => r.masteryOverride)).toEqual(["mastered", "unmastered", null]);
    await db.destroy();
  });
});
