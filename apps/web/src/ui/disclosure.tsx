import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";

/** Whether the screen is wide now (a laptop, a tablet on its side); false outside a browser. */
export function isWide(): boolean {
  return typeof window !== "undefined" && window.matchMedia("(min-width: 48rem)").matches;
}

/**
 * A summary that opens to show more: the native details element, so every browser, keyboard
 * and screen reader knows it. `open` is where it starts (e.g. open on a laptop, shut on a phone).
 * `lazy`: the body is built the first time it opens (a long list folded away costs nothing until
 * asked for), then kept.
 */
export function Disclosure(props: {
  summary: ComponentChildren;
  open?: boolean;
  class?: string;
  id?: string;
  lazy?: boolean;
  children: ComponentChildren;
}) {
  const [open, setOpen] = useState(props.open ?? false);
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return (
    <details
      class={props.class ? `disclosure ${props.class}` : "disclosure"}
      id={props.id}
      open={open}
      onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>{props.summary}</summary>
      <div class="disclosure-body">{props.lazy && !opened ? null : props.children}</div>
    </details>
  );
}
