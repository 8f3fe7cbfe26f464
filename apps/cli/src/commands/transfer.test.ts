import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ExportFile } from "@cando/core";
import {
  createDb,
  type Db,
  insertAttempt,
  insertAudit,
  insertGoal,
  insertSteps,
  insertUserWithDomains,
  listDomains,
  migrateToLatest,
  NO_PASSWORD,
} from "@cando/storage";
import { buildAttempt, buildGoal, buildStep } from "@cando/storage/test-support";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { runCli } from "../program";
import { testContext, useTempDir } from "../test-support";

let ids = 0;
const newId = () => `seed-${++ids}`;

/** Ada with an audit, a goal, a two-step ladder and two attempts, in a new SQLite file. */
async function seeded(url: string): Promise<void> {
  const db: Db = createDb(url);
  await migrateToLatest(db);
  const createdAt = "2026-11-01T09:00:00.000Z";
  await insertUserWithDomains(
    db,
    { id: "ada", email: "ada@example.test", passwordHash: NO_PASSWORD, createdAt },
    newId,
  );
  const domains = await listDomains(db, "ada");
  await insertAudit(db, {
    id: "audit-1",
    userId: "ada",
    takenAt: "2026-11-02T09:00:00.000Z",
    note: null,
    ratings: domains.map((d) => ({ domainId: d.id, rating: 50 })),
  });
  const goal = buildGoal("ada", domains[0]?.id as string, { createdAt });
  await insertGoal(db, goal);
  const steps = [
    buildStep("ada", goal.id, { position: 0, title: "Say one thing", confidence: 80 }),
    buildStep("ada", goal.id, { position: 1, title: "Talk for five minutes", confidence: 40 }),
  ];
  await insertSteps(db, steps);
  for (const [i, outcome] of ["done", "partly"].entries()) {
    await insertAttempt(
      db,
      buildAttempt("ada", goal.id, steps[0]?.id as string, {
        outcome,
        attemptedAt: `2026-11-0${3 + i}T09:00:00.000Z`,
        createdAt: `2026-11-0${3 + i}T09:00:00.000Z`,
      }),
    );
  }
  await db.destroy();
}

describe("cando export and cando import", () => {
  const tempDir = useTempDir();

  it("exports everything to a private JSON file or a CSV zip, and imports it into another account", async () => {
    const url = join(tempDir(), "cando.sqlite");
    await seeded(url);
    const run = async (argv: string[]) => {
      const t = testContext(url, tempDir());
      const code = await runCli(argv, t.ctx);
      return { code, out: t.stdout.text, err: t.stderr.text };
    };

    const toStdout = await run(["export", "--email", "ada@example.test"]);
    expect(toStdout.code).toBe(0);
    const file = JSON.parse(toStdout.out) as ExportFile;
    expect(file).toMatchObject({ format: "cando-export", version: 2 });
    expect([file.goals.length, file.steps.length, file.attempts.length]).toEqual([1, 2, 2]);

    expect((await run(["export", "-e", "ada@example.test", "-o", "ada.json"])).code).toBe(0);
    const path = join(tempDir(), "ada.json");
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(path, "utf8"))).toEqual(file);
    const again = await run(["export", "-e", "ada@example.test", "-o", "ada.json"]);
    expect(again.code).toBe(1);
    expect(again.err).toContain("already exists");

    const csv = await run(["export", "-e", "ada@example.test", "--format", "csv", "-o", "ada.zip"]);
    expect(csv.code).toBe(0);
    const zip = unzipSync(readFileSync(join(tempDir(), "ada.zip")));
    expect(strFromU8(zip["steps.csv"] as Uint8Array)).toContain("Talk for five minutes");
    expect((await run(["export", "-e", "ada@example.test", "--format", "csv"])).code).toBe(2);

    expect((await run(["user", "add", "--email", "bea@example.test"])).code).toBe(0);
    const imported = await run(["--json", "import", "--email", "bea@example.test", "ada.json"]);
    expect(imported.code).toBe(0);
    const result = JSON.parse(imported.out);
    expect(result).toMatchObject({
      email: "bea@example.test",
      added: { goals: 1, steps: 2, attempts: 2, audits: 1 },
      replayedGoals: 1,
    });
    const twice = await run(["import", "--email", "bea@example.test", "ada.json"]);
    expect(twice.out).toMatch(
      /^Imported into bea@example.test: nothing new; \d+ rows were already there\n$/,
    );

    const bea = JSON.parse(
      (await run(["export", "--email", "bea@example.test"])).out,
    ) as ExportFile;
    expect(bea.steps.map((s) => [s.title, s.position])).toEqual(
      file.steps.map((s) => [s.title, s.position]),
    );
    // The ladder model was replayed from the attempts, not copied.
    const check = createDb(url);
    const goal = await check
      .selectFrom("goals")
      .selectAll()
      .where("userId", "!=", "ada")
      .executeTakeFirstOrThrow();
    expect(JSON.parse(goal.model ?? "null")).toMatchObject({ attempts: 2 });
    await check.destroy();
  });

  it("refuses a bad file, naming each problem, and writes nothing", async () => {
    const url = join(tempDir(), "cando.sqlite");
    await seeded(url);
    const bad = join(tempDir(), "bad.json");
    const t = testContext(url, tempDir());
    await runCli(["export", "-e", "ada@example.test", "-o", "ada.json"], t.ctx);
    const file = JSON.parse(readFileSync(join(tempDir(), "ada.json"), "utf8"));
    file.attempts[0].effort = 9;
    file.steps[1].goalId = "elsewhere";
    writeFileSync(bad, JSON.stringify(file));
    const refused = testContext(url, tempDir());
    expect(await runCli(["import", "--email", "ada@example.test", "bad.json"], refused.ctx)).toBe(
      1,
    );
    expect(refused.stderr.text).toContain("nothing was written");
    expect(refused.stderr.text).toContain("attempts.0.effort: must be at most 5");

    const json = testContext(url, tempDir());
    expect(
      await runCli(["--json", "import", "-e", "ada@example.test", "nope.json"], json.ctx),
    ).toBe(2);
    expect(JSON.parse(json.stderr.text)).toEqual({
      error: { message: expect.stringContaining("There is no file"), exitCode: 2 },
    });
  });
});
