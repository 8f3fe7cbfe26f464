import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import "./corrections.css";

/**
 * Asks before something is deleted: says what goes with it, then Delete or Cancel. It takes the
 * focus when it opens, so keyboard and screen-reader users hear the question first.
 */
export function ConfirmPanel(props: {
  id: string;
  heading: string;
  children: ComponentChildren;
  confirmLabel: string;
  busy: boolean;
  problem: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const panel = useRef<HTMLElement>(null);
  useEffect(() => panel.current?.focus(), []);
  return (
    <section
      class="confirm-panel"
      aria-labelledby={`${props.id}-heading`}
      tabIndex={-1}
      ref={panel}
    >
      <h3 id={`${props.id}-heading`}>{props.heading}</h3>
      {props.children}
      {props.problem !== null && (
        <p class="field-error" role="alert">
          {props.problem}
        </p>
      )}
      <div class="form-actions">
        <button
          type="button"
          class="button button-danger"
          disabled={props.busy}
          onClick={props.onConfirm}
        >
          {props.busy ? "Deleting…" : props.confirmLabel}
        </button>
        <button type="button" class="button button-secondary" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
