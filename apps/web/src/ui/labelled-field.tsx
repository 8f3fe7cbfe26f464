import type { ComponentChildren } from "preact";

/** What a control needs to be tied to its label, hint and error. */
export type FieldControlProps = {
  id: string;
  name: string;
  "aria-describedby"?: string;
  "aria-invalid"?: "true";
};

/**
 * A label, an optional hint and error, and any control (textarea, select, number, date):
 * the control receives the id and the aria-describedby that link it to the hint and error.
 */
export function LabelledField(props: {
  id: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  error?: string | null | undefined;
  class?: string;
  children: (control: FieldControlProps) => ComponentChildren;
}) {
  const hintId = `${props.id}-hint`;
  const errorId = `${props.id}-error`;
  const describedBy = [props.error ? errorId : null, props.hint ? hintId : null]
    .filter((id) => id !== null)
    .join(" ");
  const control: FieldControlProps = { id: props.id, name: props.id };
  if (describedBy) control["aria-describedby"] = describedBy;
  if (props.error) control["aria-invalid"] = "true";
  const classes = ["field", props.error ? "field-invalid" : null, props.class ?? null]
    .filter((c) => c !== null)
    .join(" ");
  return (
    <div class={classes}>
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
      {props.children(control)}
    </div>
  );
}
