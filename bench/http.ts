// `npm run bench`: Cando's real server process, measured from outside against seeded history, on
// SQLite and PostgreSQL, with the ceilings (bare Hono, the database's raw durable-commit rate)
// measured in the same run. Prints a table per database and a VERDICT per goal of issue 15.
//
//   BENCH_QUICK=1          about two minutes: 2 s per scenario, 10 s for the 200 people
//   BENCH_SECONDS=60       how long the 200 simulated people run (default 60; quick 10), each
//                          pausing 1–4 s before each page; then 20 s of them without pauses
//   BENCH_STEP_SECONDS=5   how long each other scenario runs (default 5; quick 2)
//   BENCH_DATABASES=sqlite,postgres
//   BENCH_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/test (a fresh database is made beside it)
//   BENCH_JSON=file        also write every figure as JSON
//   BENCH_ONLY=people      only the scenarios whose label holds this text
//
// A benchmark, not a test: the machine's load moves the figures; compare ratios within one run.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createDb, type Db, migrateToLatest } from "@cando/storage";
import SQLite from "better-sqlite3";
import pg from "pg";
import { argon2Hasher } from "../apps/server/src/auth/passwords";
import { type Answer, type Client, expectJson, type LoadResult, runLoad } from "./load";
import { type SeededPerson, seedPerson } from "./seed";

const env = process.env;
const QUICK = env.BENCH_QUICK === "1";
const SIM_SECONDS = seconds("BENCH_SECONDS", QUICK ? 10 : 60);
const STEP_SECONDS = seconds("BENCH_STEP_SECONDS", QUICK ? 2 : 5);
const CONNECTIONS = [10, 32];
const PEOPLE = 200;
// Only the scenarios whose label holds this text (e.g. "people", "goal page"): a quicker look.
const ONLY = env.BENCH_ONLY;
const DATABASES = (env.BENCH_DATABASES ?? "sqlite,postgres").split(",").map((d) => d.trim());
const POSTGRES_URL = env.BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

function seconds(name: string, fallback: number): number {
  const value = Number(env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0 || value > 600) {
    console.error(`${name} must be a number of seconds from 1 to 600`);
    process.exit(2);
  }
  return value;
}

// Bounded: whatever happens, the bench ends.
const planned = DATABASES.length * (STEP_SECONDS * 30 + SIM_SECONDS * 2 + 150);
setTimeout(() => {
  console.error("bench: took far longer than planned; giving up");
  for (const child of children) child.kill("SIGKILL");
  process.exit(1);
}, planned * 3000).unref();

const children = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of children) child.kill("SIGKILL");
});

// ---------------------------------------------------------------- processes

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? done(address.port) : fail(new Error("no port")),
      );
    });
  });
}

/** How the server runs in production: the build `npm start` runs if there is one, else tsx. */
function serverCommand(): { args: string[]; how: string } {
  const scripts = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).scripts ?? {};
  const gc = ["--expose-gc", "--import", join(root, "bench/gc-hook.mjs")];
  if (scripts["build:server"]) {
    const built = join(root, "apps/server/dist/main.js");
    // The node flags `npm start` gives the server, so the bench runs it the same way.
    const flags =
      /node((?:\s+--[\w-]+(?:=\S+)?)*)\s+apps\/server\/dist\/main\.js/
        .exec(scripts.start ?? "")?.[1]
        ?.trim()
        .split(/\s+/)
        .filter(Boolean) ?? [];
    return {
      args: [...gc, ...flags, built],
      how: `node ${[...flags, "apps/server/dist/main.js"].join(" ")} (npm run build:server)`,
    };
  }
  return {
    args: [...gc, "--import", "tsx", join(root, "apps/server/src/main.ts")],
    how: "node --import tsx apps/server/src/main.ts (no build)",
  };
}

interface Running {
  origin: string;
  pid: number;
  /** Spawn to the first 200 from /api/health. */
  coldStartMs: number;
  /** CPU time the process used until then (user + system): the part the machine's load does not inflate. */
  coldStartCpuMs: number;
  stop(): Promise<void>;
}

