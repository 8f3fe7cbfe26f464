import { createHash, randomBytes } from "node:crypto";
import { NotFoundError } from "@cando/core";
import {
  deleteCalendarFeed,
  findCalendarFeed,
  findCalendarFeedByHash,
  findUserById,
  replaceCalendarFeed,
} from "@cando/storage";
import { createRoute, z } from "@hono/zod-openapi";
import { authenticated } from "../auth/require-user";
import type { App } from "../context";
import { errors, json } from "../http/openapi";
import { buildCalendar } from "./calendar";
import { rhythmSettings } from "./settings";

const tags = ["rhythm"];
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
const FeedState = z.object({
  active: z.boolean(),
  createdAt: z.string().nullable(),
  url: z.string().nullable().describe("Only when just created: the token is stored hashed"),
});
const TokenParams = z.object({
  token: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/, { error: "is not a calendar token" })
    .describe("The random token of the feed's private address"),
});

const show = createRoute({
  method: "get",
  path: "/api/rhythm/calendar",
  tags,
  summary: "Whether the private calendar feed is on",
  ...authenticated,
  responses: { 200: json(z.object({ calendar: FeedState }), "The feed."), ...errors(401) },
});

const create = createRoute({
  method: "post",
  path: "/api/rhythm/calendar",
  tags,
  summary:
    "Make a new private calendar address (any older one stops working); the address is shown once",
  ...authenticated,
  responses: {
    201: json(z.object({ calendar: FeedState }), "The feed, with its address."),
    ...errors(401, 403),
  },
});

const revoke = createRoute({
  method: "delete",
  path: "/api/rhythm/calendar",
  tags,
  summary: "Turn the calendar feed off: its address stops working at once",
  ...authenticated,
  responses: { 200: json(z.object({ calendar: FeedState }), "The feed."), ...errors(401, 403) },
});

const feed = createRoute({
  method: "get",
  path: "/api/calendar/{token}",
  tags,
  summary:
    "The private calendar feed (iCalendar, read-only, no session): planned steps, practice blocks, the weekly reflection and the monthly re-rating",
  request: { params: TokenParams },
  responses: {
    200: {
      description: "An iCalendar document.",
      content: { "text/calendar": { schema: z.string() } },
    },
    ...errors(400, 404),
  },
});

/** The origin calendar apps should link back to, from the request. */
function originOf(url: string): string {
  return new URL(url).origin;
}

export function registerCalendarFeedRoutes(app: App): void {
  app.openapi(show, async (c) => {
    const row = await findCalendarFeed(c.var.deps.db, c.var.user.id);
    return c.json(
      { calendar: { active: row !== undefined, createdAt: row?.createdAt ?? null, url: null } },
      200,
    );
  });

  app.openapi(create, async (c) => {
    const token = randomBytes(32).toString("base64url");
    const createdAt = c.var.deps.clock.now().toISOString();
    await replaceCalendarFeed(c.var.deps.db, {
      userId: c.var.user.id,
      tokenHash: hashToken(token),
      createdAt,
    });
    const url = `${originOf(c.req.url)}/api/calendar/${token}`;
    return c.json({ calendar: { active: true, createdAt, url } }, 201);
  });

  app.openapi(revoke, async (c) => {
    await deleteCalendarFeed(c.var.deps.db, c.var.user.id);
    return c.json({ calendar: { active: false, createdAt: null, url: null } }, 200);
  });

  app.openapi(feed, async (c) => {
    const { token } = c.req.valid("param");
    const { db, clock } = c.var.deps;
    const row = await findCalendarFeedByHash(db, hashToken(token));
    const user = row ? await findUserById(db, row.userId) : undefined;
    if (!row || !user) throw new NotFoundError("calendar");
    const settings = await rhythmSettings(db, user.id);
    const body = await buildCalendar(db, user.id, settings, clock.now(), originOf(c.req.url));
    return c.body(body, 200, {
      "Content-Type": "text/calendar; charset=utf-8",
      "Cache-Control": "private, max-age=300",
      "Content-Disposition": 'inline; filename="cando.ics"',
    });
  });
}
