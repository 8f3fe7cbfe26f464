import {
  type AuditInput,
  AuditInput as AuditInputSchema,
  AuditList,
  AuditResponse,
  auditDue,
  type FieldProblem,
  NextCursor,
  PageQuery,
  ValidationError,
} from "@cando/core";
import {
  type DomainRow,
  insertAudit,
  lastAuditAt,
  listAudits,
  listDomains,
  lockUser,
} from "@cando/storage";
import { createRoute, z } from "@hono/zod-openapi";
import { access } from "../access";
import { authenticated } from "../auth/require-user";
import type { App } from "../context";
import { errors, json, jsonBody } from "../http/openapi";
import { decodeCursor, pageOf, rowsToRead } from "../http/pages";

const AuditParams = z.object({ auditId: z.string().min(1).max(64) });
const AuditQuery = z
  .object({
    order: z
      .enum(["oldest", "newest"], { error: "must be oldest or newest" })
      .optional()
      .describe("oldest first (the default) or newest first (`limit=1`: the latest audit)"),
  })
  .extend(PageQuery.shape);

const list = createRoute({
  method: "get",
  path: "/api/audits",
  tags: ["audits"],
  summary:
    "The person's audits, oldest (or newest) first, a page at a time, and whether the next one is due",
  description:
    "Paginated: at most `limit` audits (default 100); pass `nextCursor` as `cursor` for the next page.",
  ...authenticated,
  request: { query: AuditQuery },
  responses: {
    200: json(AuditList.extend({ nextCursor: NextCursor }), "Audit history."),
    ...errors(400, 401),
  },
});

const create = createRoute({
  method: "post",
  path: "/api/audits",
  tags: ["audits"],
  summary: "Save an audit: one 0–100 rating for every active domain, stored atomically",
  ...authenticated,
  request: { body: jsonBody(AuditInputSchema) },
  responses: { 201: json(AuditResponse, "The saved audit."), ...errors(400, 401, 403, 413) },
});

const show = createRoute({
  method: "get",
  path: "/api/audits/{auditId}",
  tags: ["audits"],
  summary: "One audit",
  ...authenticated,
  request: { params: AuditParams },
  responses: { 200: json(AuditResponse, "The audit."), ...errors(401, 404) },
});

/** An audit rates every active domain exactly once, and nothing else. */
function checkCoverage(input: AuditInput, domains: DomainRow[]): FieldProblem[] {
  const byId = new Map(domains.map((d) => [d.id, d]));
  const problems: FieldProblem[] = [];
  input.ratings.forEach((r, i) => {
    const domain = byId.get(r.domainId);
    if (!domain)
      problems.push({ path: `ratings.${i}.domainId`, message: "is not one of your domains" });
    else if (domain.archivedAt !== null)
      problems.push({ path: `ratings.${i}.domainId`, message: "is archived" });
  });
  const rated = new Set(input.ratings.map((r) => r.domainId));
  for (const d of domains) {
    if (d.archivedAt === null && !rated.has(d.id)) {
      problems.push({ path: "ratings", message: `is missing a rating for ${d.name}` });
    }
  }
  return problems;
}

export function registerAuditRoutes(app: App): void {
  app.openapi(list, async (c) => {
    const { db, clock } = c.var.deps;
    const query = c.req.valid("query");
    const rows = await listAudits(db, c.var.user.id, {
      limit: rowsToRead(query.limit),
      after: decodeCursor(query.cursor, 2),
      newestFirst: query.order === "newest",
    });
    const page = pageOf(
      rows,
      query.limit,
      (a) => a,
      (a) => [a.takenAt, a.id],
    );
    // Due from the latest audit of all, whichever page this is.
    const due = auditDue(await lastAuditAt(db, c.var.user.id), clock.now());
    return c.json({ audits: page.items, due, nextCursor: page.nextCursor }, 200);
  });

  app.openapi(create, async (c) => {
    const input = c.req.valid("json");
    const { db, clock, newId } = c.var.deps;
    const user = c.var.user;
    const audit = await db.transaction().execute(async (trx) => {
      // A domain archived or added in parallel must not slip between the check and the insert.
      await lockUser(trx, user.id);
      const domains = await listDomains(trx, user.id);
      const problems = checkCoverage(input, domains);
      if (problems.length > 0) throw new ValidationError(problems);
      const saved = {
        id: newId(),
        userId: user.id,
        takenAt: clock.now().toISOString(),
        note: input.note || null,
        ratings: input.ratings,
      };
      await insertAudit(trx, saved);
      // Answered from what was written, not read back: the ratings in the domains' order, as
      // `findAudit` lists them (every one is an active domain, checked above).
      const order = new Map(domains.map((d, i) => [d.id, i]));
      const ratings = input.ratings
        .map((r) => ({ domainId: r.domainId, rating: r.rating }))
        .sort((a, b) => (order.get(a.domainId) ?? 0) - (order.get(b.domainId) ?? 0));
      return { id: saved.id, takenAt: saved.takenAt, note: saved.note, ratings };
    });
    return c.json({ audit }, 201);
  });

  app.openapi(show, async (c) => {
    const { auditId } = c.req.valid("param");
    return c.json({ audit: await access.audit(c.var.deps.db, c.var.user, auditId) }, 200);
  });
}
