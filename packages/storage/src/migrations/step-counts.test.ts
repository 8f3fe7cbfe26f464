import { type Migration, Migrator } from "kysely";
import { describe, expect, it } from "vitest";
import { createDb } from "../db";
import { migrateToLatest } from "../migrate";
import {
  buildAttempt,
  buildDomain,
  buildGoal,
  buildStep,
  buildUser,
} from "../test-support/builders";
import { migrations } from "./index";

const MIGRATION = "20261209T0100_step_counts";

describe(`migration ${MIGRATION}`, () => {
  it("backfills each step's attempt and success counts from the history", async () => {
    const db = createDb(":memory:");
    const before = Object.fromEntries(
      Object.entries(migrations).filter(([name]) => name < MIGRATION),
    ) as Record<string, Migration>;
    const migrator = new Migrator({ db, provider: { getMigrations: async () => before } });
    expect((await migrator.migrateToLatest()).error).toBeUndefined();

    const user = buildUser();
    const domain = buildDomain(user.id);
    const goal = buildGoal(user.id, domain.id);
    const steps = [0, 1, 2].map((position) => {
      const {
        attemptCount: _a,
        successCount: _s,
        ...row
      } = buildStep(user.id, goal.id, {
        position,
      });
      return row;
    });
    await db.insertInto("users").values(user).execute();
    await db.insertInto("domains").values(domain).execute();
    await db.insertInto("goals").values(goal).execute();
    await db.insertInto("steps").values(steps).execute();
    const outcomes = [["done", "done", "not_yet"], ["partly"], []] as const;
    for (const [i, list] of outcomes.entries())
      for (const outcome of list)
        await db
          .insertInto("attempts")
          .values(buildAttempt(user.id, goal.id, steps[i]?.id as string, { outcome }))
          .execute();

    await migrateToLatest(db);
    const rows = await db
      .selectFrom("steps")
      .select(["attemptCount", "successCount"])
      .orderBy("position")
      .execute();
    expect(rows).toEqual([
      { attemptCount: 3, successCount: 2 },
      { attemptCount: 1, successCount: 0 },
      { attemptCount: 0, successCount: 0 },
    ]);
    await db.destroy();
  });
});
