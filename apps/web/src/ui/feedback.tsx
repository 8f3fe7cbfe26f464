import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { ApiError, errorMessage } from "../api/client";

/** A problem with the whole form (wrong password, too many attempts); announced at once. */
export function ErrorSummary(props: { children: ComponentChildren; focus?: boolean }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (props.focus) box.current?.focus();
  }, [props.focus]);
  return (
    <div class="notice notice-error" role="alert" tabIndex={-1} ref={box}>
      {props.children}
    </div>
  );
}

export function Loading(props: { what: string }) {
  return (
    <p class="muted" role="status">
      Loading {props.what}…
    </p>
  );
}

/**
 * A page that could not be loaded. Trying again helps with a dropped connection or a busy
 * server, not with something that does not exist (404): that says so and offers a way on.
 */
export function LoadError(props: { error: unknown; retry: () => void }) {
  if (props.error instanceof ApiError && props.error.status === 404) {
    return (
      <div class="notice" role="alert">
        <p>
          There is nothing here: it may have been removed, or the address is not quite right.{" "}
          <a href="/">Go to Today</a>
        </p>
      </div>
    );
  }
  return (
    <div class="notice notice-error" role="alert">
      <p>{errorMessage(props.error)}</p>
      <button type="button" class="button button-secondary" onClick={props.retry}>
        Try again
      </button>
    </div>
  );
}
