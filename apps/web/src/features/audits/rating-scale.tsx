import type { Domain } from "@cando/core";
import { ANCHORS, RATING_VALUES } from "./audit-form";

/** The id of a domain's first radio button, for moving focus to an unrated domain. */
export function firstRatingId(domainId: string): string {
  return `rating-${domainId}-${RATING_VALUES[0]}`;
}

/**
 * One domain's rating on Bandura's 0–100 scale: 11 native radio buttons in a fieldset,
 * so Tab reaches the group once and the arrow keys move along the scale.
 */
export function RatingScale(props: {
  domain: Domain;
  value: number | undefined;
  onChange: (rating: number) => void;
  error?: string | undefined;
}) {
  const name = `rating-${props.domain.id}`;
  const errorId = `${name}-error`;
  const anchorId = (value: number) => `${name}-anchor-${value}`;
  return (
    <fieldset class={props.error ? "rating rating-invalid" : "rating"}>
      <legend>
        How certain are you that you can succeed at what matters to you in{" "}
        <strong>{props.domain.name}</strong>?
      </legend>
      {props.error && (
        <p class="field-error" id={errorId}>
          {props.error}
        </p>
      )}
      <div class="scale">
        {RATING_VALUES.map((value) => {
          const describedBy = [
            ANCHORS.some((a) => a.value === value) ? anchorId(value) : null,
            props.error ? errorId : null,
          ]
            .filter((id) => id !== null)
            .join(" ");
          return (
            <label class="scale-option" key={value}>
              <input
                type="radio"
                id={`${name}-${value}`}
                name={name}
                value={String(value)}
                checked={props.value === value}
                onChange={() => props.onChange(value)}
                required
                aria-describedby={describedBy || undefined}
              />
              <span>{value}</span>
            </label>
          );
        })}
      </div>
      <div class="scale-anchors">
        {ANCHORS.map((anchor) => (
          <span key={anchor.value} id={anchorId(anchor.value)}>
            {anchor.text}
          </span>
        ))}
      </div>
    </fieldset>
  );
}
