import type { ComponentChildren, Ref } from "preact";
import { countId, countState } from "./character-count";
import { CharacterCount } from "./character-count-view";
import "./fields.css";

/** The ids a control points at with aria-describedby: its error first, then notes and hint. */
function describedBy(...ids: (string | null | undefined | false)[]): string | undefined {
  const list = ids.filter((id): id is string => typeof id === "string" && id !== "");
  return list.length > 0 ? list.join(" ") : undefined;
}

type FieldShell = {
  id: string;
  label: ComponentChildren;
  hint?: ComponentChildren | undefined;
  error?: string | undefined;
  /** A gentle, non-blocking note shown under the control (a warning, not an error). */
  note?: string | null | undefined;
};

function Shell(props: FieldShell & { children: ComponentChildren; class?: string }) {
  return (
    <div
      class={`field${props.error ? " field-invalid" : ""}${props.class ? ` ${props.class}` : ""}`}
    >
      <label for={props.id}>{props.label}</label>
      {props.hint && (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="field-error" id={`${props.id}-error`}>
          {props.error}
        </p>
      )}
      {props.children}
      {props.note && (
        <p class="field-note" id={`${props.id}-note`}>
          {props.note}
        </p>
      )}
    </div>
  );
}

function aria(props: FieldShell) {
  return {
    "aria-invalid": props.error ? ("true" as const) : undefined,
    "aria-describedby": describedBy(
      props.error && `${props.id}-error`,
      props.note && `${props.id}-note`,
      props.hint ? `${props.id}-hint` : null,
    ),
  };
}

/**
 * A labelled multi-line text box, its hint and error tied to it. `maxLength` shows a counter;
 * text is never cut at the limit (the counter says how much is over).
 */
export function TextAreaField(
  props: FieldShell & {
    value: string;
    onInput: (value: string) => void;
    rows?: number;
    maxLength?: number;
    inputRef?: Ref<HTMLTextAreaElement>;
  },
) {
  const limit = props.maxLength;
  const counted = limit !== undefined && countState(props.value.length, limit).show;
  const base = aria(props);
  return (
    <Shell {...props}>
      <textarea
        id={props.id}
        name={props.id}
        ref={props.inputRef}
        rows={props.rows ?? 3}
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
        {...base}
        aria-describedby={describedBy(base["aria-describedby"], counted && countId(props.id))}
      />
      {limit !== undefined && (
        <CharacterCount fieldId={props.id} length={props.value.length} limit={limit} />
      )}
    </Shell>
  );
}

/** A labelled date picker (`YYYY-MM-DD`); an empty value means "no date". */
export function DateField(
  props: FieldShell & {
    value: string;
    onInput: (value: string) => void;
    inputRef?: Ref<HTMLInputElement>;
  },
) {
  return (
    <Shell {...props} class="field-date">
      <input
        id={props.id}
        name={props.id}
        ref={props.inputRef}
        type="date"
        class="control"
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
        {...aria(props)}
      />
    </Shell>
  );
}

/** A labelled native select: compact, and every screen reader and keyboard knows it. */
export function SelectField(
  props: FieldShell & {
    value: string;
    options: readonly { value: string; label: string }[];
    onChange: (value: string) => void;
    inputRef?: Ref<HTMLSelectElement>;
  },
) {
  return (
    <Shell {...props}>
      <select
        id={props.id}
        name={props.id}
        ref={props.inputRef}
        class="control"
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value)}
        {...aria(props)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Shell>
  );
}
