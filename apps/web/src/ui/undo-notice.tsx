import type { Undo } from "@cando/core";
import { UNDO_WINDOW_MINUTES } from "@cando/core/constants";
import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError, api, errorMessage } from "../api/client";
import "./corrections.css";

/**
 * "Deleted · Undo": shown where the deleted thing was, with the focus, for as long as the server
 * keeps the deletion (its `until`). Undo puts it back exactly as it was.
 */
export function UndoNotice(props: {
  message: string;
  undo: Undo;
  onRestored: () => void;
  children?: ComponentChildren;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => box.current?.focus(), []);

  async function undo() {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      await api.post(`/api/deletions/${encodeURIComponent(props.undo.deletionId)}/restore`);
      props.onRestored();
    } catch (error) {
      setProblem(
        error instanceof ApiError && error.status === 404
          ? `It is too late to undo this: a deletion can be undone for ${UNDO_WINDOW_MINUTES} minutes.`
          : errorMessage(error),
      );
      setBusy(false);
    }
  }

  return (
    <div class="notice notice-success undo-notice" role="status" tabIndex={-1} ref={box}>
      <p>
        <strong>{props.message}</strong>
      </p>
      {props.children}
      {problem !== null && <p class="field-error">{problem}</p>}
      <div class="form-actions">
        <button type="button" class="button button-secondary" disabled={busy} onClick={undo}>
          {busy ? "Undoing…" : "Undo"}
        </button>
      </div>
    </div>
  );
}
