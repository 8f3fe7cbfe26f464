import fc from "fast-check";

/** The part of JSON Schema the OpenAPI document uses for request bodies and parameters. */
export interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
}

interface Parameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  schema?: Schema;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: { "application/json"?: { schema?: Schema } } };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
}

export interface FuzzRequest {
  /** What the request is meant to break, for the failure message. */
  kind: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** Sent without the session cookie. */
  anonymous: boolean;
}

/** Ids the fuzzer can aim at: its own (only with a broken body), another person's, none. */
export interface IdPool {
  own: string[];
  others: string[];
}

const NASTY = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "\udfff x",
  "\u202e\u0301",
  "🙂".repeat(40),
  "'; drop table users; --",
  "<script>alert(1)</script>",
  "../../../etc/passwd",
  "%00",
  "null",
  "-1",
  "1e309",
  "NaN",
  "__proto__",
  "constructor",
  "x".repeat(1000),
];

export const text: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(...NASTY),
);

/** Anything JSON can say, nested: the wrong shape for most fields. */
const junk: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom(null, true, false, 0, -1, 1.5, 2 ** 53 + 2, -(2 ** 60), 1e308),
    text,
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(text, tie("value"), { maxKeys: 4 }),
  ),
})).value;

/** 300 levels of nesting: a parser or validator that recurses naively falls over here. */
const deep = fc
  .integer({ min: 100, max: 300 })
  .map((n) => JSON.parse(`${"[".repeat(n)}${"]".repeat(n)}`) as unknown);

const types = (s: Schema) => (Array.isArray(s.type) ? s.type : s.type ? [s.type] : []);
const isDay = (s: Schema) => s.pattern === "^\\d{4}-\\d{2}-\\d{2}$";

/** A value this schema probably accepts (ids drawn from the pool). */
export function valid(schema: Schema, name: string, ids: string[]): fc.Arbitrary<unknown> {
  const options: fc.Arbitrary<unknown>[] = [];
  const t = types(schema);
  if (t.includes("null")) options.push(fc.constant(null));
  if (schema.enum) return fc.oneof(...options, fc.constantFrom(...schema.enum));
  if (t.includes("integer") || t.includes("number")) {
    options.push(fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000 }));
  }
  if (t.includes("boolean")) options.push(fc.boolean());
  if (t.includes("string")) {
    if (isDay(schema)) options.push(fc.constantFrom("2026-11-20", "2026-02-30", "1999-01-01"));
    else if (schema.format === "date-time") {
      options.push(fc.constantFrom("2026-11-20T08:00:00.000Z", "2099-01-01T00:00:00.000Z"));
    } else if (/Id$|Ids$/.test(name) && ids.length) options.push(fc.constantFrom(...ids));
    else {
      const min = schema.minLength ?? 0;
      options.push(
        fc.string({
          unit: "grapheme",
          minLength: min,
          maxLength: Math.min(schema.maxLength ?? 60, min + 30),
        }),
      );
    }
  }
  if (t.includes("array") && schema.items) {
    const item = schema.items;
    const min = schema.minItems ?? 0;
    options.push(
      fc.array(valid(item, name, ids), {
        minLength: min,
        maxLength: Math.min(schema.maxItems ?? 4, min + 3),
      }),
    );
  }
  if (t.includes("object")) options.push(validObject(schema, ids));
  return options.length ? fc.oneof(...options) : junk;
}

function validObject(schema: Schema, ids: string[]): fc.Arbitrary<Record<string, unknown>> {
  const props = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, prop] of Object.entries(props)) shape[key] = valid(prop, key, ids);
  return fc
    .tuple(
      fc.record(shape, { requiredKeys: [...required].filter((k) => k in shape) }),
      fc.option(fc.dictionary(text, junk, { maxKeys: 3 }), { nil: undefined }),
    )
    .map(([record, extra]) => ({ ...extra, ...record }));
}

