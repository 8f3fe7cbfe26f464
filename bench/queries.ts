// `npx tsx bench/queries.ts`: SQL statements and in-process time per hot request, for the seeded
// five-year person on a SQLite file (the production setup), one request at a time. Where the
// bench's figures say a request is slow, this says what it does.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, migrateToLatest } from "@cando/storage";
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs } from "kysely";
import { createApp } from "../apps/server/src/app";
import { argon2Hasher } from "../apps/server/src/auth/passwords";
import { DEFAULT_AUTH_POLICY } from "../apps/server/src/auth/policy";
import { deploymentFrom } from "../apps/server/src/http/deployment";
import { seedPerson } from "./seed";

const statements: string[] = [];
const counter: KyselyPlugin = {
  transformQuery(args: PluginTransformQueryArgs) {
    // biome-ignore lint/suspicious/noExplicitAny: a peek at the table for the listing
    const n = args.node as any;
    const table =
      n.from?.froms?.[0]?.table?.identifier?.name ??
      n.into?.table?.identifier?.name ??
      n.table?.table?.identifier?.name ??
      n.from?.froms?.[0]?.node?.table?.identifier?.name ??
      n.sqlFragments?.join("?").slice(0, 40) ??
      "";
    statements.push(`${n.kind.replace("QueryNode", "").replace("Node", "")} ${table}`);
    return args.node;
  },
  async transformResult(args: PluginTransformResultArgs) {
    return args.result;
  },
};

const dir = mkdtempSync(join(tmpdir(), "cando-queries-"));
const raw = createDb(join(dir, "cando.sqlite"));
try {
  await migrateToLatest(raw);
  const passwordHash = await argon2Hasher().hash("not used");
  const person = await raw
    .transaction()
    .execute((trx) => seedPerson(trx, { name: "five-year", scale: 1, passwordHash }));
  const db = raw.withPlugin(counter);
  const origin = "http://127.0.0.1:8787";
  const app = createApp({
    db,
    clock: { now: () => new Date() },
    newId: () => crypto.randomUUID(),
    passwords: argon2Hasher(),
    deployment: deploymentFrom({ host: "127.0.0.1", port: 8787 }),
    auth: DEFAULT_AUTH_POLICY,
    deviceKey: "queries",
  });
  const headers = { cookie: person.cookie, origin, "content-type": "application/json" };
  const goal = person.goals[0];
  if (!goal) throw new Error("no goal");
  const call = async (label: string, method: string, path: string, body?: unknown) => {
    let answer: Response | undefined;
    const times: number[] = [];
    let count = 0;
    for (let i = 0; i < 5; i++) {
      statements.length = 0;
      const started = performance.now();
      answer = await app.request(`${origin}${path}`, {
        method,
        headers,
        ...(body ? { body: JSON.stringify(typeof body === "function" ? body() : body) } : {}),
      });
      const text = await answer.text();
      times.push(performance.now() - started);
      count = statements.length;
      if (answer.status >= 300) throw new Error(`${label}: ${answer.status} ${text}`);
      if (method === "POST" && path === "/api/attempts") lastAttempt = JSON.parse(text).attempt.id;
    }
    times.sort((a, b) => a - b);
    if (process.env.VERBOSE) console.log(`  ${statements.join("\n  ")}`);
    console.log(
      `${label.padEnd(34)} ${String(count).padStart(3)} statements  ${times[2]?.toFixed(1).padStart(6)} ms (median of 5)`,
    );
  };
  let lastAttempt = "";
  await call("GET /api/me", "GET", "/api/me");
  await call("GET /api/today", "GET", "/api/today");
  await call("GET /api/goals/:id", "GET", `/api/goals/${goal.id}`);
  await call("GET /api/attempts?goalId", "GET", `/api/attempts?goalId=${goal.id}`);
  await call("GET /api/insights", "GET", "/api/insights");
  await call("GET /api/doubt", "GET", "/api/doubt");
  await call("POST /api/attempts", "POST", "/api/attempts", {
    stepId: goal.stepIds[2],
    outcome: "done",
    effort: 3,
    difficulty: 3,
  });
  await call(
    "PUT /api/attempts/:id/debrief",
    "PUT",
    "/api/attempts/x/debrief".replace("x", lastAttempt),
    {
      didWell: "kept going",
      capability: "more than I thought",
      attributions: { effort: 3, strategy: 3, ability: 2, luck: 1, help: 1, easy: 1 },
    },
  );
  await call("POST /api/audits", "POST", "/api/audits", {
    ratings: person.domainIds.map((domainId) => ({ domainId, rating: 50 })),
  });
} finally {
  await raw.destroy();
  rmSync(dir, { recursive: true, force: true });
}
