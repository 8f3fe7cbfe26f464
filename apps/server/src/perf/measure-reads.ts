// Per request, in process: statements and milliseconds for a person with a large seeded history.
// Not a test and not the HTTP bench (bench/, issue 15's other half): a quick before/after figure.
//   npx tsx apps/server/src/perf/measure-reads.ts [attempts=2000] [sqlite|postgres://…]
import { createDb, migrateToLatest } from "@cando/storage";
import { attemptBody, buildTestApp, goalWithLadder, signedUp } from "../test-support";
import { counted } from "./query-counter";

const attempts = Number(process.argv[2] ?? 2000);
const url = process.argv[3] ?? ":memory:";
const base = createDb(url);
await migrateToLatest(base);
const { db, counter } = counted(base);
const forever = 300 * 86_400_000;
const { app, clock } = buildTestApp(db, {
  auth: { session: { idleMs: forever, absoluteMs: forever } },
});
const client = await signedUp(app);
const domains = (await client.get("/api/domains")).body.domains as { id: string }[];
const audit = (i: number) =>
  client.post("/api/audits", {
    ratings: domains.map((d, j) => ({ domainId: d.id, rating: ((i + j) % 11) * 10 })),
  });
const goals = [];
for (let g = 0; g < 6; g++)
  goals.push(await goalWithLadder(client, [90, 80, 70, 60, 50, 40, 30, 20]));
const started = Date.now();
for (let i = 0; i < attempts; i++) {
  clock.advanceMinutes(60);
  const goal = goals[i % goals.length];
  const step = goal?.stepIds[Math.min(7, Math.floor(i / goals.length / 40))] as string;
  const res = await client.post(
    "/api/attempts",
    attemptBody(step, {
      outcome: ["done", "done", "partly", "not_yet"][i % 4],
      confidenceBefore: ((i * 7) % 11) * 10,
      anxietyBefore: i % 11,
    }),
  );
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  await client.call("PUT", `/api/attempts/${res.body.attempt.id}/debrief`, {
    didWell: `kept going ${i}`,
    capability: "I can",
    differently: "start earlier",
    attributions: { effort: 3, strategy: 2, ability: 1, luck: i % 5, help: 0, easy: 0 },
  });
  if (i % 2 === 0)
    await client.post("/api/evidence", {
      domainId: domains[i % domains.length]?.id,
      title: `Did a hard thing ${i}`,
      body: "with people watching",
      occurredOn: clock.now().toISOString().slice(0, 10),
      ownership: 70,
    });
  if (i % 40 === 39) await audit(i);
}
console.log(`seeded ${attempts} attempts in ${((Date.now() - started) / 1000).toFixed(1)} s`);

const goalId = goals[0]?.goalId as string;
const requests: [string, () => Promise<{ status: number }>][] = [
  ["GET /api/today", () => client.get("/api/today")],
  ["GET /api/goals/{id}", () => client.get(`/api/goals/${goalId}`)],
  ["GET /api/goals/{id}/ratings", () => client.get(`/api/goals/${goalId}/ratings`)],
  ["GET /api/attempts?goalId", () => client.get(`/api/attempts?goalId=${goalId}`)],
  ["GET /api/insights", () => client.get("/api/insights")],
  ["GET /api/doubt", () => client.get("/api/doubt")],
  ["GET /api/evidence", () => client.get("/api/evidence")],
];
const rows: string[] = [];
for (const [name, send] of requests) {
  const times: number[] = [];
  let queries = 0;
  let bytes = 0;
  let first = 0;
  for (let i = 0; i < 15; i++) {
    counter.reset();
    const t = performance.now();
    const res = (await send()) as { status: number; body: unknown };
    times.push(performance.now() - t);
    if (i === 0) first = performance.now() - t;
    if (res.status !== 200) throw new Error(`${name}: ${res.status}`);
    queries = counter.count;
    bytes = JSON.stringify(res.body).length;
  }
  times.sort((a, b) => a - b);
  rows.push(
    `${name.padEnd(30)} queries ${String(queries).padStart(3)}  p50 ${times[7]?.toFixed(1).padStart(6)} ms  first ${first.toFixed(1)} ms  max ${times.at(-1)?.toFixed(1)} ms  ${(bytes / 1024).toFixed(0)} KiB`,
  );
}
// A write: an attempt and its debrief.
const writeTimes: number[] = [];
let writeQueries = 0;
for (let i = 0; i < 15; i++) {
  clock.advanceMinutes(60);
  counter.reset();
  const t = performance.now();
  const res = await client.post("/api/attempts", attemptBody(goals[1]?.stepIds[0] as string));
  await client.call("PUT", `/api/attempts/${res.body.attempt.id}/debrief`, {
    attributions: { effort: 3, strategy: 2, ability: 1, luck: 1, help: 0, easy: 0 },
  });
  writeTimes.push(performance.now() - t);
  writeQueries = counter.count;
}
writeTimes.sort((a, b) => a - b);
rows.push(
  `${"POST /api/attempts + debrief".padEnd(30)} queries ${String(writeQueries).padStart(3)}  p50 ${writeTimes[7]?.toFixed(1).padStart(6)} ms`,
);
console.log(rows.join("\n"));
await base.destroy();