/** A value this schema must refuse, whatever else the request holds. */
export function invalid(schema: Schema, name: string, ids: string[]): fc.Arbitrary<unknown> {
  const t = types(schema);
  const wrong: unknown[] = [];
  if (!t.includes("null")) wrong.push(null);
  if (!t.includes("boolean")) wrong.push(true, false);
  if (!t.includes("integer") && !t.includes("number")) wrong.push(0, -1, 3.25);
  if (!t.includes("string")) wrong.push("x", "0", "true");
  if (!t.includes("array")) wrong.push([], [1, 2]);
  if (!t.includes("object")) wrong.push({}, { a: 1 });
  const options: fc.Arbitrary<unknown>[] = [fc.constantFrom(...wrong)];
  if (schema.enum) options.push(text.map((s) => `not-one-of-them:${s}`));
  if (t.includes("integer")) options.push(fc.constantFrom(0.5, 1.000001, -2.5, 2 ** 53 + 0.5));
  if (t.includes("integer") || t.includes("number")) {
    if (schema.minimum !== undefined) {
      const min = schema.minimum;
      options.push(fc.integer({ min: 1, max: 1e9 }).map((k) => min - k));
    }
    if (schema.maximum !== undefined) {
      const max = schema.maximum;
      options.push(fc.integer({ min: 1, max: 1e9 }).map((k) => max + k));
    }
  }
  if (t.includes("string")) {
    // Long or short runs of non-space characters: trimming cannot bring them into range.
    if (schema.maxLength !== undefined) {
      const max = schema.maxLength;
      options.push(
        fc
          .tuple(fc.integer({ min: 1, max: 300 }), fc.constantFrom("x", "é", "🙂", "\u4e2d"))
          .map(([extra, ch]) => ch.repeat(max + extra)),
      );
    }
    if ((schema.minLength ?? 0) >= 1) {
      const min = schema.minLength ?? 1;
      options.push(fc.integer({ min: 0, max: min - 1 }).map((n) => "y".repeat(n)));
    }
    if (isDay(schema))
      options.push(fc.constantFrom("20/11/2026", "2026-1-1", "yesterday", "2026-11-20T00:00"));
    if (schema.format === "date-time")
      options.push(fc.constantFrom("yesterday", "2026-13-45T99:00:00Z", "12"));
  }
  if (t.includes("array") && schema.items) {
    const items = schema.items;
    if (schema.maxItems !== undefined) {
      options.push(
        fc
          .constant(Array(schema.maxItems + 1).fill(null))
          .chain((a) => fc.tuple(...a.map(() => valid(items, name, ids)))),
      );
    }
    if ((schema.minItems ?? 0) >= 1) options.push(fc.constant([]));
    options.push(
      fc
        .tuple(invalid(items, name, ids), fc.array(valid(items, name, ids), { maxLength: 2 }))
        .map(([bad, rest]) => [...rest, bad]),
    );
  }
  if (t.includes("object")) options.push(invalidObject(schema, ids));
  return fc.oneof(...options);
}

function invalidObject(schema: Schema, ids: string[]): fc.Arbitrary<unknown> {
  const props = Object.entries(schema.properties ?? {});
  const required = schema.required ?? [];
  const options: fc.Arbitrary<unknown>[] = [];
  if (required.length) {
    options.push(
      fc
        .tuple(validObject(schema, ids), fc.constantFrom(...required))
        .map(([o, drop]) => Object.fromEntries(Object.entries(o).filter(([k]) => k !== drop))),
    );
  }
  if (props.length) {
    options.push(
      fc
        .constantFrom(...props)
        .chain(([key, prop]) =>
          fc.tuple(validObject(schema, ids), fc.constant(key), invalid(prop, key, ids)),
        )
        .map(([o, key, bad]) => ({ ...o, [key]: bad })),
    );
  }
  if (!options.length) options.push(fc.constantFrom([], "x", 1, null));
  return fc.oneof(...options);
}

// Raw path segments (already encoded): bad escapes, NUL, lone surrogates in WTF-8, traversal.
const RAW_SEGMENTS = [
  "%00",
  "%ED%A0%80",
  "%FF",
  "%",
  "%E2%80%AE",
  "..",
  "%2e%2e%2f",
  "a%2Fb",
  "%C0%AF",
];

function pathSegment(ids: string[]): fc.Arbitrary<string> {
  const encode = (s: string) => encodeURIComponent(wellFormed(s));
  return fc.oneof(
    ...(ids.length ? [fc.constantFrom(...ids).map(encode)] : []),
    text.filter((s) => s.length > 0).map(encode),
    fc.integer({ min: 65, max: 600 }).map((n) => "z".repeat(n)),
    fc.constantFrom(...RAW_SEGMENTS),
    fc.uuid().map((u) => `nope-${u}`),
  );
}

function fillPath(path: string, segment: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "");
  if (!names.length) return fc.constant(path);
  return fc
    .tuple(...names.map(() => segment))
    .map((values) => names.reduce((p, name, i) => p.replace(`{${name}}`, values[i] ?? ""), path));
}

function query(params: Parameter[], ids: string[]): fc.Arbitrary<string> {
  const entries = params
    .filter((p) => p.in === "query")
    .map((p) =>
      fc.option(
        fc
          .oneof(valid(p.schema ?? {}, p.name, ids), invalid(p.schema ?? {}, p.name, ids), text)
          .map((v) => [p.name, typeof v === "string" ? v : JSON.stringify(v)] as const),
        { nil: undefined },
      ),
    );
  const extra = fc.option(fc.tuple(text, text), { nil: undefined });
  const raw = fc.option(fc.constantFrom(...RAW_SEGMENTS), { nil: undefined });
  return fc.tuple(fc.tuple(...entries), extra, raw).map(([values, more, junkValue]) => {
    const pairs = [...values, more].filter((v): v is readonly [string, string] => v !== undefined);
    const encoded = pairs.map(
      ([k, v]) => `${encodeURIComponent(wellFormed(k))}=${encodeURIComponent(wellFormed(v))}`,
    );
    const first = params.find((p) => p.in === "query")?.name ?? "q";
    if (junkValue !== undefined) encoded.push(`${first}=${junkValue}`);
    return encoded.length ? `?${encoded.join("&")}` : "";
  });
}

