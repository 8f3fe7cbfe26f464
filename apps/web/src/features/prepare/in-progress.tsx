import type { AttemptStart } from "@cando/core";
import { useState } from "preact/hooks";
import { api, errorMessage } from "../../api/client";
import { useLoad } from "../../api/use-load";
import { ConfirmPanel } from "../../ui/confirm-panel";
import { formatDayTime } from "../../ui/format";
import { showToast } from "../../ui/toast";
import { type AttemptStartsResponse, finishPath } from "./prepare";
import "./prepare.css";

/**
 * Attempts started and not yet finished, with Finish and Discard (Today, the goal page). Given
 * `starts` (the goal page has them in its one answer) it asks for nothing.
 */
export function InProgress(props: { goalId?: string; starts?: AttemptStart[] }) {
  const query = props.goalId ? `?goalId=${encodeURIComponent(props.goalId)}` : "";
  const given = props.starts;
  const { state, set } = useLoad(() =>
    given
      ? Promise.resolve({ attemptStarts: given })
      : api.get<AttemptStartsResponse>(`/api/attempt-starts${query}`),
  );
  if (state.status !== "ready" || state.data.attemptStarts.length === 0) return null;
  const starts = state.data.attemptStarts;
  const remove = (id: string) => set({ attemptStarts: starts.filter((s) => s.id !== id) });
  return (
    <section class="card" aria-labelledby="in-progress-heading">
      <h2 id="in-progress-heading">In progress</h2>
      <p class="muted">
        Started, with your ratings from before saved. Finish one once you have done it.
      </p>
      <ul class="in-progress-list">
        {starts.map((s) => (
          <InProgressItem key={s.id} start={s} showGoal={!props.goalId} onDiscarded={remove} />
        ))}
      </ul>
    </section>
  );
}

function InProgressItem(props: {
  start: AttemptStart;
  showGoal: boolean;
  onDiscarded: (id: string) => void;
}) {
  const { start } = props;
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  async function discard() {
    setBusy(true);
    try {
      await api.delete(`/api/attempt-starts/${encodeURIComponent(start.id)}`);
      showToast(`Discarded: ${start.stepTitle}`);
      props.onDiscarded(start.id);
    } catch (error) {
      setProblem(errorMessage(error));
      setBusy(false);
    }
  }
  return (
    <li class="in-progress-item">
      <span>
        <strong>{start.stepTitle}</strong>
        {props.showGoal && <span class="muted"> · {start.goalStatement}</span>}
        <br />
        <span class="muted">Started {formatDayTime(start.startedAt)}</span>
      </span>
      <span class="in-progress-actions">
        <a class="button button-small" href={finishPath(start.id)}>
          Finish<span class="visually-hidden">: {start.stepTitle}</span>
        </a>
        <button
          type="button"
          class="button-small button-quiet"
          aria-expanded={asking}
          onClick={() => setAsking(true)}
        >
          Discard<span class="visually-hidden">: {start.stepTitle}</span>
        </button>
      </span>
      {asking && (
        <ConfirmPanel
          id={`discard-${start.id}`}
          heading="Discard this attempt in progress?"
          confirmLabel="Discard"
          busy={busy}
          problem={problem}
          onConfirm={discard}
          onCancel={() => setAsking(false)}
        >
          <p>Its ratings from before go too. Nothing else changes.</p>
        </ConfirmPanel>
      )}
    </li>
  );
}