async function startProcess(
  args: string[],
  extraEnv: Record<string, string>,
  ready: (port: number) => string,
  port: number,
  probe = "/api/health",
): Promise<Running> {
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...env, NODE_ENV: "production", ...extraEnv },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  let output = "";
  child.stdout?.on("data", (d) => {
    output += d;
  });
  child.stderr?.on("data", (d) => {
    output += d;
  });
  const origin = ready(port);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`process exited: ${output}`);
    if (performance.now() - started > 60_000) throw new Error(`no answer in 60 s: ${output}`);
    try {
      const answer = await fetch(`${origin}${probe}`);
      if (answer.status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  const coldStartMs = performance.now() - started;
  return {
    origin,
    pid: child.pid ?? 0,
    coldStartMs,
    coldStartCpuMs: cpuMs(child.pid ?? 0),
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once("exit", () => done());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 5000).unref();
      }).then(() => {
        children.delete(child);
      }),
  };
}

async function startCando(databaseUrl: string): Promise<Running> {
  const port = await freePort();
  return startProcess(
    serverCommand().args,
    { DATABASE_URL: databaseUrl, PORT: String(port), HOST: "127.0.0.1" },
    (p) => `http://127.0.0.1:${p}`,
    port,
  );
}

async function startHello(): Promise<Running> {
  const port = await freePort();
  return startProcess(
    [join(root, "bench/hello.mjs")],
    { PORT: String(port) },
    (p) => `http://127.0.0.1:${p}`,
    port,
    "/",
  );
}

/** CPU time (user + system) a process has used so far, in ms (Linux /proc, 100 ticks a second). */
function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

/** RSS of a process in MiB (Linux /proc); after SIGUSR2 the bench's GC hook has collected. */
async function rssMiB(pid: number, collect: boolean): Promise<{ rss: number; peak: number }> {
  if (collect) {
    process.kill(pid, "SIGUSR2");
    await new Promise((r) => setTimeout(r, 1000));
  }
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kib("VmRSS") / 1024, peak: kib("VmHWM") / 1024 };
}

// ---------------------------------------------------------------- databases

interface Database {
  kind: "sqlite" | "postgres";
  url: string;
  /** A tight loop of tiny durable transactions on this database: commits per second. */
  rawCommitRate(seconds: number): Promise<number>;
  drop(): Promise<void>;
}

