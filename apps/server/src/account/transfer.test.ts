import { readFileSync } from "node:fs";
import { EXPORT_TABLES, type ExportFile, exportJsonSchema } from "@cando/core";
import {
  countRowsOf,
  NOT_EXPORTED,
  OWNERSHIP,
  SERVER_TABLES,
  schemaOf,
  sqlTableName,
} from "@cando/storage";
import { describeEachDatabase, openTestDatabase } from "@cando/storage/test-support";
import { strFromU8, unzipSync } from "fflate";
import { expect, it } from "vitest";
import {
  attemptBody,
  buildTestApp,
  goalWithLadder,
  signedUp,
  TestClient,
  uniqueEmail,
} from "../test-support";
import { seedHistory } from "./history-fixture";

/** Ids replaced by their order of first appearance, and the export time dropped. */
function withoutIds(file: ExportFile): unknown {
  const names = new Map<string, string>();
  const idLike = new Set<string>();
  for (const table of EXPORT_TABLES) {
    for (const row of file[table] as Record<string, unknown>[]) {
      if (typeof row.id === "string") idLike.add(row.id);
    }
  }
  const rename = (value: unknown): unknown => {
    if (typeof value === "string" && idLike.has(value)) {
      if (!names.has(value)) names.set(value, `#${names.size + 1}`);
      return names.get(value);
    }
    if (Array.isArray(value)) return value.map(rename);
    if (value && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rename(v)]));
    }
    return value;
  };
  const { exportedAt: _dropped, ...rest } = file;
  return rename(rest);
}

