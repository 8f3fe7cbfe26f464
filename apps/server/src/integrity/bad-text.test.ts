import { createHash } from "node:crypto";
import { type Db, dbKind } from "@cando/storage";
import { describeEachDatabase } from "@cando/storage/test-support";
import { sql } from "kysely";
import { beforeAll, expect, it } from "vitest";
import {
  attemptBody,
  buildTestApp,
  goalWithLadder,
  signedUp,
  type TestClient,
} from "../test-support";
import { type OpenApiDoc, operations, sample, stringPaths, withString } from "./openapi-samples";

/** Tables whose rows change on any authenticated request (sliding session expiry, counters). */
const VOLATILE = /^(sessions|kysely_migration.*|.*limit.*|.*throttle.*)$/;

/** A fingerprint of everything stored, to show a refused request changed nothing. */
async function storedChecksum(db: Db): Promise<string> {
  const tables =
    dbKind(db) === "postgres"
      ? await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db)
      : await sql<{ name: string }>`select name from sqlite_master
          where type = 'table' and name not like 'sqlite_%'`.execute(db);
  const hash = createHash("sha256");
  for (const { name } of tables.rows.sort((a, b) => a.name.localeCompare(b.name))) {
    if (VOLATILE.test(name)) continue;
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db);
    hash.update(name);
    for (const row of rows.rows.map((r) => JSON.stringify(r)).sort()) hash.update(row);
  }
  return hash.digest("hex");
}

const BAD = [
  { label: "U+0000", text: "a\u0000b", inUrl: true },
  { label: "a lone surrogate", text: "a\uD800b", inUrl: false }, // URLs are UTF-8: it cannot be sent there
];

describeEachDatabase("text both databases store alike", (db) => {
  let client: TestClient;
  let doc: OpenApiDoc;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const { app } = buildTestApp(db());
    client = await signedUp(app);
    const ladder = await goalWithLadder(client);
    ids.goalId = ladder.goalId;
    ids.domainId = ladder.domainId;
    ids.stepId = ladder.stepIds[0] ?? "";
    const logged = await client.post("/api/attempts", attemptBody(ids.stepId));
    ids.attemptId = logged.body.attempt.id;
    const evidence = await client.get("/api/evidence");
    ids.evidenceId = evidence.body.evidence[0]?.id ?? "evidence-id";
    doc = (await client.get("/api/openapi.json")).body;
  });

  it("refuses U+0000 and lone surrogates in every path parameter, query value and body string, naming the field, and stores nothing", async () => {
    const before = await storedChecksum(db());
    let sent = 0;
    const wrong: string[] = [];
    const expect400 = async (
      what: string,
      field: string,
      method: string,
      url: string,
      body?: unknown,
    ) => {
      sent++;
      const res = await client.call(method, url, body);
      const named = (res.body?.error?.fields ?? []).some(
        (f: { path: string }) => f.path === field || f.path.startsWith(`${field}.`),
      );
      if (res.status !== 400 || !named)
        wrong.push(`${method} ${url} ${what} → ${res.status} ${JSON.stringify(res.body)}`);
    };

    for (const [method, path, op] of operations(doc)) {
      const params = (op.parameters ?? []).filter((p) => p.in === "path");
      const query = (op.parameters ?? []).filter((p) => p.in === "query");
      const fill = (bad?: { name: string; text: string }) =>
        path.replace(/\{(\w+)\}/g, (_, name: string) =>
          encodeURIComponent(
            bad?.name === name ? `${ids[name] ?? "id"}${bad.text}` : (ids[name] ?? "id"),
          ),
        );
      const bodySchema = op.requestBody?.content?.["application/json"]?.schema;
      const body = bodySchema ? sample(doc, bodySchema) : undefined;

      for (const bad of BAD.filter((b) => b.inUrl)) {
        for (const p of params)
          await expect400(
            `${bad.label} in ${p.name}`,
            p.name,
            method,
            fill({ name: p.name, text: bad.text }),
            body,
          );
        for (const q of query) {
          const url = `${fill()}?${q.name}=${encodeURIComponent(`x${bad.text}`)}`;
          await expect400(`${bad.label} in ${q.name}`, q.name, method, url, body);
        }
      }
      for (const field of stringPaths(body)) {
        for (const bad of BAD) {
          const original = field.reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], body);
          await expect400(
            `${bad.label} in ${field.join(".")}`,
            field.join("."),
            method,
            fill(),
            withString(body, field, `${original}${bad.text}`),
          );
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(sent).toBeGreaterThan(100);
    expect(await storedChecksum(db())).toBe(before);
  });
});

describeEachDatabase("the OpenAPI document states the rules the server enforces", (db) => {
  it("documents ratings and confidence in steps of 10, and patches that must change something", async () => {
    const { app } = buildTestApp(db());
    const doc = (await (await app.request("/api/openapi.json")).json()) as OpenApiDoc;
    const body = (method: string, path: string) =>
      JSON.stringify(doc.paths[path]?.[method]?.requestBody?.content?.["application/json"]?.schema);
    expect(body("post", "/api/audits")).toContain('"multipleOf":10');
    expect(body("post", "/api/steps/{stepId}/ratings")).toContain('"multipleOf":10');
    expect(body("post", "/api/attempts")).toContain('"multipleOf":10');
    for (const [method, path] of [
      ["patch", "/api/goals/{goalId}"],
      ["patch", "/api/steps/{stepId}"],
      ["patch", "/api/evidence/{evidenceId}"],
      ["patch", "/api/domains/{domainId}"],
    ] as const) {
      expect(body(method, path)).toContain('"minProperties":1');
    }
  });
});