async function makeDatabase(kind: string): Promise<Database> {
  if (kind === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "cando-bench-"));
    const file = join(dir, "cando.sqlite");
    return {
      kind,
      url: file,
      async rawCommitRate(s) {
        const raw = new SQLite(file);
        raw.pragma("journal_mode = WAL");
        raw.pragma("synchronous = FULL");
        raw.pragma("busy_timeout = 5000");
        raw.exec("create table if not exists bench_commits (n integer)");
        const insert = raw.prepare("insert into bench_commits (n) values (?)");
        const until = performance.now() + s * 1000;
        let n = 0;
        const started = performance.now();
        while (performance.now() < until) insert.run(n++);
        const rate = n / ((performance.now() - started) / 1000);
        raw.exec("drop table bench_commits");
        raw.close();
        return rate;
      },
      async drop() {
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (kind === "postgres") {
    const name = `cando_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: POSTGRES_URL, user: "postgres" });
    await admin.connect();
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(POSTGRES_URL);
    url.pathname = `/${name}`;
    return {
      kind,
      url: url.toString(),
      async rawCommitRate(s) {
        const raw = new pg.Client({ connectionString: url.toString(), user: "postgres" });
        await raw.connect();
        await raw.query("create table if not exists bench_commits (n integer)");
        const until = performance.now() + s * 1000;
        let n = 0;
        const started = performance.now();
        while (performance.now() < until)
          await raw.query({
            name: "bench",
            text: "insert into bench_commits (n) values ($1)",
            values: [n++],
          });
        const rate = n / ((performance.now() - started) / 1000);
        await raw.query("drop table bench_commits");
        await raw.end();
        return rate;
      },
      async drop() {
        const client = new pg.Client({ connectionString: POSTGRES_URL, user: "postgres" });
        await client.connect();
        await client.query(`drop database if exists ${name} with (force)`);
        await client.end();
      },
    };
  }
  throw new Error(`BENCH_DATABASES: unknown database ${kind}`);
}

interface Seeded {
  reader: SeededPerson;
  writer: SeededPerson;
  tenfold: SeededPerson;
  people: SeededPerson[];
  seedSeconds: number;
}

async function seed(url: string, passwordHash: string): Promise<Seeded> {
  const started = performance.now();
  const db: Db = createDb(url);
  try {
    await migrateToLatest(db);
    const one = (name: string, scale: number) =>
      db.transaction().execute((trx) => seedPerson(trx, { name, scale, passwordHash }));
    const reader = await one("five-year", 1);
    const writer = await one("five-year-writer", 1);
    const tenfold = await one("fifty-year", 10);
    const people: SeededPerson[] = [];
    for (let i = 0; i < PEOPLE; i++) people.push(await one(`person-${i}`, 0.1));
    return { reader, writer, tenfold, people, seedSeconds: (performance.now() - started) / 1000 };
  } finally {
    await db.destroy();
  }
}

async function countAttempts(url: string, userId: string): Promise<number> {
  const db = createDb(url);
  try {
    const row = await db
      .selectFrom("attempts")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("userId", "=", userId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  } finally {
    await db.destroy();
  }
}

// ---------------------------------------------------------------- scenarios

type Script = (c: Client, loop: number, n: number) => Promise<void>;

const ok = async (answer: Promise<Answer>) => {
  const a = await answer;
  if (a.status !== 200) throw Object.assign(new Error(`status ${a.status}`), { name: "Counted" });
  return a;
};

function goalPage(person: SeededPerson, cookie = person.cookie): Script {
  return async (c, loop, n) => {
    const goal = person.goals[(loop + n) % person.goals.length];
    if (!goal) throw new Error("no goal");
    const h = { cookie };
    // What the page asks for: everything in one answer, the newest 50 attempts summarised.
    await ok(c.get(`/api/goals/${goal.id}/overview?limit=50`, h));
  };
}

const read =
  (path: string, person: SeededPerson): Script =>
  async (c) => {
    await ok(c.get(path, { cookie: person.cookie }));
  };

function attemptWithDebrief(person: SeededPerson): Script {
  return async (c, loop, n) => {
    const goal = person.goals[(loop + n) % person.goals.length];
    const stepId = goal?.stepIds[(loop * 7 + n) % goal.stepIds.length];
    if (!stepId) throw new Error("no step");
    const h = { cookie: person.cookie };
    const outcome = (["done", "partly", "done", "not_yet"] as const)[n % 4];
    const logged = expectJson<{ attempt: { id: string } }>(
      await c.send(
        "POST",
        "/api/attempts",
        { stepId, outcome, effort: 3, difficulty: 3, confidenceBefore: 60, anxietyBefore: 3 },
        h,
      ),
      201,
    );
    expectJson(
      await c.send(
        "PUT",
        `/api/attempts/${logged.attempt.id}/debrief`,
        {
          didWell: "kept going",
          capability: "I can do more than I thought",
          differently: "",
          attributions: { effort: 3, strategy: 3, ability: 2, luck: 1, help: 1, easy: 1 },
        },
        h,
      ),
      200,
    );
  };
}

function audit(person: SeededPerson): Script {
  return async (c, _loop, n) => {
    expectJson(
      await c.send(
        "POST",
        "/api/audits",
        {
          ratings: person.domainIds.map((domainId, i) => ({
            domainId,
            rating: ((n + i) * 10) % 110,
          })),
          note: "bench",
        },
        { cookie: person.cookie },
      ),
      201,
    );
  };
}

/**
 * How long a simulated person looks at a page before the next: 1 to 4 s (mean 2.5 s), the same
 * in every run. Real people read, think and type for far longer; without any pause, 200 loops
 * are 200 requests always in flight — a load test of capacity, not of people (run separately).
 */
const THINK_MS = { min: 1000, max: 4000 };
function thinkMs(loop: number, n: number): number {
  const spread = ((loop * 7919 + n * 104_729) % 1000) / 1000;
  return THINK_MS.min + spread * (THINK_MS.max - THINK_MS.min);
}

/**
 * A realistic mix for one person per connection: mostly reads, a logged attempt now and then,
 * each page asking for what the web app asks for when it is reached from the menu (measured in
 * Chromium), with a pause before each page (the first pause staggers the arrivals). A person's
 * first page also loads the app shell's account and unread count; the count again every 30 s.
 * `pauses: false` sends the next page as soon as the last is answered (the capacity run).
 */
function mix(people: SeededPerson[], pauses = true): Script {
  const pages = [
    "today",
    "goal",
    "attempt",
    "today",
    "insights",
    "goal",
    "doubt",
    "attempt",
    "evidence",
    "today",
  ] as const;
  const unreadAskedAt = new Map<number, number>();
  return async (c, loop, n) => {
    const person = people[loop % people.length];
    if (!person) throw new Error("no person");
    const h = { cookie: person.cookie };
    const page = n % 40 === 39 ? "audit" : pages[(loop + n) % pages.length];
    if (pauses) await new Promise((r) => setTimeout(r, thinkMs(loop, n)));
    const shell: Promise<unknown>[] = [];
    if (n === 0) shell.push(ok(c.get("/api/me", h)));
    if (performance.now() - (unreadAskedAt.get(loop) ?? -Infinity) > 30_000) {
      unreadAskedAt.set(loop, performance.now());
      shell.push(ok(c.get("/api/notifications/unread", h)));
    }
    const all = (paths: string[]) => Promise.all(paths.map((p) => ok(c.get(p, h))));
    const work = async () => {
      switch (page) {
        case "today":
          await all(["/api/today/page"]);
          break;
        case "goal":
          await goalPage(person)(c, loop, n);
          break;
        case "attempt": {
          const goal = person.goals[(loop + n) % person.goals.length];
          if (goal) await ok(c.get(`/api/goals/${goal.id}`, h));
          await attemptWithDebrief(person)(c, loop, n);
          break;
        }
        case "insights":
          await all(["/api/goals", "/api/domains", "/api/insights"]);
          break;
        case "doubt":
          await all(["/api/doubt"]);
          break;
        case "evidence":
          await all(["/api/domains", "/api/goals", "/api/evidence"]);
          break;
        case "audit":
          await all(["/api/domains", "/api/audits?limit=500"]);
          await audit(person)(c, loop, n);
          break;
      }
    };
    // Together, as the browser sends them: a failed shell call is counted, never left unhandled.
    await Promise.all([work(), ...shell]);
  };
}

// ---------------------------------------------------------------- one database

interface Row extends LoadResult {
  database: string;
  history: string;
  /** The server process's CPU time per request (ms): what the machine's load does not inflate. */
  cpuPerRequest: number;
}

/** Runs a load and charges the CPU time the server processes used during it to its requests. */
async function measured(pids: number[], run: () => Promise<LoadResult>) {
  const before = pids.map(cpuMs);
  const result = await run();
  const used = pids.map(cpuMs).reduce((sum, after, i) => sum + after - (before[i] ?? 0), 0);
  return { ...result, cpuPerRequest: used / Math.max(1, result.requests) };
}

interface DatabaseResult {
  kind: string;
  rows: Row[];
  hello: Row[];
  rawCommitRate: number;
  coldStartMs: number;
  coldStartCpuMs: number;
  idleRssMiB: number;
  peakRssMiB: number;
  seedSeconds: number;
  acknowledgedAttempts: number;
  storedAttempts: number;
  compressedJson: string;
  compressedStatic: string;
  largest: { path: string; bytes: number }[];
  twoProcesses?: Row;
}

async function benchDatabase(kind: string, passwordHash: string): Promise<DatabaseResult> {
  console.log(`\n== ${kind}`);
  const database = await makeDatabase(kind);
  try {
    const seeded = await seed(database.url, passwordHash);
    if (kind === "postgres") {
      // Statistics for the planner now, rather than autovacuum analysing the freshly seeded tables
      // in the middle of a measured scenario (a database in use has them).
      const client = new pg.Client({ connectionString: database.url, user: "postgres" });
      await client.connect();
      await client.query("vacuum analyze");
      await client.end();
    }
    console.log(
      `  seeded in ${seeded.seedSeconds.toFixed(1)} s: five-year person ${JSON.stringify(seeded.reader.counts)}, ` +
        `ten times ${JSON.stringify(seeded.tenfold.counts)}, ${PEOPLE} people of a tenth`,
    );
    const rows: Row[] = [];
    const hello: Row[] = [];
    const run = async (
      history: string,
      label: string,
      conns: number,
      secs: number,
      script: Script,
      origin: string | ((i: number) => string),
    ): Promise<Row | undefined> => {
      if (ONLY && !label.includes(ONLY)) return undefined;
      process.stdout.write(`  ${label} @${conns} (${history})…`);
      const result = await measured(second ? [cando.pid, second.pid] : [cando.pid], () =>
        runLoad(label, origin, conns, secs, script),
      );
      process.stdout.write(
        ` ${result.rate.toFixed(0)} req/s p50 ${result.p50.toFixed(1)} ms p99 ${result.p99.toFixed(1)} ms` +
          `${result.errors + result.non2xx ? ` ERRORS ${result.errors}+${result.non2xx}: ${result.firstError}` : ""}\n`,
      );
      if (history === "mix")
        console.log(
          `    slowest: ${result.slowest.map((r) => `${r.what} ${r.ms.toFixed(0)} ms (sent at ${r.at.toFixed(1)} s)`).join(", ")}`,
        );
      const row = { ...result, database: kind, history };
      rows.push(row);
      return row;
    };

    const cando = await startCando(database.url);
    let second: Running | undefined;
    try {
      const o = cando.origin;
      const { reader, writer, tenfold } = seeded;
      // Warm-up: every route once, a few times; then idle memory after a full GC.
      for (let i = 0; i < 5; i++) {
        await runLoad("warm-up", o, 4, 0.3, async (c, loop, n) => {
          await goalPage(reader)(c, loop, n);
          await ok(c.get("/api/today", { cookie: reader.cookie }));
          await ok(c.get("/api/today/page", { cookie: reader.cookie }));
          await ok(c.get("/api/insights", { cookie: reader.cookie }));
          await ok(c.get("/api/doubt", { cookie: reader.cookie }));
        });
      }
      const idle = await rssMiB(cando.pid, true);

      const helloServer = await startHello();
      try {
        for (const conns of CONNECTIONS)
          hello.push({
            ...(await measured([helloServer.pid], () =>
              runLoad(
                "hello-world (bare Hono)",
                helloServer.origin,
                conns,
                STEP_SECONDS,
                async (c) => {
                  await ok(c.get("/"));
                },
              ),
            )),
            database: kind,
            history: "-",
          });
      } finally {
        await helloServer.stop();
      }

      for (const conns of CONNECTIONS) {
        await run("1×", "GET /api/me", conns, STEP_SECONDS, read("/api/me", reader), o);
        await run("1×", "GET /api/today", conns, STEP_SECONDS, read("/api/today", reader), o);
        await run("1×", "Today's page", conns, STEP_SECONDS, read("/api/today/page", reader), o);
        await run("1×", "goal page", conns, STEP_SECONDS, goalPage(reader), o);
        await run("1×", "GET /api/insights", conns, STEP_SECONDS, read("/api/insights", reader), o);
        await run("1×", "GET /api/doubt", conns, STEP_SECONDS, read("/api/doubt", reader), o);
      }
      const ten = 10;
      await run("10×", "GET /api/today", ten, STEP_SECONDS, read("/api/today", tenfold), o);
      await run("10×", "Today's page", ten, STEP_SECONDS, read("/api/today/page", tenfold), o);
      await run("10×", "goal page", ten, STEP_SECONDS, goalPage(tenfold), o);
      await run("10×", "GET /api/insights", ten, STEP_SECONDS, read("/api/insights", tenfold), o);
      await run("10×", "GET /api/doubt", ten, STEP_SECONDS, read("/api/doubt", tenfold), o);

      // Largest answers a page asks for (uncompressed bodies).
      const largest: { path: string; bytes: number }[] = [];
      for (const path of [
        `/api/attempts?goalId=${reader.goals[0]?.id}`,
        "/api/evidence",
        "/api/audits",
        "/api/insights",
        "/api/today",
        "/api/openapi.json",
      ]) {
        const answer = await fetch(`${o}${path}`, {
          headers: { cookie: reader.cookie, "accept-encoding": "identity" },
        });
        largest.push({ path, bytes: (await answer.arrayBuffer()).byteLength });
      }
      const encoding = async (path: string) => {
        const answer = await fetch(`${o}${path}`, {
          headers: { cookie: reader.cookie, "accept-encoding": "gzip, deflate, br" },
        });
        await answer.arrayBuffer();
        return answer.status === 200
          ? (answer.headers.get("content-encoding") ?? "none")
          : `HTTP ${answer.status}`;
      };
      const compressedJson = await encoding("/api/today");
      const html = await (await fetch(`${o}/`)).text();
      const asset = /\/assets\/[^"']+\.js/.exec(html)?.[0];
      const compressedStatic = asset ? await encoding(asset) : "no web build";

      // Writes: the ceiling first, then the same database through Cando.
      const rawCommitRate = await database.rawCommitRate(Math.min(STEP_SECONDS, 3));
      console.log(`  raw durable-commit rate: ${rawCommitRate.toFixed(0)} commits/s`);
      const before = await countAttempts(database.url, writer.userId);
      let acknowledgedAttempts = 0;
      for (const conns of CONNECTIONS) {
        const row = await run(
          "1×",
          "POST attempt + PUT debrief",
          conns,
          STEP_SECONDS,
          attemptWithDebrief(writer),
          o,
        );
        acknowledgedAttempts += row?.iterations ?? 0;
      }
      for (const conns of CONNECTIONS)
        await run("1×", "POST /api/audits", conns, STEP_SECONDS, audit(writer), o);
      await new Promise((r) => setTimeout(r, 500));
      const storedAttempts = (await countAttempts(database.url, writer.userId)) - before;

      await run(
        "mix",
        `${PEOPLE} people, realistic mix`,
        PEOPLE,
        SIM_SECONDS,
        mix(seeded.people),
        o,
      );
      // The same people without pauses: how much the one server can answer (not a goal).
      await run(
        "mix",
        `${PEOPLE} people, no pauses (capacity)`,
        PEOPLE,
        Math.min(SIM_SECONDS, 20),
        mix(seeded.people, false),
        o,
      );
      const peak = await rssMiB(cando.pid, false);

      let twoProcesses: Row | undefined;
      if (kind === "postgres") {
        second = await startCando(database.url);
        const origins = [cando.origin, second.origin];
        twoProcesses = await run(
          "mix",
          `${PEOPLE} people, two server processes`,
          PEOPLE,
          SIM_SECONDS,
          mix(seeded.people),
          (i) => origins[i % 2] as string,
        );
      }
      return {
        kind,
        rows,
        hello,
        rawCommitRate,
        coldStartMs: cando.coldStartMs,
        coldStartCpuMs: cando.coldStartCpuMs,
        idleRssMiB: idle.rss,
        peakRssMiB: peak.peak,
        seedSeconds: seeded.seedSeconds,
        acknowledgedAttempts,
        storedAttempts,
        compressedJson,
        compressedStatic,
        largest,
        ...(twoProcesses ? { twoProcesses } : {}),
      };
    } finally {
      await cando.stop();
      await second?.stop();
    }
  } finally {
    await database.drop();
  }
}

// ---------------------------------------------------------------- report

function table(headers: string[], lines: string[][]): string {
  const widths = headers.map((h, i) =>
    Math.max(h.length, ...lines.map((l) => (l[i] ?? "").length)),
  );
  const format = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join("  ");
  return [format(headers), widths.map((w) => "-".repeat(w)).join("  "), ...lines.map(format)].join(
    "\n",
  );
}

const f0 = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : "-");
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "-");

function report(results: DatabaseResult[], how: string): string {
  const out: string[] = [];
  out.push(
    `Cando bench: ${how}; ${STEP_SECONDS} s per scenario, ${SIM_SECONDS} s for ${PEOPLE} people; ` +
      `node ${process.version}; ${QUICK ? "QUICK" : "full"} run`,
  );
  for (const r of results) {
    const helloAt = (conns: number) =>
      r.hello.find((h) => h.connections === conns)?.rate ?? Number.NaN;
    out.push(
      `\n${r.kind}: raw durable-commit rate ${f0(r.rawCommitRate)}/s; cold start ${f0(r.coldStartMs)} ms (CPU ${f0(r.coldStartCpuMs)} ms); ` +
        `idle RSS ${f1(r.idleRssMiB)} MiB, peak ${f1(r.peakRssMiB)} MiB; seeded in ${f1(r.seedSeconds)} s`,
    );
    const lines = [...r.hello, ...r.rows, ...(r.twoProcesses ? [] : [])].map((row) => [
      row.label,
      row.history,
      String(row.connections),
      f0(row.rate),
      row.iterations !== row.requests ? f0(row.iterationRate) : "",
      f1(row.p50),
      f1(row.p99),
      row.cpuPerRequest.toFixed(2),
      String(row.errors),
      String(row.non2xx),
      `${((row.rate / helloAt(row.connections === PEOPLE ? 32 : row.connections)) * 100).toFixed(1)}%`,
    ]);
    out.push(
      table(
        [
          "scenario",
          "history",
          "conns",
          "req/s",
          "iter/s",
          "p50 ms",
          "p99 ms",
          "CPU ms/req",
          "errors",
          "non-2xx",
          "vs hello",
        ],
        lines,
      ),
    );
    out.push(
      `attempts acknowledged ${r.acknowledgedAttempts}, stored ${r.storedAttempts}` +
        (r.storedAttempts < r.acknowledgedAttempts
          ? "  MISMATCH: an acknowledged attempt is missing"
          : ""),
    );
    out.push(
      `compression: JSON ${r.compressedJson}, static ${r.compressedStatic}; largest answers: ` +
        r.largest
          .map((l) => `${l.path.replace(/goalId=.*/, "goalId=…")} ${f0(l.bytes / 1024)} KiB`)
          .join(", "),
    );
  }
  out.push("\nVERDICTS (issue 15)");
  const verdicts: string[][] = [];
  const verdict = (goal: string, pass: boolean | undefined, figure: string, target: string) =>
    verdicts.push([pass === undefined ? "N/A " : pass ? "PASS" : "FAIL", goal, figure, target]);
  const find = (r: DatabaseResult, label: string, history: string, conns = 10) =>
    r.rows.find(
      (row) => row.label === label && row.history === history && row.connections === conns,
    );
  const reads = [
    "GET /api/today",
    "Today's page",
    "goal page",
    "GET /api/doubt",
    "GET /api/insights",
  ];
  for (const r of results) {
    const factor = r.kind === "postgres" ? 1.5 : 1;
    for (const label of reads) {
      const row = find(r, label, "1×");
      if (!row) continue;
      verdict(
        `${r.kind} ${label} @10`,
        row.p50 < 20 * factor && row.p99 < 60 * factor && row.errors + row.non2xx === 0,
        `p50 ${f1(row.p50)} ms, p99 ${f1(row.p99)} ms`,
        `p50 < ${20 * factor}, p99 < ${60 * factor}`,
      );
      const tenfold = find(r, label, "10×");
      if (tenfold)
        verdict(
          `${r.kind} ${label} 10× history`,
          tenfold.p50 <= 1.5 * row.p50 && tenfold.errors + tenfold.non2xx === 0,
          `p50 ${f1(tenfold.p50)} ms = ${(tenfold.p50 / row.p50).toFixed(2)}× of 1×`,
          "≤ 1.5×",
        );
    }
    const writes = find(r, "POST attempt + PUT debrief", "1×");
    if (writes)
      verdict(
        `${r.kind} attempt + debrief vs raw commits`,
        writes.iterationRate >= 0.4 * r.rawCommitRate && r.storedAttempts >= r.acknowledgedAttempts,
        `${f0(writes.iterationRate)} pairs/s = ${((writes.iterationRate / r.rawCommitRate) * 100).toFixed(1)}% of ${f0(r.rawCommitRate)}/s`,
        "≥ 40%, none lost",
      );
    const people = r.rows.find((row) => row.label === `${PEOPLE} people, realistic mix`);
    if (people)
      verdict(
        `${r.kind} ${PEOPLE} people (1–4 s pauses), ${SIM_SECONDS} s`,
        people.errors + people.non2xx === 0 && people.p99 < 250,
        `${f0(people.rate)} req/s, errors ${people.errors + people.non2xx}, p50 ${f1(people.p50)} ms, p99 ${f1(people.p99)} ms`,
        "0 errors, p99 < 250 ms",
      );
    if (r.twoProcesses)
      verdict(
        `${r.kind} two server processes`,
        r.twoProcesses.errors + r.twoProcesses.non2xx === 0 && r.twoProcesses.p99 < 250,
        `${f0(r.twoProcesses.rate)} req/s, errors ${r.twoProcesses.errors + r.twoProcesses.non2xx}, p99 ${f1(r.twoProcesses.p99)} ms`,
        "0 errors, p99 < 250 ms",
      );
    verdict(
      `${r.kind} idle memory`,
      r.idleRssMiB < 120,
      `${f1(r.idleRssMiB)} MiB RSS after warm-up + GC`,
      "< 120 MiB",
    );
    verdict(
      `${r.kind} cold start`,
      r.coldStartMs < 1000,
      `${f0(r.coldStartMs)} ms to the first answer (CPU ${f0(r.coldStartCpuMs)} ms)`,
      "< 1 s",
    );
    verdict(
      `${r.kind} responses compressed`,
      r.compressedJson !== "none" && r.compressedStatic !== "none",
      `JSON ${r.compressedJson}, static ${r.compressedStatic}`,
      "gzip or br",
    );
    const biggest = r.largest
      .filter((l) => !l.path.includes("openapi"))
      .sort((a, b) => b.bytes - a.bytes)[0];
    if (biggest)
      verdict(
        `${r.kind} no response over 256 KiB`,
        biggest.bytes <= 256 * 1024,
        `${biggest.path.replace(/goalId=.*/, "goalId=…")} ${f0(biggest.bytes / 1024)} KiB`,
        "≤ 256 KiB",
      );
  }
  verdict("Lighthouse mobile ≥ 95", undefined, "not measured by this bench", "≥ 95");
  out.push(table(["", "goal", "figure", "target"], verdicts));
  return out.join("\n");
}

async function main(): Promise<number> {
  const { how } = serverCommand();
  const scripts = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).scripts ?? {};
  if (scripts["build:server"]) {
    console.log("building the server (npm run build:server)…");
    execFileSync("npm", ["run", "--silent", "build:server"], { cwd: root, stdio: "inherit" });
  }
  if (!existsSync(join(root, "apps/web/dist/index.html")))
    console.log("note: no web build (npm run build): static compression is not checked");
  const passwordHash = await argon2Hasher().hash("bench password, never used");
  const results: DatabaseResult[] = [];
  for (const kind of DATABASES) results.push(await benchDatabase(kind, passwordHash));
  const text = report(results, how);
  console.log(`\n${text}`);
  if (env.BENCH_JSON) writeFileSync(env.BENCH_JSON, JSON.stringify(results, null, 2));
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error("bench failed:", error);
    process.exit(1);
  },
);
