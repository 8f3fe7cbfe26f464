import type { ComponentChildren } from "preact";
import { countId, countState } from "./character-count";
import { CharacterCount } from "./character-count-view";
import { describedBy, FieldHelp } from "./field-help";

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
  /** A text control's length and limit: a counter under it; the text is never cut. */
  count?: { length: number; limit: number };
  children: (control: FieldControlProps) => ComponentChildren;
}) {
  const count = props.count;
  const control: FieldControlProps = { id: props.id, name: props.id };
  const described = describedBy(
    props.error && `${props.id}-error`,
    props.hint ? `${props.id}-hint` : null,
    count !== undefined && countState(count.length, count.limit).show && countId(props.id),
  );
  if (described) control["aria-describedby"] = described;
  if (props.error) control["aria-invalid"] = "true";
  const classes = ["field", props.error ? "field-invalid" : null, props.class ?? null]
    .filter((c) => c !== null)
    .join(" ");
  return (
    <div class={classes}>
      <label for={props.id}>{props.label}</label>
      <FieldHelp id={props.id} hint={props.hint} error={props.error} />
      {props.children(control)}
      {count !== undefined && (
        <CharacterCount fieldId={props.id} length={count.length} limit={count.limit} />
      )}
    </div>
  );
}
