import {
  exportJsonSchema,
  exportToCsvFiles,
  ImportResult,
  isoDay,
  parseExport,
  ValidationError,
} from "@cando/core";
import { exportAccount, importAccount } from "@cando/storage";
import { createRoute, z } from "@hono/zod-openapi";
import { strToU8, zipSync } from "fflate";
import { authenticated } from "../auth/require-user";
import type { App } from "../context";
import { errors, json, jsonBody } from "../http/openapi";

/** An export file can be far larger than the API's usual body limit. */
export const IMPORT_PATH = "/api/account/import";
export const IMPORT_LIMIT_BYTES = 32 * 1024 * 1024;

const tags = ["account"];
const attachment = (name: string) => `attachment; filename="${name}"`;

const exportJson = createRoute({
  method: "get",
  path: "/api/account/export",
  tags,
  summary: "Download everything you own as JSON (see /api/account/export/schema.json)",
  ...authenticated,
  responses: {
    200: {
      description: "The export file, as an attachment.",
      content: { "application/json": { schema: z.record(z.string(), z.unknown()) } },
    },
    ...errors(401),
  },
});

const exportCsv = createRoute({
  method: "get",
  path: "/api/account/export.zip",
  tags,
  summary: "Download everything you own as CSV, one file per table, zipped",
  ...authenticated,
  responses: {
    200: {
      description: "A zip of CSV files (RFC 4180, UTF-8, a header row each).",
      content: { "application/zip": { schema: z.string().meta({ format: "binary" }) } },
    },
    ...errors(401),
  },
});

const exportSchema = createRoute({
  method: "get",
  path: "/api/account/export/schema.json",
  tags,
  summary: "The JSON Schema of the export file",
  responses: {
    200: {
      description: "JSON Schema (draft 2020-12).",
      content: { "application/json": { schema: z.record(z.string(), z.unknown()) } },
    },
  },
});

const importRoute = createRoute({
  method: "post",
  path: IMPORT_PATH,
  tags,
  summary: "Import an export file into this account (checked first; all or nothing; idempotent)",
  description:
    "Every field and reference is checked before anything is written; a bad file is a 400 " +
    "whose `fields` name each problem (`goals.3.domainId`). Rows the account already holds are " +
    "matched and left alone, so importing the same file twice adds nothing. Ladder models are " +
    "replayed from the steps and attempts, never read from the file.",
  ...authenticated,
  request: { body: jsonBody(z.record(z.string(), z.unknown())) },
  responses: {
    200: json(ImportResult, "What was added and what was there already."),
    ...errors(400, 401, 403, 413),
  },
});

export function registerTransferRoutes(app: App): void {
  app.openapi(exportJson, async (c) => {
    const { db, clock } = c.var.deps;
    const now = clock.now();
    const file = await exportAccount(db, c.var.user.id, now);
    c.header("Content-Disposition", attachment(`cando-export-${isoDay(now)}.json`));
    c.header("Cache-Control", "no-store");
    return c.json(file, 200);
  });

  app.openapi(exportCsv, async (c) => {
    const { db, clock } = c.var.deps;
    const now = clock.now();
    const file = await exportAccount(db, c.var.user.id, now);
    const csv = exportToCsvFiles(file);
    const zip = zipSync(
      Object.fromEntries(Object.entries(csv).map(([name, text]) => [name, strToU8(text)])),
      { mtime: now },
    );
    return c.body(zip, 200, {
      "Content-Type": "application/zip",
      "Content-Disposition": attachment(`cando-export-${isoDay(now)}.zip`),
      "Cache-Control": "no-store",
    });
  });

  app.openapi(exportSchema, (c) => c.json(exportJsonSchema(), 200));

  app.openapi(importRoute, async (c) => {
    const { db, clock, newId } = c.var.deps;
    const parsed = parseExport(c.req.valid("json"));
    if (!parsed.ok) {
      throw new ValidationError(
        parsed.problems,
        "This file is not a Cando export we can read; nothing was imported.",
      );
    }
    const result = await db
      .transaction()
      .execute((trx) => importAccount(trx, c.var.user.id, parsed.file, newId, clock.now()));
    return c.json(result, 200);
  });
}
