import { useState } from "preact/hooks";
import { errorMessage } from "../api/client";

/**
 * "Show more" under a paged list: loads the next page on demand (lists are paginated, so a page
 * never downloads a whole history). Says what it is doing in a polite live region, which stays
 * after the last page (when the button goes) so the outcome is still announced.
 */
export function ShowMore(props: { what: string; more: boolean; onMore: () => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState("");
  return (
    <div class="show-more">
      {props.more && (
        <button
          type="button"
          class="button-secondary"
          disabled={busy}
          aria-busy={busy}
          onClick={async () => {
            setBusy(true);
            setStatus(`Loading more ${props.what}…`);
            try {
              await props.onMore();
              setStatus(`More ${props.what} shown.`);
              // The button may be gone (the last page): keep the keyboard near the list.
              if (!document.activeElement || document.activeElement === document.body) {
                document.querySelector<HTMLElement>(".show-more [role=status]")?.focus();
              }
            } catch (error) {
              setStatus(errorMessage(error));
            } finally {
              setBusy(false);
            }
          }}
        >
          Show more {props.what}
        </button>
      )}
      <p class="muted" role="status" aria-live="polite" tabIndex={-1}>
        {status}
      </p>
    </div>
  );
}
