// `npx tsx bench/coach.ts`: the coach view with 200 clients on PostgreSQL.
// Seeds a fresh schema (DATABASE_URL, default the local test server) with BENCH_CLIENTS clients
// (200), each sharing one goal with the coach: a 5-step ladder, BENCH_ATTEMPTS attempts (60) with
// debriefs on the setbacks. Then times GET /api/coach in process (no socket) and counts the SQL
// statements per request, twice: the count must not grow with the length of the histories.
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { replayLadderModel } from "@cando/core";
import {
  createDb,
  type Db,
  listLadderFacts,
  loadCoachClients,
  migrateToLatest,
} from "@cando/storage";
import { type KyselyPlugin, sql } from "kysely";
import pg from "pg";
import { createApp } from "../apps/server/src/app";
import { argon2Hasher } from "../apps/server/src/auth/passwords";
import { DEFAULT_AUTH_POLICY } from "../apps/server/src/auth/policy";
import { deploymentFrom } from "../apps/server/src/http/deployment";

const URL_ = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 200);
const ATTEMPTS = Number(process.env.BENCH_ATTEMPTS ?? 60);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const ORIGIN = "http://127.0.0.1:8787";

async function admin(text: string) {
  const client = new pg.Client({ connectionString: URL_, user: "postgres" });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

const CHUNK = 500;
async function insertAll(db: Db, table: string, rows: Record<string, unknown>[]) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    // biome-ignore lint/suspicious/noExplicitAny: seeding many tables with one helper
    await (db as any)
      .insertInto(table)
      .values(rows.slice(i, i + CHUNK))
      .execute();
  }
}

