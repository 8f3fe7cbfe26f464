// `SCALE=10 REPEAT=300 npx tsx [--cpu-prof] bench/today-goal.ts`: Today and the goal page's four
// calls in process for the seeded person (SQLite file): statements, median ms and CPU ms per call.
// SCALE=1 is the five-year person, SCALE=10 ten times the history (issue 15).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, migrateToLatest } from "@cando/storage";
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs } from "kysely";
import { createApp } from "../apps/server/src/app";
import { argon2Hasher } from "../apps/server/src/auth/passwords";
import { DEFAULT_AUTH_POLICY } from "../apps/server/src/auth/policy";
import { deploymentFrom } from "../apps/server/src/http/deployment";
import { seedPerson } from "./seed";

const scale = Number(process.env.SCALE ?? 1);
const repeat = Number(process.env.REPEAT ?? 50);
let statements = 0;
const counter: KyselyPlugin = {
  transformQuery(args: PluginTransformQueryArgs) {
    statements++;
    return args.node;
  },
  async transformResult(args: PluginTransformResultArgs) {
    return args.result;
  },
};

const dir = mkdtempSync(join(tmpdir(), "cando-today-goal-"));
const raw = createDb(join(dir, "cando.sqlite"));
try {
  await migrateToLatest(raw);
  const passwordHash = await argon2Hasher().hash("not used");
  const person = await raw
    .transaction()
    .execute((trx) => seedPerson(trx, { name: "five-year", scale, passwordHash }));
  const origin = "http://127.0.0.1:8787";
  const app = createApp({
    db: raw.withPlugin(counter),
    clock: { now: () => new Date() },
    newId: () => crypto.randomUUID(),
    passwords: argon2Hasher(),
    deployment: deploymentFrom({ host: "127.0.0.1", port: 8787 }),
    auth: DEFAULT_AUTH_POLICY,
    deviceKey: "today-goal",
  });
  const headers = { cookie: person.cookie, origin };
  const goal = person.goals[0];
  if (!goal) throw new Error("no goal");
  const paths: [string, string][] = [
    ["GET /api/today", "/api/today"],
    ["GET /api/goals/:id", `/api/goals/${goal.id}`],
    ["GET /api/domains", "/api/domains"],
    ["GET /api/goals/:id/ratings", `/api/goals/${goal.id}/ratings`],
    ["GET /api/attempts?goalId=", `/api/attempts?goalId=${goal.id}`],
  ];
  console.log(`SCALE=${scale} REPEAT=${repeat} (${person.counts.attempts} attempts)`);
  const only = process.env.ONLY;
  for (const [label, path] of paths) {
    if (only && !label.includes(only)) continue;
    // PROFILE=dir: a CPU profile of this call's loop alone (not the seeding), one file per call.
    const profiler = process.env.PROFILE ? new Session() : undefined;
    if (profiler) {
      profiler.connect();
      await profiler.post("Profiler.enable");
      await profiler.post("Profiler.setSamplingInterval", { interval: 100 });
      await profiler.post("Profiler.start");
    }
    const times: number[] = [];
    let count = 0;
    let bytes = 0;
    const cpuStart = process.cpuUsage();
    for (let i = 0; i < repeat; i++) {
      statements = 0;
      const started = performance.now();
      const answer = await app.request(`${origin}${path}`, { headers });
      const text = await answer.text();
      times.push(performance.now() - started);
      if (answer.status !== 200) throw new Error(`${label}: ${answer.status} ${text}`);
      count = statements;
      bytes = text.length;
    }
    const cpu = process.cpuUsage(cpuStart);
    if (profiler) {
      const { profile } = await profiler.post("Profiler.stop");
      const file = join(process.env.PROFILE ?? "", `${label.replace(/\W+/g, "_")}.cpuprofile`);
      writeFileSync(file, JSON.stringify(profile));
      profiler.disconnect();
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)] ?? 0;
    console.log(
      `${label.padEnd(28)} ${String(count).padStart(3)} statements  median ${median.toFixed(2).padStart(6)} ms  cpu ${((cpu.user + cpu.system) / 1000 / repeat).toFixed(2).padStart(6)} ms/req  ${(bytes / 1024).toFixed(1)} KiB`,
    );
  }
} finally {
  await raw.destroy();
  rmSync(dir, { recursive: true, force: true });
}
