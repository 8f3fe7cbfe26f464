// `npm run bench:lighthouse`: Lighthouse (mobile, performance only) on every page of the app, for
// the seeded five-year person, against the built server (node apps/server/dist/main.js) on a
// fresh SQLite file. Prints a score per page and PASS/FAIL at ≥ 95 (issue 15); exits 1 when a
// page fails.
//
//   LIGHTHOUSE_PAGES=today,goal   only these pages (by name in the table)
//   LIGHTHOUSE_RUNS=3             runs per page; the median score counts (default 1)
//   LIGHTHOUSE_JSON=dir           also keep each page's full report (JSON) there
//   LIGHTHOUSE_TRACE=1            with LIGHTHOUSE_JSON, keep each run's trace beside its report
//                                 (<page>-<run>.trace.json: open in DevTools' Performance panel)
//   LIGHTHOUSE_WEB_ROOTS=a=dir,b=dir  compare built web apps (e.g. before and after a change): a
//                                 server for each on one database, each page's runs taking turns
//                                 (a, b, a, b, …) so both see the same machine load; a table each
//
// "TBT cpu" is the blocking time counted from each task's CPU time instead of its wall time
// (bench/cpu-blocking.ts): other work on the machine inflates TBT, much less this.
//   CANDO_CHROMIUM=/path          the browser (default Debian's /usr/bin/chromium)
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createDb, migrateToLatest } from "@cando/storage";
import { launch } from "chrome-launcher";
import lighthouse from "lighthouse";
import { argon2Hasher } from "../apps/server/src/auth/passwords";
import { CHROMIUM_FLAGS } from "../apps/web/e2e/support/chromium-flags";
import { cpuBlockingTime, type TraceEventLike } from "./cpu-blocking";
import { seedPerson } from "./seed";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const env = process.env;
const TARGET = 95;
const RUNS = Math.max(1, Number(env.LIGHTHOUSE_RUNS ?? 1));
const CHROMIUM = env.CANDO_CHROMIUM ?? "/usr/bin/chromium";
// The flags the browser tests use too, and headless (Playwright adds it there; this launcher does not).
const CHROME_FLAGS = ["--headless", ...CHROMIUM_FLAGS];

interface PageToCheck {
  name: string;
  path: string;
  /** Logged in as the five-year person (else a visitor). */
  signedIn: boolean;
}

