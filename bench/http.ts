// `npm run bench`: Cando's HTTP throughput against a bare Hono hello-world, in one run.
// Loopback only, 10 connections, BENCH_SECONDS (default 10) per scenario; the servers run in
// this process and autocannon in a worker thread.
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, migrateToLatest } from "@cando/storage";
import { serve } from "@hono/node-server";
import autocannon from "autocannon";
import { Hono } from "hono";
import { sql } from "kysely";
import { createApp } from "../apps/server/src/app";
import { argon2Hasher } from "../apps/server/src/auth/passwords";
import { DEFAULT_AUTH_POLICY } from "../apps/server/src/auth/policy";
import { deploymentFrom } from "../apps/server/src/http/deployment";

const SECONDS = Number(process.env.BENCH_SECONDS ?? "10");
const CONNECTIONS = 10;
if (!Number.isFinite(SECONDS) || SECONDS <= 0 || SECONDS > 600) {
  console.error("BENCH_SECONDS must be a number of seconds from 1 to 600");
  process.exit(2);
}
// Bounded: whatever happens, the bench ends.
const watchdog = setTimeout(
  () => {
    console.error("bench: took far longer than planned; giving up");
    process.exit(1);
  },
  (SECONDS * 3 + 60) * 1000,
);
watchdog.unref();

type Fetch = (request: Request, env?: object) => Response | Promise<Response>;

interface Listening {
  origin: string;
  close(): Promise<void>;
}

function listen(fetch: Fetch): Promise<Listening> {
  return new Promise((resolve) => {
    const server = serve({ fetch, hostname: "127.0.0.1", port: 0 }, (info: AddressInfo) => {
      resolve({
        origin: `http://127.0.0.1:${info.port}`,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            // Keep-alive sockets from the load generator must not hold the close open.
            if ("closeAllConnections" in server) server.closeAllConnections();
          }),
      });
    });
  });
}

interface Row {
  scenario: string;
  result: autocannon.Result;
}

async function load(
  scenario: string,
  options: Omit<autocannon.Options, "connections" | "duration">,
): Promise<Row> {
  process.stdout.write(`  running ${scenario} for ${SECONDS} s…\n`);
  const result = await autocannon({
    ...options,
    connections: CONNECTIONS,
    duration: SECONDS,
    timeout: 10,
    // The load generator runs in a worker thread, off the event loop of the server it measures.
    workers: 1,
  });
  return { scenario, result };
}

function table(rows: Row[], baseline: number): string {
  const header = ["scenario", "req/s", "p50 ms", "p99 ms", "errors", "non-2xx", "vs hello"];
  const lines = rows.map(({ scenario, result }) => [
    scenario,
    result.requests.mean.toFixed(0),
    result.latency.p50.toFixed(1),
    result.latency.p99.toFixed(1),
    String(result.errors + result.timeouts),
    String(result.non2xx),
    `${((result.requests.mean / baseline) * 100).toFixed(1)}%`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? "").length)));
  const format = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join("  ");
  return [format(header), widths.map((w) => "-".repeat(w)).join("  "), ...lines.map(format)].join(
    "\n",
  );
}

