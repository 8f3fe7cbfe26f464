import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";

let navigated = false;

/** Called by the router after the first page: from then on each new page takes the focus. */
export function markNavigated(): void {
  navigated = true;
}

/**
 * A page: sets the document title and, after an in-app navigation, moves focus to the
 * heading so screen-reader and keyboard users start at the new page, not at the old link.
 */
export function Page(props: { title: string; heading?: string; children: ComponentChildren }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${props.title} · Cando`;
  }, [props.title]);
  useEffect(() => {
    if (navigated) heading.current?.focus();
  }, []);
  return (
    <div class="page">
      <h1 ref={heading} tabIndex={-1}>
        {props.heading ?? props.title}
      </h1>
      {props.children}
    </div>
  );
}
