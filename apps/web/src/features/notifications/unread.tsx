import type { NotificationList } from "@cando/core";
import { useEffect, useState } from "preact/hooks";
import { api } from "../../api/client";

// The header's unread count: asked again on a page change once it is FRESH_MS old, and when the
// tab comes back into view; set at once when a page reads the notifications. What moves the
// count is a supporter's action, not the person's clicks: a quick walk through the pages does not
// ask on each one.
const FRESH_MS = 30_000;
const listeners = new Set<(n: number) => void>();
let known: { count: number; at: number } | undefined;

export function announceUnread(n: number): void {
  known = { count: n, at: Date.now() };
  for (const l of listeners) l(n);
}

/** Whether a request for the count is on its way: page changes meanwhile do not send another. */
let asking = false;

function askUnlessFresh(): void {
  if (asking || (known && Date.now() - known.at < FRESH_MS)) return;
  asking = true;
  api
    .get<Pick<NotificationList, "unread">>("/api/notifications/unread")
    .then(
      (res) => announceUnread(res.unread),
      () => {
        // No count is better than an error in the header.
      },
    )
    .finally(() => {
      asking = false;
    });
}

/** "Notifications (2)" in the header: a link, with the count read out. */
export function NotificationsLink(props: { path: string }) {
  const [unread, setUnread] = useState(known?.count ?? 0);
  useEffect(() => {
    listeners.add(setUnread);
    const onVisible = () => {
      if (document.visibilityState === "visible") askUnlessFresh();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      listeners.delete(setUnread);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, []);
  // A page change is a moment to ask (when the count is not fresh).
  useEffect(askUnlessFresh, [props.path]);
  return (
    <a
      href="/notifications"
      class="notifications-link"
      aria-current={props.path === "/notifications" ? "page" : undefined}
    >
      Notifications
      {unread > 0 && (
        <span class="unread-badge">
          <span aria-hidden="true">{unread}</span>
          <span class="visually-hidden">, {unread} unread</span>
        </span>
      )}
    </a>
  );
}
