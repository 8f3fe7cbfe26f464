import type { NotificationList } from "@cando/core";
import { useEffect } from "preact/hooks";
import { api } from "../../api/client";
import { useLoad } from "../../api/use-load";
import { formatPlainDay } from "../../ui/days";
import { LoadError, Loading } from "../../ui/feedback";
import { Page } from "../../ui/page";
import { announceUnread } from "./unread";

/** `/notifications`: new feedback, invitations accepted, grants revoked; read once seen. */
export function NotificationsPage() {
  const { state, reload } = useLoad(() => api.get<NotificationList>("/api/notifications"));
  useEffect(() => {
    if (state.status !== "ready" || state.data.unread === 0) return;
    api.post<{ unread: number }>("/api/notifications/read").then(
      (res) => announceUnread(res.unread),
      () => {
        // They stay unread; the next visit marks them.
      },
    );
  }, [state.status]);
  return (
    <Page title="Notifications">
      {state.status === "loading" && <Loading what="your notifications" />}
      {state.status === "error" && <LoadError error={state.error} retry={reload} />}
      {state.status === "ready" &&
        (state.data.notifications.length === 0 ? (
          <p class="muted">Nothing new.</p>
        ) : (
          <ul class="plain-list notification-list">
            {state.data.notifications.map((n) => (
              <li key={n.id} class={n.read ? "card" : "card card-primary"}>
                {!n.read && <span class="visually-hidden">New: </span>}
                <a href={n.href}>{n.text}</a>{" "}
                <span class="muted">{formatPlainDay(n.createdAt.slice(0, 10))}</span>
              </li>
            ))}
          </ul>
        ))}
    </Page>
  );
}
