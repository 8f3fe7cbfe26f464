import type { ComponentChildren } from "preact";
import { describedBy, FieldHelp } from "./field-help";
import "./number-scale.css";

export type ScaleAnchor = { value: number; text: string };

/** The points of a scale from min to max in steps of `step` (0–4, 1–5, 0–10, 0–100 by 10). */
export function scaleValues(min: number, max: number, step = 1): number[] {
  if (step <= 0 || max < min) return [];
  return Array.from({ length: Math.floor((max - min) / step) + 1 }, (_, i) => min + i * step);
}

/** The id of one point's radio button, for focusing a scale from an error summary. */
export function scaleInputId(name: string, value: number): string {
  return `${name}-${value}`;
}

/**
 * A question answered on a numeric scale: native radio buttons in a fieldset, so Tab reaches
 * the group once and the arrow keys move along it. Anchors (verbal labels at some points) are
 * shown under the bar, evenly spread, and read out with the point they name.
 */
export function NumberScale(props: {
  /** Unique on the page: the radios' name, and the prefix of every id. */
  name: string;
  legend: ComponentChildren;
  hint?: string;
  min: number;
  max: number;
  step?: number;
  value: number | null;
  onChange: (value: number | null) => void;
  anchors?: readonly ScaleAnchor[];
  error?: string | undefined;
  required?: boolean;
  /** Offers a "Clear" button once a point is chosen, for optional questions. */
  clearable?: boolean;
  /** Another class for the fieldset, beside `number-scale`. */
  class?: string;
  /** An id for the point that takes the focus (the chosen one, else the first). */
  focusId?: string;
}) {
  const values = scaleValues(props.min, props.max, props.step);
  const focusValue = props.value !== null && values.includes(props.value) ? props.value : values[0];
  const anchors = props.anchors ?? [];
  const errorId = `${props.name}-error`;
  const anchorId = (value: number) => `${props.name}-anchor-${value}`;
  const classes = ["number-scale", props.error ? "number-scale-invalid" : null, props.class ?? null]
    .filter((c) => c !== null)
    .join(" ");
  return (
    <fieldset class={classes} aria-describedby={props.hint ? `${props.name}-hint` : undefined}>
      <legend>{props.legend}</legend>
      <FieldHelp id={props.name} hint={props.hint} error={props.error} />
      <div
        class={values.length > 6 ? "number-scale-bar number-scale-long" : "number-scale-bar"}
        style={{ "--points": values.length }}
      >
        {values.map((value) => (
          <label class="scale-option" key={value}>
            <input
              type="radio"
              id={
                props.focusId !== undefined && value === focusValue
                  ? props.focusId
                  : scaleInputId(props.name, value)
              }
              name={props.name}
              value={String(value)}
              checked={props.value === value}
              onChange={() => props.onChange(value)}
              required={props.required}
              aria-invalid={props.error ? "true" : undefined}
              aria-describedby={describedBy(
                anchors.some((a) => a.value === value) && anchorId(value),
                props.error && errorId,
              )}
            />
            <span>{value}</span>
          </label>
        ))}
      </div>
      {(anchors.length > 0 || props.clearable) && (
        <div class="number-scale-foot">
          {anchors.length > 0 && (
            <div
              class="number-scale-anchors"
              style={{ gridTemplateColumns: `repeat(${anchors.length}, minmax(0, 1fr))` }}
            >
              {anchors.map((anchor) => (
                <span key={anchor.value} id={anchorId(anchor.value)}>
                  {anchor.text}
                </span>
              ))}
            </div>
          )}
          {props.clearable && props.value !== null && (
            <button type="button" class="number-scale-clear" onClick={() => props.onChange(null)}>
              Clear<span class="visually-hidden"> {props.legend}</span>
            </button>
          )}
        </div>
      )}
    </fieldset>
  );
}
