import type { SessionList } from "@cando/core";
import { useState } from "preact/hooks";
import { api, errorMessage } from "../../api/client";
import type { Loaded } from "../../api/use-load";
import { ErrorSummary, LoadError, Loading } from "../../ui/feedback";
import { formatDayTime } from "../../ui/format";

/** Where the person is logged in (device, last seen); end any one, or all the others. */
export function SessionsSection(props: {
  sessions: Loaded<SessionList>;
  reload: () => void;
  onEndedCurrent: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState("");
  const [problem, setProblem] = useState<string | null>(null);

  async function act(action: () => Promise<string>) {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      setStatus(await action());
      props.reload();
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  const state = props.sessions;
  return (
    <section class="card settings-section" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">Sessions</h2>
      <p>Where you are logged in now. End any you do not recognise.</p>
      {problem !== null && (
        <ErrorSummary focus>
          <p>{problem}</p>
        </ErrorSummary>
      )}
      {state.status === "loading" && <Loading what="your sessions" />}
      {state.status === "error" && <LoadError error={state.error} retry={props.reload} />}
      {state.status === "ready" && (
        <>
          <ul class="session-list">
            {state.data.sessions.map((s) => (
              <li key={s.id} class="session">
                <span>
                  <strong>{s.device}</strong>
                  {s.current && <span class="badge">This browser</span>}
                  <br />
                  <span class="muted">
                    Last seen {formatDayTime(s.lastSeenAt)} · started {formatDayTime(s.createdAt)}
                  </span>
                </span>
                <button
                  type="button"
                  class="button button-secondary button-small"
                  disabled={busy}
                  aria-label={`End session: ${s.device}${s.current ? " (this browser)" : ""}, last seen ${formatDayTime(s.lastSeenAt)}`}
                  onClick={() =>
                    act(async () => {
                      await api.delete(`/api/account/sessions/${encodeURIComponent(s.id)}`);
                      if (s.current) props.onEndedCurrent();
                      return `Ended the session on ${s.device}.`;
                    })
                  }
                >
                  End
                </button>
              </li>
            ))}
          </ul>
          {state.data.sessions.length > 1 && (
            <button
              type="button"
              class="button button-secondary"
              disabled={busy}
              onClick={() =>
                act(async () => {
                  const { ended } = await api.post<{ ended: number }>(
                    "/api/account/sessions/end-others",
                  );
                  return `Logged out ${ended} other ${ended === 1 ? "session" : "sessions"}.`;
                })
              }
            >
              Log out everywhere else
            </button>
          )}
        </>
      )}
      <p class="status-line" role="status">
        {status}
      </p>
    </section>
  );
}
