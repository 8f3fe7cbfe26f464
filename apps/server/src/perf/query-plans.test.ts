import { openTestDatabase, type TestDatabase } from "@cando/storage/test-support";
import { CompiledQuery } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, signedUp, type TestClient } from "../test-support";
import { counted, type QueryCounter } from "./query-counter";
import { type SizedHistory, seedSizedHistory } from "./sized-history";

/** Tables that grow with a person's history: none may be read by a full scan. */
const GROWING = [
  "attempts",
  "debriefs",
  "evidence",
  "audits",
  "audit_ratings",
  "milestones",
  "reflections",
  "practice_entries",
  "deletions",
];

let test: TestDatabase;
let client: TestClient;
let history: SizedHistory;
let counter: QueryCounter;

beforeAll(async () => {
  // EXPLAIN QUERY PLAN is SQLite's; PostgreSQL's planner picks sequential scans of small tables
  // on purpose, so its plans say nothing about a large history.
  test = await openTestDatabase("sqlite");
  const wrapped = counted(test.db);
  counter = wrapped.counter;
  const forever = 300 * 86_400_000;
  const built = buildTestApp(wrapped.db, {
    auth: { session: { idleMs: forever, absoluteMs: forever } },
  });
  client = await signedUp(built.app);
  history = await seedSizedHistory(client, built.clock, 40);
}, 120_000);

afterAll(async () => {
  await test?.close();
});

/** The growing tables a statement's plan reads in full ("SCAN attempts", with or without an index). */
async function fullScans(sqlText: string, parameters: readonly unknown[]): Promise<string[]> {
  const plan = await test.db.executeQuery<{ detail: string }>(
    CompiledQuery.raw(`explain query plan ${sqlText}`, [...parameters]),
  );
  return plan.rows.flatMap(({ detail }) => {
    const scanned = /^SCAN (?:TABLE )?(\w+)/.exec(detail)?.[1];
    return scanned && GROWING.includes(scanned) ? [detail] : [];
  });
}

it("the check sees a full scan where there is one", async () => {
  expect(await fullScans("select * from evidence where title = ?", ["x"])).toHaveLength(1);
  expect(await fullScans("select * from attempts order by attempted_at", [])).toHaveLength(1);
});

it("reads every per-person list by index, never by a full scan of a growing table", async () => {
  const goalId = history.goalIds[0] as string;
  const stepId = history.stepIds[0]?.[0] as string;
  const paths = [
    "/api/today",
    "/api/today/page",
    `/api/goals/${goalId}`,
    `/api/goals/${goalId}/ratings`,
    `/api/goals/${goalId}/overview`,
    `/api/goals/${goalId}/attempt-summaries`,
    "/api/attempts",
    `/api/attempts?goalId=${goalId}`,
    `/api/attempts?stepId=${stepId}`,
    "/api/evidence",
    `/api/evidence?goalId=${goalId}`,
    "/api/audits",
    "/api/milestones",
    "/api/reflections",
    "/api/insights",
    `/api/insights?goalId=${goalId}`,
    "/api/doubt",
    `/api/doubt?goalId=${goalId}&stepId=${stepId}`,
  ];
  const scans: string[] = [];
  let explained = 0;
  for (const path of paths) {
    counter.reset();
    const res = await client.get(path);
    expect(res.status, path).toBe(200);
    for (const query of counter.compiled) {
      if (!/^\s*(select|with)\b/i.test(query.sql)) continue;
      explained++;
      for (const detail of await fullScans(query.sql, query.parameters)) {
        scans.push(`${path}: ${detail} in ${query.sql}`);
      }
    }
  }
  expect(explained).toBeGreaterThan(paths.length);
  expect(scans).toEqual([]);
});

it("ranks evidence for doubt as index ranges in rank order: no sort of the journal", async () => {
  const goalId = history.goalIds[0] as string;
  const stepId = history.stepIds[0]?.[0] as string;
  for (const path of ["/api/doubt", `/api/doubt?goalId=${goalId}&stepId=${stepId}`]) {
    counter.reset();
    expect((await client.get(path)).status, path).toBe(200);
    const ranking = counter.compiled.filter((q) => /\bfrom evidence\b/i.test(q.sql));
    expect(ranking, path).toHaveLength(1);
    const [query] = ranking;
    if (!query) continue;
    const plan = await test.db.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]),
    );
    const details = plan.rows.map((r) => r.detail);
    // Each range is read through its rank index; nothing is sorted (no temp B-tree).
    const ranges = details.filter((d) => /SEARCH evidence USING INDEX evidence_doubt_/.test(d));
    expect(ranges, `${path}: ${details.join("; ")}`).toHaveLength(path.includes("step") ? 4 : 1);
    expect(
      details.filter((d) => /TEMP B-TREE/.test(d)),
      path,
    ).toEqual([]);
  }
});