describeEachDatabase("export and import", (db, kind) => {
  it("exports every table a person owns, and a fresh database imports it back identically", async () => {
    const { app, clock } = buildTestApp(db());
    const email = uniqueEmail("ada");
    const ada = await signedUp(app, email);
    await seedHistory(ada, clock);
    const first = await ada.get("/api/account/export");
    expect(first.status).toBe(200);
    expect(first.headers.get("content-disposition")).toMatch(/attachment; filename="cando-export-/);
    const file = first.body as ExportFile;
    for (const table of EXPORT_TABLES) expect(file[table].length, table).toBeGreaterThan(0);
    expect(file.account).toMatchObject({
      email,
      timeZone: "Europe/Paris",
      weekStartsOn: 0,
      reflectionWeekday: 5,
    });
    expect(file.practiceEntries.map((p) => [p.day, p.minutes, p.what])).toEqual([
      ["2026-11-19", 20, "scales"],
      ["2026-11-20", 30, "scales"],
    ]);
    expect(file.practiceRestDays.map((r) => r.day)).toEqual(["2026-11-23"]);
    expect(file.practiceTargets.map((t) => t.weeklyMinutes)).toEqual([120]);
    expect(file.reflections.map((r) => [r.weekEnd, r.learned])).toEqual([
      ["2026-11-22", "Starting early helps"],
    ]);
    expect(JSON.stringify(file)).not.toContain("argon2");
    // Prepare: the run is linked to the two-phase attempt, rated beforehand; one still in progress.
    const twoPhase = file.attempts.find((a) => a.confidenceRated === "before");
    expect(twoPhase).toMatchObject({ confidenceBefore: 50, energyBefore: 5, sleepHours: 7.5 });
    expect(file.routineRuns.map((r) => r.attemptId)).toEqual([twoPhase?.id]);
    expect(file.routines.map((r) => r.name).sort()).toEqual(["Calm", "Talk"]);
    expect(file.attemptStarts.map((a) => a.anxietyBefore)).toEqual([7]);

    // A new server, on a new database of the same kind: sign up with the same email, import.
    const fresh = await openTestDatabase(kind);
    try {
      const there = buildTestApp(fresh.db);
      const again = await signedUp(there.app, email);
      const imported = await again.post("/api/account/import", file);
      expect(imported.status).toBe(200);
      expect(imported.body.added).toMatchObject({
        goals: 1,
        steps: 3,
        attempts: 4,
        debriefs: 3,
        practiceEntries: 2,
        practiceRestDays: 1,
        practiceTargets: 1,
        reflections: 1,
        routines: 2,
        routineRuns: 1,
        attemptStarts: 1,
      });
      expect(imported.body.replayedGoals).toBe(1);
      const second = (await again.get("/api/account/export")).body as ExportFile;
      expect(withoutIds(second)).toEqual(withoutIds(file));

      // The replayed ladder shows the same attempts, mastery and override as the original.
      const before = (await ada.get(`/api/goals/${file.goals[0]?.id}`)).body.ladder;
      const after = (await again.get(`/api/goals/${second.goals[0]?.id}`)).body.ladder;
      const summary = (ladder: { steps: Record<string, unknown>[] }) =>
        ladder.steps.map((s) => [s.title, s.attemptCount, s.successCount, s.masteredOverride]);
      expect(summary(after)).toEqual(summary(before));

      // Importing the same file again adds nothing.
      const twice = await again.post("/api/account/import", file);
      expect(twice.status).toBe(200);
      for (const table of EXPORT_TABLES) expect(twice.body.added[table], table).toBe(0);
      expect(twice.body.present.attempts).toBe(4);
      expect(withoutIds((await again.get("/api/account/export")).body)).toEqual(withoutIds(file));
    } finally {
      await fresh.close();
    }
  });

  it("keeps two attempts at the same time on one step apart: both come back, and once only", async () => {
    const { app, clock } = buildTestApp(db());
    const email = uniqueEmail("twice");
    const ada = await signedUp(app, email);
    const { stepIds } = await goalWithLadder(ada);
    const attemptedAt = "2026-11-21T18:00:00.000Z";
    for (const outcome of ["done", "not_yet"] as const) {
      clock.advanceMinutes(1);
      const res = await ada.post(
        "/api/attempts",
        attemptBody(stepIds[0] as string, { attemptedAt, outcome }),
      );
      expect(res.status).toBe(201);
    }
    const file = (await ada.get("/api/account/export")).body as ExportFile;
    expect(file.attempts.map((a) => a.outcome).sort()).toEqual(["done", "not_yet"]);
    const fresh = await openTestDatabase(kind);
    try {
      const again = await signedUp(buildTestApp(fresh.db).app, email);
      const imported = await again.post("/api/account/import", file);
      expect(imported.body.added.attempts).toBe(2);
      const twice = await again.post("/api/account/import", file);
      expect(twice.body).toMatchObject({ added: { attempts: 0 }, present: { attempts: 2 } });
      const back = (await again.get("/api/account/export")).body as ExportFile;
      expect(back.attempts.map((a) => a.outcome).sort()).toEqual(["done", "not_yet"]);
    } finally {
      await fresh.close();
    }
  });

  it("imports into an existing account, adding to what is there", async () => {
    const { app, clock } = buildTestApp(db());
    const ada = await signedUp(app);
    await seedHistory(ada, clock);
    const file = (await ada.get("/api/account/export")).body as ExportFile;
    const bea = await signedUp(app);
    const beaGoal = await bea.post("/api/goals", {
      domainId: (await bea.get("/api/domains")).body.domains[0].id,
      statement: "I can run 5 km without stopping",
    });
    expect(beaGoal.status).toBe(201);
    const res = await bea.post("/api/account/import", file);
    expect(res.status).toBe(200);
    expect(res.body.present.domains).toBe(5); // matched by key
    const goals = (await bea.get("/api/goals")).body.goals as { statement: string }[];
    expect(goals.map((g) => g.statement).sort()).toEqual(
      [file.goals[0]?.statement, "I can run 5 km without stopping"].sort(),
    );
    // Ada's rows are untouched and still hers alone.
    expect((await ada.get("/api/goals")).body.goals).toHaveLength(1);
  });

  it("refuses a bad file with every problem named, and writes nothing", async () => {
    const { app, clock } = buildTestApp(db());
    const ada = await signedUp(app);
    await seedHistory(ada, clock);
    const file = (await ada.get("/api/account/export")).body as ExportFile;
    const bea = await signedUp(app);
    const beaUser = (await bea.get("/api/me")).body.user.id as string;
    const before = await countRowsOf(db(), beaUser);
    // Fields first: a bad value is named where it is.
    const badValues = structuredClone(file);
    (badValues.attempts[1] as { outcome: string }).outcome = "great";
    (badValues.steps[0] as { confidence: number }).confidence = 150;
    const res = await bea.post("/api/account/import", badValues);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("validation_failed");
    expect(res.body.error.fields).toEqual([
      { path: "steps.0.confidence", message: "must be at most 100" },
      { path: "attempts.1.outcome", message: "must be done, partly or not_yet" },
    ]);
    // Then references: every id a row points at must be in the file.
    const badRefs = structuredClone(file);
    (badRefs.goals[0] as { domainId: string }).domainId = "no-such-domain";
    const refs = await bea.post("/api/account/import", badRefs);
    expect(refs.status).toBe(400);
    expect(refs.body.error.fields).toEqual([
      { path: "goals.0.domainId", message: "is not a domain in this file" },
    ]);
    expect(await countRowsOf(db(), beaUser)).toEqual(before);

    const wrong = await bea.post("/api/account/import", { format: "something-else" });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields[0].path).toBe("format");
    const future = await bea.post("/api/account/import", { ...file, version: 99 });
    expect(future.body.error.fields[0]).toEqual({
      path: "version",
      message: "is 99; this Cando reads versions 1 and 2",
    });
  });

  it("reads version 1 files (domains and audits)", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const res = await ada.post("/api/account/import", {
      format: "cando-export",
      version: 1,
      exportedAt: "2026-11-01T10:00:00.000Z",
      user: { email: "old@example.test" },
      domains: [
        {
          id: "d1",
          key: "career",
          name: "Career",
          position: 0,
          archivedAt: null,
          createdAt: "2026-10-01T10:00:00.000Z",
        },
      ],
      audits: [
        {
          id: "a1",
          takenAt: "2026-10-02T10:00:00.000Z",
          note: null,
          ratings: [{ domainId: "d1", rating: 60 }],
        },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.added).toMatchObject({ audits: 1, auditRatings: 1, domains: 0 });
  });

  it("gives CSV, one file per table, zipped; and the JSON Schema", async () => {
    const { app, clock } = buildTestApp(db());
    const ada = await signedUp(app);
    await seedHistory(ada, clock);
    const res = await app.request("/api/account/export.zip", {
      headers: { cookie: ada.cookie ?? "" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    expect(Object.keys(files).sort()).toEqual(
      ["account", ...EXPORT_TABLES].map((t) => `${t}.csv`).sort(),
    );
    const attempts = strFromU8(files["attempts.csv"] as Uint8Array)
      .trimEnd()
      .split("\r\n");
    expect(attempts[0]).toMatch(/^id,goalId,stepId,/);
    expect(attempts).toHaveLength(5);
    const schema = await new TestClient(app).get("/api/account/export/schema.json");
    expect(schema.status).toBe(200);
    expect(schema.body.properties.version).toEqual({ type: "number", const: 2 });
    expect(schema.body.required).toEqual(expect.arrayContaining([...EXPORT_TABLES]));
  });

  it("needs a session, and a large file is accepted only on the import route", async () => {
    const { app } = buildTestApp(db());
    expect((await new TestClient(app).get("/api/account/export")).status).toBe(401);
    expect((await new TestClient(app).post("/api/account/import", {})).status).toBe(401);
    const ada = await signedUp(app);
    const big = { format: "cando-export", version: 2, padding: "x".repeat(200_000) };
    expect((await ada.post("/api/account/import", big)).status).toBe(400);
    expect((await ada.post("/api/goals", big)).status).toBe(413);
  });

  it("covers every table: each is owned (OWNERSHIP) and either exported or left out for a reason", async () => {
    // PostgreSQL lists every schema's tables, and other suites' schemas come and go meanwhile.
    const mine = (await db().introspection.getTables()).filter(
      (t) => kind === "sqlite" || t.schema === schemaOf(db()),
    );
    const tables = mine.map((t) => t.name).filter((name) => !name.startsWith("kysely_"));
    const owned = Object.keys(OWNERSHIP).map(sqlTableName).sort();
    const server = Object.keys(SERVER_TABLES).map(sqlTableName);
    expect(tables.sort()).toEqual([...owned, ...server].sort());
    for (const table of Object.keys(OWNERSHIP)) {
      const exported = (EXPORT_TABLES as readonly string[]).includes(table);
      expect(exported || table in NOT_EXPORTED, `${table} is neither exported nor excused`).toBe(
        true,
      );
    }
    // Every table with a user_id column is owned by it.
    for (const t of mine) {
      if (t.columns.some((c) => c.name === "user_id")) {
        expect(owned, t.name).toContain(t.name);
      }
    }
  });
});

it("publishes the export's JSON Schema in docs/export.schema.json (npm run export:schema)", () => {
  const published = JSON.parse(
    readFileSync(new URL("../../../../docs/export.schema.json", import.meta.url), "utf8"),
  );
  expect(published).toEqual(exportJsonSchema());
});