interface Measured {
  name: string;
  path: string;
  score: number;
  fcp: number;
  lcp: number;
  tbt: number;
  tbtCpu: number;
  cls: number;
  error?: string;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

function build(): void {
  if (!existsSync(join(root, "apps/web/dist/index.html")) || env.LIGHTHOUSE_BUILD === "1") {
    console.log("building the web app (npm run build)…");
    execFileSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
  }
  console.log("building the server (npm run build:server)…");
  execFileSync("npm", ["run", "build:server"], { cwd: root, stdio: "inherit" });
}

async function startServer(
  databaseUrl: string,
  port: number,
  webRoot: string,
): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(root, "apps/server/dist/main.js")], {
    cwd: root,
    env: {
      ...env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      CANDO_WEB_ROOT: webRoot,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const started = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error("the server exited");
    if (performance.now() - started > 60_000) throw new Error("the server did not answer in 60 s");
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

async function main(): Promise<number> {
  build();
  const dir = mkdtempSync(join(tmpdir(), "cando-lighthouse-"));
  const databaseUrl = join(dir, "cando.sqlite");
  const servers: ChildProcess[] = [];
  let chrome: Awaited<ReturnType<typeof launch>> | undefined;
  try {
    // The five-year person, and the ids the pages with one in their path need.
    const db = createDb(databaseUrl);
    await migrateToLatest(db);
    const passwordHash = await argon2Hasher().hash("not used");
    const person = await db
      .transaction()
      .execute((trx) => seedPerson(trx, { name: "five-year", scale: 1, passwordHash }));
    const goal = person.goals[0];
    const attempt = await db
      .selectFrom("attempts")
      .select("id")
      .where("userId", "=", person.userId)
      .orderBy("attemptedAt", "desc")
      .executeTakeFirst();
    const evidence = await db
      .selectFrom("evidence")
      .select("id")
      .where("userId", "=", person.userId)
      .orderBy("occurredOn", "desc")
      .executeTakeFirst();
    await db.destroy();
    if (!goal || !attempt || !evidence) throw new Error("the seeded person has no goal");

    const pages: PageToCheck[] = [
      { name: "landing", path: "/", signedIn: false },
      { name: "log-in", path: "/login", signedIn: false },
      { name: "sign-up", path: "/signup", signedIn: false },
      { name: "today", path: "/", signedIn: true },
      { name: "goals", path: "/goals", signedIn: true },
      { name: "goal", path: `/goals/${goal.id}`, signedIn: true },
      {
        name: "log attempt",
        path: `/goals/${goal.id}/steps/${goal.stepIds[0]}/attempt`,
        signedIn: true,
      },
      { name: "attempt", path: `/attempts/${attempt.id}`, signedIn: true },
      { name: "plan", path: `/goals/${goal.id}/plan`, signedIn: true },
      { name: "evidence", path: "/evidence", signedIn: true },
      { name: "evidence item", path: `/evidence/${evidence.id}`, signedIn: true },
      { name: "doubt", path: "/doubt", signedIn: true },
      { name: "insights", path: "/insights", signedIn: true },
      { name: "audit", path: "/audit", signedIn: true },
      { name: "history", path: "/history", signedIn: true },
      { name: "domains", path: "/domains", signedIn: true },
      { name: "milestones", path: "/milestones", signedIn: true },
      { name: "reflections", path: "/reflections", signedIn: true },
      { name: "week", path: "/reflections/week", signedIn: true },
      { name: "rhythm", path: "/rhythm", signedIn: true },
      { name: "role models", path: "/role-models", signedIn: true },
      { name: "shared with me", path: "/shared", signedIn: true },
      { name: "notifications", path: "/notifications", signedIn: true },
      { name: "settings", path: "/settings", signedIn: true },
      { name: "how it works", path: "/how-cando-works", signedIn: true },
    ];
    const only = env.LIGHTHOUSE_PAGES?.split(",").map((p) => p.trim());
    const chosen = only ? pages.filter((p) => only.includes(p.name)) : pages;

    // The web apps to measure: apps/web/dist, or each of LIGHTHOUSE_WEB_ROOTS.
    const webs = (env.LIGHTHOUSE_WEB_ROOTS?.split(",") ?? [`=${join(root, "apps/web/dist")}`]).map(
      (entry) => {
        const [name = "", webRoot = ""] = entry.split("=");
        return { name: name.trim(), webRoot: webRoot.trim(), origin: "" };
      },
    );
    for (const web of webs) {
      const port = await freePort();
      servers.push(await startServer(databaseUrl, port, web.webRoot));
      web.origin = `http://127.0.0.1:${port}`;
    }
    chrome = await launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS, logLevel: "error" });

    const results: Measured[][] = webs.map(() => []);
    // Lighthouse's measure of this machine's CPU speed while it ran (a loaded machine scores low
    // and its pages' blocking time looks longer than it would on an idle one).
    const benchmarkIndex: number[][] = webs.map(() => []);
    for (const page of chosen) {
      const runs: Measured[][] = webs.map(() => []);
      for (let run = 0; run < RUNS; run++) {
        for (const [w, web] of webs.entries()) {
          const label = `${web.name ? `${web.name}: ` : ""}${page.name} (${page.path})`;
          process.stdout.write(`  ${label} run ${run + 1}/${RUNS}…`);
          // The session cookie rides on every request of the page (documents and API calls alike).
          const answer = await lighthouse(`${web.origin}${page.path}`, {
            port: chrome.port,
            output: "json",
            logLevel: "error",
            onlyCategories: ["performance"],
            ...(page.signedIn ? { extraHeaders: { Cookie: person.cookie } } : {}),
          });
          const lhr = answer?.lhr;
          const trace = answer?.artifacts.Trace;
          if (env.LIGHTHOUSE_JSON && lhr) {
            mkdirSync(env.LIGHTHOUSE_JSON, { recursive: true });
            const prefix = web.name ? `${web.name}-` : "";
            const file = `${prefix}${page.name.replaceAll(" ", "-")}-${run + 1}.json`;
            writeFileSync(join(env.LIGHTHOUSE_JSON, file), JSON.stringify(lhr));
            if (env.LIGHTHOUSE_TRACE === "1" && trace) {
              const traceFile = file.replace(/\.json$/, ".trace.json");
              writeFileSync(join(env.LIGHTHOUSE_JSON, traceFile), JSON.stringify(trace));
            }
          }
          benchmarkIndex[w]?.push(lhr?.environment.benchmarkIndex ?? Number.NaN);
          const value = (id: string) => lhr?.audits[id]?.numericValue ?? Number.NaN;
          const measured: Measured = {
            name: page.name,
            path: page.path,
            score: Math.round((lhr?.categories.performance?.score ?? 0) * 100),
            fcp: value("first-contentful-paint"),
            lcp: value("largest-contentful-paint"),
            tbt: value("total-blocking-time"),
            tbtCpu: trace ? cpuBlockingTime(trace.traceEvents as TraceEventLike[]) : Number.NaN,
            cls: value("cumulative-layout-shift"),
            ...(lhr?.runtimeError ? { error: lhr.runtimeError.message } : {}),
          };
          const error = measured.error ? ` (${measured.error})` : "";
          process.stdout.write(
            ` ${measured.score}, TBT ${measured.tbt.toFixed(0)}, TBT cpu ${measured.tbtCpu.toFixed(0)}${error}\n`,
          );
          runs[w]?.push(measured);
        }
      }
      for (const [w, measured] of runs.entries()) {
        const score = median(measured.map((r) => r.score));
        const picked = measured.find((r) => r.score === score) ?? (measured[0] as Measured);
        // The run with the median score, but the median of the CPU-time blocking over all runs.
        results[w]?.push({ ...picked, tbtCpu: median(measured.map((r) => r.tbtCpu)) });
      }
    }

    const line = (cells: string[], widths: number[]) =>
      cells
        .map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
        .join("  ");
    const widths = [15, 44, 5, 7, 7, 7, 7, 5, 7];
    let failed = 0;
    for (const [w, web] of webs.entries()) {
      const rows = results[w] ?? [];
      console.log(
        `\n${web.name ? `${web.name} (${web.webRoot}): ` : ""}Lighthouse ${lighthouseVersion()} mobile (simulated throttling), performance; the five-year person; median of ${RUNS} run(s); CPU benchmark index ${median(benchmarkIndex[w] ?? []).toFixed(0)} (median)`,
      );
      console.log(
        line(
          ["page", "path", "score", "FCP ms", "LCP ms", "TBT ms", "TBT cpu", "CLS", "verdict"],
          widths,
        ),
      );
      console.log(widths.map((width) => "-".repeat(width)).join("  "));
      let webFailed = 0;
      for (const r of rows) {
        const pass = r.score >= TARGET && !r.error;
        if (!pass) webFailed++;
        const path = r.path.replace(/[0-9a-f-]{20,}/g, ":id");
        console.log(
          line(
            [
              r.name,
              path,
              String(r.score),
              r.fcp.toFixed(0),
              r.lcp.toFixed(0),
              r.tbt.toFixed(0),
              r.tbtCpu.toFixed(0),
              r.cls.toFixed(3),
              pass ? "PASS" : "FAIL",
            ],
            widths,
          ),
        );
      }
      console.log(`\n${rows.length - webFailed} of ${rows.length} pages at ≥ ${TARGET}`);
      failed += webFailed;
    }
    return failed === 0 ? 0 : 1;
  } finally {
    if (chrome) chrome.kill();
    for (const server of servers) {
      if (server.exitCode !== null) continue;
      const exited = new Promise((done) => server.once("exit", done));
      server.kill("SIGTERM");
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

function lighthouseVersion(): string {
  const file = join(root, "node_modules/lighthouse/package.json");
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")).version : "";
}

process.exitCode = await main();
