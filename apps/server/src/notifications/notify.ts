import type { Db } from "@cando/storage";
import { insertNotification } from "@cando/storage";
import type { AppDeps } from "../context";

export type NotificationKind = "feedback" | "invitation_accepted" | "grant_revoked";

/** Leaves an in-app notification for a person, inside the caller's transaction. */
export async function notify(
  db: Db,
  deps: Pick<AppDeps, "clock" | "newId">,
  n: { userId: string; kind: NotificationKind; text: string; href: string },
): Promise<void> {
  await insertNotification(db, {
    id: deps.newId(),
    userId: n.userId,
    kind: n.kind,
    text: n.text.slice(0, 300),
    href: n.href,
    createdAt: deps.clock.now().toISOString(),
    readAt: null,
  });
}