/** Lone surrogates cannot be percent-encoded as UTF-8; raw segments cover them instead. */
const wellFormed = (s: string) =>
  s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");

const JSON_TYPE = { "content-type": "application/json" };

/**
 * Requests for one documented operation, each of which the server must refuse with a 4xx
 * (for GET: answer 200 or refuse). A state-changing request always carries a defect that
 * validation or authorization must catch: a broken body, a path id that is not the caller's,
 * or no session.
 */
export function operationRequests(
  method: string,
  path: string,
  op: Operation,
  pool: IdPool,
): fc.Arbitrary<FuzzRequest> {
  const upper = method.toUpperCase();
  const schema = op.requestBody?.content?.["application/json"]?.schema;
  const params = op.parameters ?? [];
  const all = [...pool.own, ...pool.others];
  const q = query(params, all);
  const anonymous = fc.integer({ min: 0, max: 9 }).map((n) => n === 0);
  const make =
    (kind: string) =>
    ([p, qs, body, headers, anon]: [
      string,
      string,
      string | undefined,
      Record<string, string>,
      boolean,
    ]) => ({
      kind,
      method: upper,
      path: p + qs,
      headers,
      anonymous: anon,
      ...(body === undefined ? {} : { body }),
    });

  if (upper === "GET") {
    return fc
      .tuple(
        fillPath(path, pathSegment(all)),
        q,
        fc.constant(undefined),
        fc.constant({}),
        anonymous,
      )
      .map(make("read"));
  }
  const foreignPath = fillPath(path, pathSegment(pool.others));
  const anyPath = fillPath(path, pathSegment(all));
  const options: fc.WeightedArbitrary<FuzzRequest>[] = [];
  const add = (weight: number, arbitrary: fc.Arbitrary<FuzzRequest>) =>
    options.push({ weight, arbitrary });
  const json = (arb: fc.Arbitrary<unknown>) => arb.map((v) => JSON.stringify(v));
  if (schema) {
    const broken = fc.oneof(
      { weight: 8, arbitrary: json(invalid(schema, "body", all)) },
      { weight: 1, arbitrary: json(deep) },
      // Text that ends in an open brace is never JSON.
      { weight: 1, arbitrary: text.map((s) => `${s}{`) },
    );
    add(
      6,
      fc.tuple(anyPath, q, broken, fc.constant(JSON_TYPE), anonymous).map(make("broken body")),
    );
    const mediaTypes = fc.constantFrom<Record<string, string>>(
      { "content-type": "text/plain" },
      { "content-type": "application/x-www-form-urlencoded" },
      {},
    );
    add(
      1,
      fc
        .tuple(anyPath, q, json(valid(schema, "body", all)), mediaTypes, anonymous)
        .map(make("wrong media type")),
    );
    const huge = fc
      .integer({ min: 64 * 1024, max: 72 * 1024 })
      .map((n) => JSON.stringify({ x: "a".repeat(n) }));
    add(1, fc.tuple(anyPath, q, huge, fc.constant(JSON_TYPE), anonymous).map(make("too large")));
    if (path.includes("{")) {
      // A well-formed body aimed at someone else's (or nobody's) record: 404, nothing written.
      add(
        4,
        fc
          .tuple(
            foreignPath,
            q,
            json(valid(schema, "body", all)),
            fc.constant(JSON_TYPE),
            anonymous,
          )
          .map(make("not yours")),
      );
    }
  } else if (path.includes("{")) {
    add(
      1,
      fc
        .tuple(foreignPath, q, fc.constant(undefined), fc.constant({}), anonymous)
        .map(make("not yours")),
    );
  }
  return fc.oneof(...options);
}

/** Methods a documented path does not have: 404 (or 405), never a 2xx or 5xx. */
export function wrongMethods(doc: OpenApiDocument, pool: IdPool): fc.Arbitrary<FuzzRequest> {
  const pairs = Object.entries(doc.paths).flatMap(([path, ops]) =>
    ["GET", "POST", "PUT", "PATCH", "DELETE"]
      .filter((m) => !(m.toLowerCase() in ops))
      .map((m) => [m, path] as const),
  );
  return fc
    .constantFrom(...pairs)
    .chain(([method, path]) =>
      fc.tuple(
        fc.constant(method),
        fillPath(path, pathSegment([...pool.own, ...pool.others])),
        fc.option(junk, { nil: undefined }),
      ),
    )
    .map(([method, path, body]) => ({
      kind: "wrong method",
      method,
      path,
      headers: body === undefined ? {} : JSON_TYPE,
      anonymous: false,
      ...(body === undefined || method === "GET" ? {} : { body: JSON.stringify(body) }),
    }));
}

/** Every documented operation (but `skip`), weighted equally, plus wrong methods. */
export function fuzzRequests(
  doc: OpenApiDocument,
  pool: IdPool,
  skip: ReadonlySet<string>,
): fc.Arbitrary<FuzzRequest> {
  const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([method]) => !skip.has(`${method.toUpperCase()} ${path}`))
      .map(([method, op]) => operationRequests(method, path, op, pool)),
  );
  return fc.oneof(...operations, wrongMethods(doc, pool));
}
