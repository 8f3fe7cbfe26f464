import type { Evidence, Undo } from "@cando/core";
import { UNDO_WINDOW_MINUTES } from "@cando/core/constants";
import { useState } from "preact/hooks";
import { api, errorMessage } from "../../api/client";
import { ConfirmPanel } from "../../ui/confirm-panel";
import { UndoNotice } from "../../ui/undo-notice";

/** Deleting a piece of evidence, after a confirmation that says what it is. */
export function DeleteEvidence(props: { evidence: Evidence; onDeleted: (undo: Undo) => void }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function confirm() {
    setBusy(true);
    setProblem(null);
    try {
      const body = await api.delete<{ undo: Undo }>(
        `/api/evidence/${encodeURIComponent(props.evidence.id)}`,
      );
      props.onDeleted(body.undo);
    } catch (error) {
      setProblem(errorMessage(error));
      setBusy(false);
    }
  }

  return (
    <section class="card" aria-labelledby="delete-evidence-heading">
      <h2 id="delete-evidence-heading">Remove from your journal</h2>
      {asking ? (
        <ConfirmPanel
          id="delete-evidence"
          heading={`Delete “${props.evidence.title}”?`}
          confirmLabel="Delete evidence"
          busy={busy}
          problem={problem}
          onConfirm={confirm}
          onCancel={() => setAsking(false)}
        >
          <p>
            It leaves your journal, and "I'm doubting myself" will no longer bring it up.
            {props.evidence.attemptId !== null &&
              " The attempt and its debrief stay; only this entry goes."}{" "}
            You can undo this for {UNDO_WINDOW_MINUTES} minutes.
          </p>
        </ConfirmPanel>
      ) : (
        <button type="button" class="button button-quiet" onClick={() => setAsking(true)}>
          Delete evidence
        </button>
      )}
    </section>
  );
}

/** Where the evidence was: Undo, and the way back to the journal. */
export function DeletedEvidence(props: { undo: Undo; onRestored: () => void }) {
  return (
    <UndoNotice message="Evidence deleted." undo={props.undo} onRestored={props.onRestored}>
      <p>
        <a href="/evidence">Back to your evidence journal</a>
      </p>
    </UndoNotice>
  );
}
