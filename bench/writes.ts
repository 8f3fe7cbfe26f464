// `npx tsx bench/writes.ts` (REPEAT=200, SCALE=1): statements and in-process CPU per write on the
// hot path (log an attempt, debrief it, save an audit) for the seeded five-year person on a SQLite
// file, one request at a time, as bench/http.ts sends them. CPU time (process.cpuUsage) is this
// process's only, but a loaded machine still moves it: compare the ratio to GET /api/me, measured
// in the same run. Profile it with
// `PROFILE=/tmp/writes.cpuprofile npx tsx bench/writes.ts` (the measured rounds only, not the seeding).
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

const REPEAT = Number(process.env.REPEAT ?? 200);
const SCALE = Number(process.env.SCALE ?? 1);

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

const dir = mkdtempSync(join(tmpdir(), "cando-writes-"));
const raw = createDb(join(dir, "cando.sqlite"));
try {
  await migrateToLatest(raw);
  const passwordHash = await argon2Hasher().hash("not used");
  const person = await raw
    .transaction()
    .execute((trx) => seedPerson(trx, { name: "five-year", scale: SCALE, passwordHash }));
  const origin = "http://127.0.0.1:8787";
  const app = createApp({
    db: raw.withPlugin(counter),
    clock: { now: () => new Date() },
    newId: () => crypto.randomUUID(),
    passwords: argon2Hasher(),
    deployment: deploymentFrom({ host: "127.0.0.1", port: 8787 }),
    auth: DEFAULT_AUTH_POLICY,
    deviceKey: "writes",
  });
  const headers = { cookie: person.cookie, origin, "content-type": "application/json" };
  const totals = new Map<string, { cpu: number; sys: number; statements: number; n: number }>();
  const send = async (label: string, method: string, path: string, body: unknown) => {
    statements = 0;
    const cpu = process.cpuUsage();
    const answer = await app.request(`${origin}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await answer.text();
    const used = process.cpuUsage(cpu);
    if (answer.status >= 300) throw new Error(`${label}: ${answer.status} ${text}`);
    const t = totals.get(label) ?? { cpu: 0, sys: 0, statements: 0, n: 0 };
    t.cpu += (used.user + used.system) / 1000;
    t.sys += used.system / 1000;
    t.statements += statements;
    t.n++;
    totals.set(label, t);
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
  totals.clear();
  const profiler = process.env.PROFILE ? new Session() : undefined;
  if (profiler) {
    profiler.connect();
    await profiler.post("Profiler.enable");
    await profiler.post("Profiler.start");
  }
  for (let n = 0; n < REPEAT; n++) await round(20 + n);
  if (profiler && process.env.PROFILE) {
    const { profile } = await profiler.post("Profiler.stop");
    writeFileSync(process.env.PROFILE, JSON.stringify(profile));
  }
  const me = totals.get("GET /api/me");
  for (const [label, t] of totals) {
    const ratio = me ? (t.cpu / t.n / (me.cpu / me.n)).toFixed(2) : "?";
    console.log(
      `${label.padEnd(30)} ${(t.statements / t.n).toFixed(1).padStart(5)} statements  ${(t.cpu / t.n).toFixed(2).padStart(6)} CPU ms/request (${(t.sys / t.n).toFixed(2)} of it system; ${ratio}× GET /api/me; mean of ${t.n})`,
    );
  }
} finally {
  await raw.destroy();
  rmSync(dir, { recursive: true, force: true });
}
