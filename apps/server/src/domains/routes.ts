import {
  DomainCreateInput,
  DomainList,
  DomainResponse,
  DomainUpdateInput,
  ValidationError,
} from "@cando/core";
import {
  type DomainRow,
  insertDomains,
  isUniqueViolation,
  listDomains,
  lockUser,
  nextDomainPosition,
  presentDomain,
  updateDomain,
} from "@cando/storage";
import { createRoute, z } from "@hono/zod-openapi";
import { access } from "../access";
import { authenticated } from "../auth/require-user";
import type { App } from "../context";
import { errors, json, jsonBody } from "../http/openapi";

const DomainParams = z.object({ domainId: z.string().min(1).max(64) });

const list = createRoute({
  method: "get",
  path: "/api/domains",
  tags: ["audits"],
  summary: "The person's life domains, archived ones included, in order",
  ...authenticated,
  responses: { 200: json(DomainList, "All domains."), ...errors(401) },
});

const create = createRoute({
  method: "post",
  path: "/api/domains",
  tags: ["audits"],
  summary: "Add one of the person's own domains",
  ...authenticated,
  request: { body: jsonBody(DomainCreateInput) },
  responses: { 201: json(DomainResponse, "The new domain."), ...errors(400, 401, 403) },
});

const update = createRoute({
  method: "patch",
  path: "/api/domains/{domainId}",
  tags: ["audits"],
  summary: "Rename, archive or restore a domain",
  ...authenticated,
  request: { params: DomainParams, body: jsonBody(DomainUpdateInput) },
  responses: { 200: json(DomainResponse, "The domain."), ...errors(400, 401, 403, 404) },
});

function assertNameFree(domains: DomainRow[], name: string, exceptId?: string): void {
  const taken = domains.some(
    (d) =>
      d.id !== exceptId && d.archivedAt === null && d.name.toLowerCase() === name.toLowerCase(),
  );
  if (taken) throw nameTaken();
}

const nameTaken = () =>
  new ValidationError([{ path: "name", message: "you already have a domain with this name" }]);

/** The unique index on active names is the last word; its refusal reads like the check's. */
function nameTakenOr(error: unknown): never {
  throw isUniqueViolation(error) ? nameTaken() : error;
}

export function registerDomainRoutes(app: App): void {
  app.openapi(list, async (c) => {
    const rows = await listDomains(c.var.deps.db, c.var.user.id);
    return c.json({ domains: rows.map(presentDomain) }, 200);
  });

  app.openapi(create, async (c) => {
    const { name } = c.req.valid("json");
    const { db, clock, newId } = c.var.deps;
    const user = c.var.user;
    const row = await db
      .transaction()
      .execute(async (trx) => {
        await lockUser(trx, user.id);
        assertNameFree(await listDomains(trx, user.id), name);
        const domain: DomainRow = {
          id: newId(),
          userId: user.id,
          key: null,
          name,
          position: await nextDomainPosition(trx, user.id),
          archivedAt: null,
          createdAt: clock.now().toISOString(),
        };
        await insertDomains(trx, [domain]);
        return domain;
      })
      .catch(nameTakenOr);
    return c.json({ domain: presentDomain(row) }, 201);
  });

  app.openapi(update, async (c) => {
    const { domainId } = c.req.valid("param");
    const patch = c.req.valid("json");
    const { db, clock } = c.var.deps;
    const user = c.var.user;
    const row = await db
      .transaction()
      .execute(async (trx) => {
        // Per-person rules (one active name, at least one active domain) span rows: lock the person.
        await lockUser(trx, user.id);
        const domain = await access.domain(trx, user, domainId);
        const all = await listDomains(trx, user.id);
        const changes: Partial<Pick<DomainRow, "name" | "archivedAt">> = {};
        if (patch.name !== undefined) {
          assertNameFree(all, patch.name, domain.id);
          changes.name = patch.name;
        }
        if (patch.archived === true && domain.archivedAt === null) {
          if (all.filter((d) => d.archivedAt === null).length <= 1) {
            throw new ValidationError([
              { path: "archived", message: "keep at least one active domain to rate" },
            ]);
          }
          changes.archivedAt = clock.now().toISOString();
        }
        if (patch.archived === false && domain.archivedAt !== null) {
          assertNameFree(all, changes.name ?? domain.name, domain.id);
          changes.archivedAt = null;
        }
        if (Object.keys(changes).length > 0) await updateDomain(trx, user.id, domain.id, changes);
        return { ...domain, ...changes };
      })
      .catch(nameTakenOr);
    return c.json({ domain: presentDomain(row) }, 200);
  });
}
