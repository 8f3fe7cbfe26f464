// `SCALE=10 REPEAT=300 npx tsx [--cpu-prof] bench/today-goal.ts`: Today, the goal page's one call
// (and the four reads it replaced) in process, Today's page served (cached) and computed (a miss),
// for the seeded person (SQLite file): statements, median ms and CPU ms per call.
// SCALE=1 is the five-year person, SCALE=10 ten times the history (issue 15).

import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { join } from "node:path";
import { computeTodayPage } from "../apps/server/src/today/page";
import { ORIGIN, seededInProcess } from "./in-process";

const COMPUTED = "(computeTodayPage)";

const scale = Number(process.env.SCALE ?? 1);
const repeat = Number(process.env.REPEAT ?? 50);
// DATABASE_URL=postgres://…: the same on PostgreSQL (a fresh schema, dropped at the end).
const postgres = process.env.DATABASE_URL?.startsWith("postgres")
  ? process.env.DATABASE_URL
  : undefined;
const { app, person, counter, headers, db, close } = await seededInProcess(
  scale,
  "today-goal",
  postgres,
);
try {
  const goal = person.goals[0];
  if (!goal) throw new Error("no goal");
  const paths: [string, string][] = [
    ["GET /api/today", "/api/today"],
    // Served from the read cache after the first call (nothing is written in this loop)…
    ["GET /api/today/page", "/api/today/page"],
    // …and what a miss costs: the page computed from the database (after any write).
    ["Today's page computed", COMPUTED],
    // The rest of Today's page.
    ["GET /api/goals", "/api/goals"],
    ["GET /api/audits (latest)", "/api/audits?order=newest&limit=1"],
    ["GET /api/attempt-starts", "/api/attempt-starts"],
    ["GET /api/rhythm/today", "/api/rhythm/today"],
    ["GET /api/goals/:id", `/api/goals/${goal.id}`],
    ["GET /api/domains", "/api/domains"],
    ["GET /api/goals/:id/ratings", `/api/goals/${goal.id}/ratings`],
    ["GET /api/attempts?goalId=", `/api/attempts?goalId=${goal.id}&order=newest&limit=50`],
    ["GET /api/goals/:id/overview", `/api/goals/${goal.id}/overview?limit=50`],
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
      counter.reset();
      const started = performance.now();
      const answer =
        path === COMPUTED
          ? new Response(JSON.stringify(await computeTodayPage(db, person.userId, new Date())))
          : await app.request(`${ORIGIN}${path}`, { headers });
      const text = await answer.text();
      times.push(performance.now() - started);
      if (answer.status !== 200) throw new Error(`${label}: ${answer.status} ${text}`);
      count = counter.count;
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
  await close();
}
