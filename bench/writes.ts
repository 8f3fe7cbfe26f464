// `npx tsx bench/writes.ts` (REPEAT=200, SCALE=1): statements and in-process CPU per write on the
// hot path (log an attempt, debrief it, save an audit) for the seeded five-year person on a SQLite
// file (or PostgreSQL: DATABASE_URL=postgres://postgres@127.0.0.1:5432/test, a fresh schema,
// dropped after), one request at a time, as bench/http.ts sends them. Statements are counted in
// one pass of REPEAT rounds; CPU is measured in a second on the plain handle, as the server runs
// (a counted handle compiles every statement, hiding what fixedQuery saves). CPU time
// (process.cpuUsage) is this process's only, but a loaded machine still moves it: compare the
// ratio to GET /api/me, measured in the same run. Profile it with
// `PROFILE=/tmp/writes.cpuprofile npx tsx bench/writes.ts` (the CPU pass only, not the seeding).

import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { ORIGIN, seededInProcess } from "./in-process";

const REPEAT = Number(process.env.REPEAT ?? 200);
const SCALE = Number(process.env.SCALE ?? 1);

const { app, plain, person, counter, headers, close } = await seededInProcess(
  SCALE,
  "writes",
  process.env.DATABASE_URL,
);
try {
  const totals = new Map<string, { cpu: number; sys: number; n: number }>();
  const statements = new Map<string, { count: number; n: number }>();
  let counting = false;
  const send = async (label: string, method: string, path: string, body: unknown) => {
    counter.reset();
    const cpu = process.cpuUsage();
    const answer = await (counting ? app : plain).request(`${ORIGIN}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await answer.text();
    const used = process.cpuUsage(cpu);
    if (answer.status >= 300) throw new Error(`${label}: ${answer.status} ${text}`);
    if (counting) {
      const s = statements.get(label) ?? { count: 0, n: 0 };
      s.count += counter.count;
      s.n++;
      statements.set(label, s);
    } else {
      const t = totals.get(label) ?? { cpu: 0, sys: 0, n: 0 };
      t.cpu += (used.user + used.system) / 1000;
      t.sys += used.system / 1000;
      t.n++;
      totals.set(label, t);
    }
    return JSON.parse(text);
  };
  const round = async (n: number) => {
    const goal = person.goals[n % person.goals.length];
    const stepId = goal?.stepIds[(n * 7) % goal.stepIds.length];
    const outcome = (["done", "partly", "done", "not_yet"] as const)[n % 4];
    const logged = await send("POST /api/attempts", "POST", "/api/attempts", {
      stepId,
      outcome,
      effort: 3,
      difficulty: 3,
      confidenceBefore: 60,
      anxietyBefore: 3,
      idempotencyKey: crypto.randomUUID(),
    });
    await send(
      "PUT /api/attempts/:id/debrief",
      "PUT",
      `/api/attempts/${logged.attempt.id}/debrief`,
      {
        didWell: "kept going",
        capability: "I can do more than I thought",
        differently: "",
        attributions: { effort: 3, strategy: 3, ability: 2, luck: 1, help: 1, easy: 1 },
      },
    );
    // The yardstick: a session and a user, measured in the same run (machine load moves all alike).
    await send("GET /api/me", "GET", "/api/me", undefined);
    await send("POST /api/audits", "POST", "/api/audits", {
      ratings: person.domainIds.map((domainId, i) => ({ domainId, rating: ((n + i) * 10) % 110 })),
      note: "bench",
    });
  };
  for (let n = 0; n < 20; n++) await round(n); // warm-up
  counting = true;
  for (let n = 0; n < REPEAT; n++) await round(20 + n);
  counting = false;
  totals.clear();
  const profiler = process.env.PROFILE ? new Session() : undefined;
  if (profiler) {
    profiler.connect();
    await profiler.post("Profiler.enable");
    await profiler.post("Profiler.start");
  }
  for (let n = 0; n < REPEAT; n++) await round(20 + REPEAT + n);
  if (profiler && process.env.PROFILE) {
    const { profile } = await profiler.post("Profiler.stop");
    writeFileSync(process.env.PROFILE, JSON.stringify(profile));
  }
  const me = totals.get("GET /api/me");
  for (const [label, t] of totals) {
    const ratio = me ? (t.cpu / t.n / (me.cpu / me.n)).toFixed(2) : "?";
    const s = statements.get(label);
    console.log(
      `${label.padEnd(30)} ${s ? (s.count / s.n).toFixed(1).padStart(5) : "    ?"} statements  ${(t.cpu / t.n).toFixed(2).padStart(6)} CPU ms/request (${(t.sys / t.n).toFixed(2)} of it system; ${ratio}× GET /api/me; mean of ${t.n})`,
    );
  }
} finally {
  await close();
}
