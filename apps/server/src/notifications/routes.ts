import { type Notification, NotificationList } from "@cando/core";
import {
  countUnreadNotifications,
  listNotifications,
  markNotificationsRead,
  type NotificationRow,
} from "@cando/storage";
import { createRoute, z } from "@hono/zod-openapi";
import { authenticated } from "../auth/require-user";
import type { App } from "../context";
import { errors, json } from "../http/openapi";

const tags = ["notifications"];
const LATEST = 30;
const Unread = z.object({ unread: z.number().int() });

const list = createRoute({
  method: "get",
  path: "/api/notifications",
  tags,
  summary: "My latest notifications (new feedback, invitation accepted, grant revoked)",
  ...authenticated,
  responses: { 200: json(NotificationList, "Notifications, newest first."), ...errors(401) },
});

const unread = createRoute({
  method: "get",
  path: "/api/notifications/unread",
  tags,
  summary: "How many notifications are unread (for the header)",
  ...authenticated,
  responses: { 200: json(Unread, "The unread count."), ...errors(401) },
});

const read = createRoute({
  method: "post",
  path: "/api/notifications/read",
  tags,
  summary: "Mark every notification read",
  ...authenticated,
  responses: { 200: json(Unread, "The unread count (0)."), ...errors(401, 403) },
});

function present(row: NotificationRow): Notification {
  return {
    id: row.id,
    kind: row.kind as Notification["kind"],
    text: row.text,
    href: row.href,
    createdAt: row.createdAt,
    read: row.readAt !== null,
  };
}

export function registerNotificationRoutes(app: App): void {
  app.openapi(list, async (c) => {
    const { db } = c.var.deps;
    const user = c.var.user;
    const rows = await listNotifications(db, user.id, LATEST);
    return c.json(
      { notifications: rows.map(present), unread: await countUnreadNotifications(db, user.id) },
      200,
    );
  });

  app.openapi(unread, async (c) => {
    const { db } = c.var.deps;
    return c.json({ unread: await countUnreadNotifications(db, c.var.user.id) }, 200);
  });

  app.openapi(read, async (c) => {
    const { db, clock } = c.var.deps;
    await markNotificationsRead(db, c.var.user.id, clock.now().toISOString());
    return c.json({ unread: 0 }, 200);
  });
}