async function main(): Promise<number> {
  const rows: Row[] = [];

  // 1. The ceiling: Hono and the Node HTTP server doing nothing.
  const hello = await listen(new Hono().get("/", (c) => c.text("ok")).fetch);
  try {
    rows.push(await load("hello-world (bare Hono)", { url: `${hello.origin}/` }));
  } finally {
    await hello.close();
  }

  // 2. Cando itself, on a fresh SQLite file with its real settings.
  const dir = mkdtempSync(join(tmpdir(), "cando-bench-"));
  const db = createDb(join(dir, "cando.sqlite"));
  let lost = false;
  try {
    await migrateToLatest(db);
    const clock = { now: () => new Date() };
    // The app must know its port (exact-origin CSRF, Host check): listen first, then build it.
    let fetchCando: Fetch = () => new Response(null, { status: 503 });
    const cando = await listen((request, env) => fetchCando(request, env));
    const app = createApp({
      db,
      clock,
      newId: () => crypto.randomUUID(),
      passwords: argon2Hasher(),
      deployment: deploymentFrom({ host: "127.0.0.1", port: Number(new URL(cando.origin).port) }),
      auth: DEFAULT_AUTH_POLICY,
      deviceKey: "bench",
    });
    fetchCando = app.fetch;
    try {
      const signup = await fetch(`${cando.origin}/api/auth/signup`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: cando.origin },
        body: JSON.stringify({ email: "bench@example.test", password: "a long walk at dawn" }),
      });
      if (signup.status !== 201) throw new Error(`signup failed: ${await signup.text()}`);
      const cookie = (signup.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
      const { user } = (await signup.json()) as { user: { id: string } };
      const domains = (await (
        await fetch(`${cando.origin}/api/domains`, { headers: { cookie } })
      ).json()) as { domains: { id: string }[] };
      const audit = JSON.stringify({
        ratings: domains.domains.map((d, i) => ({ domainId: d.id, rating: (i * 20) % 110 })),
        note: "bench",
      });
      const probe = await fetch(`${cando.origin}/api/audits`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: cando.origin, cookie },
        body: audit,
      });
      if (probe.status !== 201) throw new Error(`saving an audit failed: ${await probe.text()}`);

      const save = await load("Cando POST /api/audits (5 ratings)", {
        url: `${cando.origin}/api/audits`,
        method: "POST",
        headers: { "content-type": "application/json", origin: cando.origin, cookie },
        body: audit,
      });
      rows.push(save);

      // Requests cut off when the run stopped may still commit: wait until the count settles.
      const countAudits = async () =>
        Number(
          (
            await db
              .selectFrom("audits")
              .select(sql<number>`count(*)`.as("n"))
              .where("userId", "=", user.id)
              .executeTakeFirstOrThrow()
          ).n,
        );
      let stored = await countAudits();
      for (let settled = false; !settled; ) {
        await new Promise((r) => setTimeout(r, 200));
        const again = await countAudits();
        settled = again === stored;
        stored = again;
      }
      stored -= 1; // the probe before the run
      const acknowledged = save.result.statusCodeStats["201"]?.count ?? 0;

      // A realistic history: a second person with two years of monthly audits.
      const typical = await fetch(`${cando.origin}/api/auth/signup`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: cando.origin },
        body: JSON.stringify({ email: "typical@example.test", password: "a long walk at dawn" }),
      });
      const typicalCookie = (typical.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
      const typicalDomains = (await (
        await fetch(`${cando.origin}/api/domains`, { headers: { cookie: typicalCookie } })
      ).json()) as { domains: { id: string }[] };
      for (let month = 0; month < 24; month++) {
        await fetch(`${cando.origin}/api/audits`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            origin: cando.origin,
            cookie: typicalCookie,
          },
          body: JSON.stringify({
            ratings: typicalDomains.domains.map((d, i) => ({
              domainId: d.id,
              rating: ((month + i) * 10) % 110,
            })),
          }),
        });
      }
      rows.push(
        await load("Cando GET /api/audits (24 audits, two years)", {
          url: `${cando.origin}/api/audits`,
          headers: { cookie: typicalCookie },
        }),
      );

      const listBytes = (
        await (await fetch(`${cando.origin}/api/audits`, { headers: { cookie } })).text()
      ).length;
      rows.push(
        await load(`Cando GET /api/audits (stress: ${stored + 1} audits)`, {
          url: `${cando.origin}/api/audits`,
          headers: { cookie },
        }),
      );

      const [journal] = (await sql<{ journalMode: string }>`pragma journal_mode`.execute(db)).rows;
      const [sync] = (await sql<{ synchronous: number }>`pragma synchronous`.execute(db)).rows;
      const syncName = ["OFF", "NORMAL", "FULL", "EXTRA"][sync?.synchronous ?? -1] ?? "?";

      const baseline = rows[0]?.result.requests.mean ?? 1;
      console.log(
        `\nCando HTTP bench: ${CONNECTIONS} connections, ${SECONDS} s per scenario, loopback, node ${process.version}\n`,
      );
      console.log(table(rows, baseline));
      console.log(
        `\nSQLite: journal_mode=${journal?.journalMode.toUpperCase()}, synchronous=${syncName}: every ` +
          "acknowledged save is fsynced before its 201, which bounds write throughput by the disk.",
      );
      console.log(
        `The stress list is ${(listBytes / 1024).toFixed(0)} KiB per response: the list is not paginated.`,
      );
      const inFlight = stored - acknowledged;
      console.log(
        `stored ${stored} audits for ${acknowledged} acknowledged saves` +
          (inFlight > 0
            ? ` (+${inFlight} in flight when the run stopped: saved, never acknowledged)`
            : ""),
      );
      if (inFlight < 0 || inFlight > CONNECTIONS) {
        console.error("MISMATCH: stored audits do not account for the acknowledged saves");
        lost = inFlight < 0;
      }
    } finally {
      await cando.close();
    }
  } finally {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
  return lost ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error("bench failed:", error);
    process.exit(1);
  },
);