async function seed(db: Db, coachId: string, from: number, count: number, attemptsEach: number) {
  const t0 = Date.parse("2026-09-01T09:00:00Z");
  const users = [];
  const domains = [];
  const goals = [];
  const steps = [];
  const attempts = [];
  const debriefs = [];
  const grants = [];
  for (let n = from; n < from + count; n++) {
    const userId = `client-${n}`;
    const domainId = `domain-${n}`;
    const goalId = `goal-${n}`;
    const created = new Date(t0).toISOString();
    users.push({
      id: userId,
      email: `client-${n}@example.test`,
      passwordHash: "x",
      createdAt: created,
    });
    domains.push({
      id: domainId,
      userId,
      key: null,
      name: "Career",
      position: 0,
      archivedAt: null,
      createdAt: created,
    });
    goals.push({
      id: goalId,
      userId,
      domainId,
      statement: `I can give a clear talk (${n})`,
      outcome: "Ten people could say back the point",
      context: "",
      targetDate: null,
      status: n % 17 === 0 ? "reached" : "active",
      model: null,
      createdAt: created,
      updatedAt: created,
      reachedAt: null,
    });
    for (let s = 0; s < 5; s++) {
      steps.push({
        id: `step-${n}-${s}`,
        userId,
        goalId,
        title: `Step ${s + 1}`,
        description: "",
        position: s,
        confidence: 90 - s * 15,
        plannedDate: null,
        archivedAt: null,
        createdAt: created,
      });
    }
    for (let a = 0; a < attemptsEach; a++) {
      // Some clients end on three setbacks, some went quiet weeks ago.
      const quiet = n % 7 === 0;
      const at = new Date(t0 + (a + 1) * (quiet ? 3_600_000 : 86_400_000)).toISOString();
      const outcome =
        n % 5 === 0 && a >= attemptsEach - 3
          ? "not_yet"
          : ["done", "partly", "done", "not_yet"][a % 4];
      const id = `attempt-${n}-${a}`;
      attempts.push({
        id,
        userId,
        goalId,
        stepId: `step-${n}-${Math.min(4, Math.floor(a / 15))}`,
        idempotencyKey: null,
        attemptedAt: at,
        confidenceBefore: 40 + (a % 5) * 10,
        anxietyBefore: 4,
        outcome,
        effort: 3,
        difficulty: 3,
        anxietyAfter: null,
        minutes: 10,
        note: "",
        predictedSuccess: null,
        createdAt: at,
      });
      if (outcome !== "done") {
        debriefs.push({
          attemptId: id,
          didWell: "",
          capability: "",
          differently: "",
          effort: 2,
          strategy: 2,
          ability: n % 3 === 0 ? 4 : 1,
          luck: 1,
          help: 0,
          easy: 0,
          reattribution: "",
          dismissedFlags: "[]",
          createdAt: at,
          updatedAt: at,
        });
      }
    }
    grants.push({
      id: `grant-${n}`,
      userId,
      goalId,
      supporterId: coachId,
      role: "coach",
      label: `Client ${n}`,
      credibility: null,
      shareDebriefs: 0,
      shareEvidence: 0,
      shareAudits: 0,
      shareReflections: 0,
      createdAt: created,
      updatedAt: created,
      revokedAt: null,
    });
  }
  await insertAll(db, "users", users);
  await insertAll(db, "domains", domains);
  await insertAll(db, "goals", goals);
  await insertAll(db, "steps", steps);
  await insertAll(db, "attempts", attempts);
  await insertAll(db, "debriefs", debriefs);
  await insertAll(db, "grants", grants);
  // The cached ladder models, as the app keeps them.
  for (const g of goals) {
    const model = replayLadderModel(await listLadderFacts(db, g.id));
    await db
      .updateTable("goals")
      .set({ model: model === null ? null : JSON.stringify(model) })
      .where("id", "=", g.id)
      .execute();
  }
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** The three queries alone (loadCoachClients), to tell database time from computing. */
async function measureQueries(db: Db, coachId: string) {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await loadCoachClients(db, coachId);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function measure(app: ReturnType<typeof createApp>, cookie: string, counter: { n: number }) {
  const get = () =>
    app.request("http://127.0.0.1:8787/api/coach", {
      headers: { cookie, origin: ORIGIN, host: "127.0.0.1:8787" },
    });
  for (let i = 0; i < 5; i++) await (await get()).text();
  const times: number[] = [];
  let clients = 0;
  counter.n = 0;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const res = await get();
    const body = (await res.json()) as { clients: unknown[] };
    times.push(performance.now() - t);
    if (res.status !== 200) throw new Error(`GET /api/coach: ${res.status}`);
    clients = body.clients.length;
  }
  times.sort((a, b) => a - b);
  return {
    clients,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    max: times[times.length - 1] ?? 0,
    queries: counter.n / RUNS,
  };
}

async function main() {
  const schema = `bench_coach_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  await admin(`create schema ${schema}`);
  const base = createDb(URL_, { schema, maxConnections: 10 });
  try {
    await migrateToLatest(base);
    const counter = { n: 0 };
    const counting: KyselyPlugin = {
      transformQuery: (args) => {
        counter.n++;
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const db = base.withPlugin(counting) as Db;
    const app = createApp({
      db,
      clock: { now: () => new Date("2026-12-08T09:00:00Z") },
      newId: () => randomUUID(),
      passwords: argon2Hasher(),
      deployment: deploymentFrom({ host: "127.0.0.1", port: 8787 }),
      auth: DEFAULT_AUTH_POLICY,
      deviceKey: "bench",
    });
    const signup = await app.request("http://127.0.0.1:8787/api/auth/signup", {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN, host: "127.0.0.1:8787" },
      body: JSON.stringify({ email: "coach@example.test", password: "a long walk at dawn" }),
    });
    if (signup.status !== 201) throw new Error(`signup: ${await signup.text()}`);
    const cookie = signup.headers
      .getSetCookie()
      .map((c) => c.split(";")[0] ?? "")
      .join("; ");
    const { user } = (await signup.json()) as { user: { id: string } };

    const t = performance.now();
    await seed(base, user.id, 0, CLIENTS, ATTEMPTS);
    const seeded = performance.now() - t;
    const first = await measure(app, cookie, counter);
    const firstSql = await measureQueries(base, user.id);
    // Twice the history for everyone: the query count must stay the same.
    await seed(base, user.id, CLIENTS, 0, 0);
    // The same attempts a year earlier: every history twice as long.
    await sql`insert into attempts (id, user_id, goal_id, step_id, idempotency_key, attempted_at,
        confidence_before, anxiety_before, outcome, effort, difficulty, anxiety_after, minutes, note,
        predicted_success, created_at)
      select id || '-old', user_id, goal_id, step_id, idempotency_key,
        '2025' || substr(attempted_at, 5), confidence_before, anxiety_before, outcome, effort,
        difficulty, anxiety_after, minutes, note, predicted_success, created_at
      from attempts`.execute(base);
    const doubled = await measure(app, cookie, counter);
    const doubledSql = await measureQueries(base, user.id);

    const line = (label: string, r: Awaited<ReturnType<typeof measure>>) =>
      `${label.padEnd(34)} clients ${String(r.clients).padStart(4)}  p50 ${r.p50.toFixed(1).padStart(6)} ms  p95 ${r.p95.toFixed(1).padStart(6)} ms  max ${r.max.toFixed(1).padStart(6)} ms  SQL/request ${r.queries.toFixed(1)}`;
    console.log(
      `coach view, PostgreSQL, ${RUNS} requests each (seeded in ${(seeded / 1000).toFixed(1)} s)`,
    );
    const sqlLine = (r: { p50: number; p95: number }) =>
      `${"  of which the 3 queries".padEnd(34)}               p50 ${r.p50.toFixed(1).padStart(6)} ms  p95 ${r.p95.toFixed(1).padStart(6)} ms`;
    console.log(line(`${ATTEMPTS} attempts per client`, first));
    console.log(sqlLine(firstSql));
    console.log(line(`${ATTEMPTS * 2} attempts per client`, doubled));
    console.log(sqlLine(doubledSql));
    return first.queries === doubled.queries ? 0 : 1;
  } finally {
    await base.destroy();
    await admin(`drop schema ${schema} cascade`);
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
