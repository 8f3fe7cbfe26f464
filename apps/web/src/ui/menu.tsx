import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import "./menu.css";

/**
 * A button that shows a short list of actions or links under it (the disclosure pattern: a
 * real button with aria-expanded, then ordinary buttons and links, reached with Tab). Escape
 * closes it and gives the focus back to its button; so do a click outside and choosing an item.
 * `label` is the button's visible text; `name` its accessible name when they differ.
 */
export function Menu(props: {
  id: string;
  label: ComponentChildren;
  name?: string;
  buttonClass?: string;
  align?: "start" | "end";
  /** Whether choosing an item closes the menu (not for menus holding form controls). */
  closeOnChoose?: boolean;
  children: ComponentChildren;
}) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const closeOnChoose = props.closeOnChoose ?? true;

  // Native listeners on the wrapper: Escape, focus leaving, a click outside or on an item.
  useEffect(() => {
    const el = root.current;
    if (!open || el === null) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      event.stopPropagation();
      setOpen(false);
      button.current?.focus();
    };
    const onFocusOut = (event: FocusEvent) => {
      const next = event.relatedTarget as Node | null;
      if (next !== null && !el.contains(next)) setOpen(false);
    };
    const onChoose = (event: MouseEvent) => {
      const target = event.target as HTMLElement;
      const item = target.closest("button, a");
      if (closeOnChoose && item !== null && item !== button.current) setOpen(false);
    };
    const outside = (event: Event) => {
      if (!el.contains(event.target as Node)) setOpen(false);
    };
    el.addEventListener("keydown", onKey);
    el.addEventListener("focusout", onFocusOut);
    el.addEventListener("click", onChoose);
    document.addEventListener("pointerdown", outside);
    return () => {
      el.removeEventListener("keydown", onKey);
      el.removeEventListener("focusout", onFocusOut);
      el.removeEventListener("click", onChoose);
      document.removeEventListener("pointerdown", outside);
    };
  }, [open, closeOnChoose]);

  return (
    <div class={`menu menu-${props.align ?? "end"}`} ref={root}>
      <button
        type="button"
        id={props.id}
        ref={button}
        class={props.buttonClass ?? "button button-quiet menu-button"}
        aria-expanded={open}
        aria-controls={`${props.id}-items`}
        aria-label={props.name}
        onClick={() => setOpen(!open)}
      >
        {props.label}
        <svg class="menu-caret" aria-hidden="true" viewBox="0 0 12 12" width="12" height="12">
          <path d="M2.5 4.5 6 8l3.5-3.5" fill="none" stroke="currentColor" stroke-width="1.8" />
        </svg>
      </button>
      <div class="menu-panel" id={`${props.id}-items`} hidden={!open}>
        {open && props.children}
      </div>
    </div>
  );
}
