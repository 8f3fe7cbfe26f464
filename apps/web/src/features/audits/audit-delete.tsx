import type { Undo } from "@cando/core";
import { UNDO_WINDOW_MINUTES } from "@cando/core/constants";
import { useState } from "preact/hooks";
import { api, errorMessage } from "../../api/client";
import { ConfirmPanel } from "../../ui/confirm-panel";
import "../../ui/corrections.css";

/** One audit per row, each with Delete behind a confirmation: for an audit taken by mistake. */
export function DeleteAudits(props: {
  audits: { auditId: string; label: string }[];
  onDeleted: (undo: Undo) => void;
}) {
  const [asking, setAsking] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function confirm(auditId: string) {
    setBusy(true);
    setProblem(null);
    try {
      const body = await api.delete<{ undo: Undo }>(`/api/audits/${encodeURIComponent(auditId)}`);
      setAsking(null);
      props.onDeleted(body.undo);
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card" aria-labelledby="delete-audits-heading">
      <h2 id="delete-audits-heading">Correct your history</h2>
      <p class="hint">Took an audit by mistake, or twice? Delete it.</p>
      <ul class="delete-audit-list">
        {props.audits.map((a) => (
          <li key={a.auditId}>
            {asking === a.auditId ? (
              <ConfirmPanel
                id={`delete-audit-${a.auditId}`}
                heading={`Delete the audit of ${a.label}?`}
                confirmLabel="Delete audit"
                busy={busy}
                problem={problem}
                onConfirm={() => confirm(a.auditId)}
                onCancel={() => setAsking(null)}
              >
                <p>
                  Its ratings leave your history and chart. You can undo this for{" "}
                  {UNDO_WINDOW_MINUTES} minutes.
                </p>
              </ConfirmPanel>
            ) : (
              <p class="delete-audit-row">
                <span>{a.label}</span>{" "}
                <button
                  type="button"
                  class="button button-quiet button-small"
                  aria-label={`Delete the audit of ${a.label}`}
                  onClick={() => {
                    setProblem(null);
                    setAsking(a.auditId);
                  }}
                >
                  Delete
                </button>
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
