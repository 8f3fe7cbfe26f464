import { createHash } from "node:crypto";
import type { Db, DbKind } from "@cando/storage";
import { describeEachDatabase } from "@cando/storage/test-support";
import fc from "fast-check";
import { sql } from "kysely";
import { expect, it } from "vitest";
import {
  attemptBody,
  buildTestApp,
  goalWithLadder,
  signedUp,
  type TestClient,
} from "../test-support";
import { type FuzzRequest, fuzzRequests, type IdPool, type OpenApiDocument } from "./requests";

// The fuzzer: requests generated from the OpenAPI document (so a new route is fuzzed the day it
// is documented), each of which must be refused with a 4xx in the error shape (reads may answer
// 200), never a 5xx, never a hang, and nothing stored may change.
const BATCHES = 1_000;
const PER_BATCH = 10; // sent in parallel: 10,000 requests per database
const REQUEST_TIMEOUT_MS = 5_000;
// Logging out has no input to break; it would only end the fuzzer's own session.
const SKIP = new Set(["POST /api/auth/logout"]);

// Not facts: who is logged in, abuse counters, server secrets, the migrator's own tables, and
// the last 30-day plan a read keeps to say what moved (derived from the facts).
const NOT_FACTS = /^(sessions|throttles|server_secrets|plan_snapshots|kysely_.*|sqlite_.*)$/;

/** Every table of the database, so a table added tomorrow is covered too. */
async function tables(db: Db, kind: DbKind): Promise<string[]> {
  const { rows } =
    kind === "sqlite"
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db);
  return rows
    .map((r) => r.name)
    .filter((n) => !NOT_FACTS.test(n))
    .sort();
}

/** A digest of every stored fact (sessions and abuse counters aside). */
async function checksum(db: Db, kind: DbKind): Promise<string> {
  const hash = createHash("sha256");
  const names = await tables(db, kind);
  if (names.length < 10) throw new Error(`checksum: only ${names.length} tables found`);
  for (const table of names) {
    const { rows } = await sql`select * from ${sql.table(table)}`.execute(db);
    const lines = rows.map((r) => JSON.stringify(r)).sort();
    hash.update(`${table}:${lines.length}\n${lines.join("\n")}\n`);
  }
  return hash.digest("hex");
}

/** A person with a bit of everything: domains, an audit, a goal with a ladder, an attempt, a debrief, evidence. */
async function personWithData(client: TestClient): Promise<string[]> {
  const { goalId, domainId, stepIds } = await goalWithLadder(client);
  const domains = (await client.get("/api/domains")).body.domains as { id: string }[];
  const audit = await client.post("/api/audits", {
    ratings: domains.map((d) => ({ domainId: d.id, rating: 50 })),
  });
  const attempt = await client.post("/api/attempts", attemptBody(stepIds[0] ?? ""));
  const attemptId = attempt.body.attempt.id as string;
  await client.call("PUT", `/api/attempts/${attemptId}/debrief`, {
    didWell: "Kept going",
    attributions: { effort: 4, strategy: 3, ability: 2, luck: 0, help: 1, easy: 0 },
  });
  const evidence = await client.post("/api/evidence", {
    domainId,
    title: "Spoke up at the meeting",
    occurredOn: "2026-11-20",
    ownership: 70,
  });
  const ids = [
    goalId,
    domainId,
    ...stepIds,
    ...domains.map((d) => d.id),
    audit.body.audit.id,
    attemptId,
    evidence.body.evidence.id,
  ];
  if (ids.some((id) => typeof id !== "string")) throw new Error("fixture: an id is missing");
  return ids as string[];
}

function shapeProblem(body: unknown): string | undefined {
  const error = (body as { error?: Record<string, unknown> } | null)?.error;
  if (!error) return "no error object";
  if (typeof error.code !== "string" || typeof error.message !== "string") return "no code/message";
  const fields = error.fields;
  if (!Array.isArray(fields)) return "no fields array";
  for (const f of fields as { path?: unknown; message?: unknown }[]) {
    if (typeof f.path !== "string" || typeof f.message !== "string") return "a bad field entry";
  }
  return undefined;
}

describeEachDatabase("the OpenAPI fuzzer", (db, kind) => {
  it(`refuses ${BATCHES * PER_BATCH} generated bad requests with a 4xx in the error shape and changes nothing`, async () => {
    const { app } = buildTestApp(db());
    const victim = await signedUp(app);
    const fuzzer = await signedUp(app);
    const pool: IdPool = {
      others: await personWithData(victim),
      own: await personWithData(fuzzer),
    };
    const doc = (await fuzzer.get("/api/openapi.json")).body as OpenApiDocument;
    const before = await checksum(db(), kind);
    const statuses = new Map<number, number>();
    const kinds = new Map<string, number>();
    let sent = 0;

    const send = async (req: FuzzRequest): Promise<void> => {
      const headers: Record<string, string> = { origin: "http://localhost", ...req.headers };
      if (!req.anonymous && fuzzer.cookie) headers.cookie = fuzzer.cookie;
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, fail) => {
        timer = setTimeout(() => fail(new Error("no answer within 5 s")), REQUEST_TIMEOUT_MS);
      });
      try {
        const res = await Promise.race([
          app.request(req.path, {
            method: req.method,
            headers,
            ...(req.body === undefined ? {} : { body: req.body }),
          }),
          late,
        ]);
        const text = await Promise.race([res.text(), late]);
        sent++;
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        kinds.set(req.kind, (kinds.get(req.kind) ?? 0) + 1);
        const where = `${req.kind}: ${req.method} ${req.path.slice(0, 300)} ${(req.body ?? "").slice(0, 300)}`;
        if (res.status >= 500) throw new Error(`${res.status} for ${where}\n${text.slice(0, 500)}`);
        if (res.status < 400) {
          if (req.method === "GET" && res.status === 200) return;
          throw new Error(`${res.status} (not refused) for ${where}\n${text.slice(0, 500)}`);
        }
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          throw new Error(`${res.status} without a JSON body for ${where}: ${text.slice(0, 200)}`);
        }
        const problem = shapeProblem(body);
        if (problem)
          throw new Error(`${res.status} ${problem} for ${where}: ${text.slice(0, 300)}`);
      } finally {
        clearTimeout(timer);
      }
    };

    const started = Date.now();
    const result = await fc.check(
      fc.asyncProperty(
        fc.array(fuzzRequests(doc, pool, SKIP), { minLength: PER_BATCH, maxLength: PER_BATCH }),
        async (batch) => {
          await Promise.all(batch.map(send));
        },
      ),
      { numRuns: BATCHES, endOnFailure: true },
    );
    // Our own message (the request, cut short), not fast-check's dump of a 64 KiB body.
    if (result.failed) {
      const cause = result.errorInstance instanceof Error ? result.errorInstance.message : "";
      throw new Error(`fuzzer (seed ${result.seed}): ${cause}`);
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);

    expect(sent).toBeGreaterThanOrEqual(BATCHES * PER_BATCH);
    expect(await checksum(db(), kind)).toBe(before);
    expect((await fuzzer.get("/api/me")).status).toBe(200);
    expect((await victim.get("/api/me")).status).toBe(200);
    const histogram = [...statuses.entries()].sort(([a], [b]) => a - b);
    console.log(
      `fuzzer: ${sent} requests in ${seconds} s, ${(await tables(db(), kind)).length} tables unchanged; statuses ${histogram.map(([s, n]) => `${s}×${n}`).join(", ")}; ` +
        `kinds ${[...kinds.entries()].map(([k, n]) => `${k}×${n}`).join(", ")}`,
    );
  }, 150_000);
});
