import type { Ref } from "preact";
import { countId, countState } from "./character-count";
import { CharacterCount } from "./character-count-view";

/** A labelled input whose hint and error are tied to it with aria-describedby. */
export function TextField(props: {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  type?: "text" | "email" | "password";
  autocomplete?: string;
  hint?: string;
  error?: string | undefined;
  /** The most characters the field takes: shown with a counter, never cut (see CharacterCount). */
  maxLength?: number;
  /** Shows the counter only near the limit (passwords, e-mail addresses). */
  quietCount?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const hintId = `${props.id}-hint`;
  const errorId = `${props.id}-error`;
  const limit = props.maxLength;
  const counted =
    limit !== undefined && countState(props.value.length, limit, props.quietCount).show;
  const describedBy = [
    props.error ? errorId : null,
    props.hint ? hintId : null,
    counted ? countId(props.id) : null,
  ]
    .filter((id) => id !== null)
    .join(" ");
  return (
    <div class={props.error ? "field field-invalid" : "field"}>
      <label for={props.id}>{props.label}</label>
      {props.hint && (
        <p class="hint" id={hintId}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="field-error" id={errorId}>
          {props.error}
        </p>
      )}
      <input
        id={props.id}
        ref={props.inputRef}
        name={props.id}
        type={props.type ?? "text"}
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
        autoComplete={props.autocomplete}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy || undefined}
      />
      {limit !== undefined && (
        <CharacterCount
          fieldId={props.id}
          length={props.value.length}
          limit={limit}
          quiet={props.quietCount}
        />
      )}
    </div>
  );
}
