import type { ComponentChildren } from "preact";

/** The ids a control points at with aria-describedby, empty ones left out; undefined if none. */
export function describedBy(...ids: (string | null | undefined | false)[]): string | undefined {
  const list = ids.filter((id): id is string => typeof id === "string" && id !== "");
  return list.length > 0 ? list.join(" ") : undefined;
}

/**
 * A field's hint and error, under its label or legend: `<id>-hint` and `<id>-error`, the ids
 * its controls name in aria-describedby.
 */
export function FieldHelp(props: {
  id: string;
  hint?: ComponentChildren;
  error?: string | null | undefined;
}) {
  return (
    <>
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
    </>
  );
}
