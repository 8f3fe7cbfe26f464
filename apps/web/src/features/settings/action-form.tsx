import type { ComponentChildren } from "preact";
import { ErrorSummary } from "../../ui/feedback";
import type { Action } from "./use-action";

/**
 * One settings form around its `useAction`: the problems no field shows at the top (focused),
 * the fields, one submit button, then the status line that announces what happened. A form
 * that leaves the page when it succeeds (deleting the account) announces nothing.
 */
export function ActionForm(props: {
  action: Action;
  /** The save; its answer is the status to announce. */
  run: () => Promise<string>;
  submitLabel: string;
  danger?: boolean;
  announce?: boolean;
  children: ComponentChildren;
}) {
  const { action } = props;
  function submit(event: Event) {
    event.preventDefault();
    void action.run(props.run);
  }
  return (
    <form class="stack" onSubmit={submit} noValidate aria-busy={action.busy}>
      {action.summary !== null && (
        <ErrorSummary key={action.attempt} focus>
          <p>{action.summary}</p>
        </ErrorSummary>
      )}
      {props.children}
      <div>
        <button
          type="submit"
          class={props.danger ? "button button-danger" : "button"}
          disabled={action.busy}
        >
          {props.submitLabel}
        </button>
      </div>
      {props.announce !== false && (
        <p class="status-line" role="status">
          {action.status}
        </p>
      )}
    </form>
  );
}
