import type { NotificationList } from "@cando/core";
import { useEffect, useState } from "preact/hooks";
import { api } from "../../api/client";

// The header's unread count: loaded on each page change, and set at once when a page reads them.
const listeners = new Set<(n: number) => void>();

export function announceUnread(n: number): void {
  for (const l of listeners) l(n);
}

/** "Notifications (2)" in the header: a link, with the count read out. */
export function NotificationsLink(props: { path: string }) {
  const [unread, setUnread] = useState(0);
  useEffect(() => {
    listeners.add(setUnread);
    return () => {
      listeners.delete(setUnread);
    };
  }, []);
  useEffect(() => {
    let current = true;
    api.get<Pick<NotificationList, "unread">>("/api/notifications/unread").then(
      (res) => current && setUnread(res.unread),
      () => {
        // No count is better than an error in the header.
      },
    );
    return () => {
      current = false;
    };
  }, [props.path]);
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
