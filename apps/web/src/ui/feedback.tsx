import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { errorMessage } from "../api/client";

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

export function LoadError(props: { error: unknown; retry: () => void }) {
  return (
    <div class="notice notice-error" role="alert">
      <p>{errorMessage(props.error)}</p>
      <button type="button" class="button button-secondary" onClick={props.retry}>
        Try again
      </button>
    </div>
  );
}
