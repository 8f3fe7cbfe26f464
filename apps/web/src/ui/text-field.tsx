import type { Ref } from "preact";

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
  maxLength?: number;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const hintId = `${props.id}-hint`;
  const errorId = `${props.id}-error`;
  const describedBy = [props.error ? errorId : null, props.hint ? hintId : null]
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
        maxLength={props.maxLength}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy || undefined}
      />
    </div>
  );
}
