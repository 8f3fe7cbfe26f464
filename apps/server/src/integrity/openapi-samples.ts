// Test support: schema-valid sample values built from the OpenAPI document's JSON Schemas, so a
// test can reach every documented operation (new routes included) without a hand-kept list.

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  multipleOf?: number;
  format?: string;
  pattern?: string;
  default?: unknown;
};

export type OpenApiDoc = {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
};

export type Operation = {
  parameters?: { name: string; in: string; schema?: JsonSchema; required?: boolean }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  security?: unknown[];
};

/** Every documented operation as `[method, path, operation]`. */
export function operations(doc: OpenApiDoc): [string, string, Operation][] {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(
      ([method, op]) => [method.toUpperCase(), path, op] as [string, string, Operation],
    ),
  );
}

/** A value the schema accepts: the first enum member, the smallest allowed number, … */
export function sample(doc: OpenApiDoc, schema: JsonSchema | undefined, name = ""): unknown {
  if (!schema) return null;
  if (schema.$ref) {
    const key = schema.$ref.replace("#/components/schemas/", "");
    return sample(doc, doc.components?.schemas?.[key], name);
  }
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const options = schema.anyOf ?? schema.oneOf;
  if (options) {
    const nonNull = options.find((o) => o.type !== "null") ?? options[0];
    return sample(doc, nonNull, name);
  }
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((s) => sample(doc, s, name)));
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  switch (type) {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(schema.properties ?? {})) {
        out[key] = sample(doc, value, key);
      }
      return out;
    }
    case "array": {
      const n = Math.max(schema.minItems ?? 1, 1);
      // Distinct items, for lists that must not repeat (step ids of a reorder).
      return Array.from({ length: Math.min(n, schema.maxItems ?? n) }, (_, i) => {
        const item = sample(doc, schema.items, name);
        return typeof item === "string" && !schema.items?.enum ? `${item}${i}` : item;
      });
    }
    case "integer":
    case "number": {
      const step = schema.multipleOf ?? 1;
      const min =
        schema.minimum ??
        (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + step : 0);
      return Math.ceil(min / step) * step;
    }
    case "boolean":
      return true;
    case "null":
      return null;
    case "string":
      return sampleString(schema, name);
    default:
      return null;
  }
}

function sampleString(schema: JsonSchema, name: string): string {
  if (schema.format === "date-time") return "2026-11-20T09:00:00.000Z";
  if (schema.format === "email" || /email/i.test(name)) return "someone@example.test";
  if (schema.pattern?.includes("\\d{4}-\\d{2}-\\d{2}")) return "2026-11-20";
  if (/password/i.test(name)) return "a long walk at dawn";
  const base = /Id$/.test(name) ? "id-sample" : "text";
  const min = schema.minLength ?? 0;
  return base.length >= min ? base : base.padEnd(min, "x");
}

/** The paths (`ratings.0.note`) of every string inside a value. */
export function stringPaths(value: unknown, path: string[] = []): string[][] {
  if (typeof value === "string") return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringPaths(v, [...path, String(i)]));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...path, k]));
  }
  return [];
}

/** A deep copy of `value` with the string at `path` replaced. */
export function withString(value: unknown, path: string[], text: string): unknown {
  if (path.length === 0) return text;
  const [head, ...rest] = path as [string, ...string[]];
  if (Array.isArray(value))
    return value.map((v, i) => (String(i) === head ? withString(v, rest, text) : v));
  const record = value as Record<string, unknown>;
  return { ...record, [head]: withString(record[head], rest, text) };
}
