import type { Domain } from "@cando/core";
import { RATING_STEP } from "@cando/core/constants";
import { NumberScale, scaleInputId } from "../../ui/number-scale";
import { ANCHORS, RATING_VALUES } from "./audit-form";

/** The name of a domain's radio group, and the prefix of its ids (`rating-<domainId>-<value>`). */
const ratingName = (domainId: string) => `rating-${domainId}`;

/** The id of a domain's first radio button, for moving focus to an unrated domain. */
export function firstRatingId(domainId: string): string {
  return scaleInputId(ratingName(domainId), RATING_VALUES[0] ?? 0);
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
  return (
    <NumberScale
      name={ratingName(props.domain.id)}
      class="rating"
      legend={
        <>
          How certain are you that you can succeed at what matters to you in{" "}
          <strong>{props.domain.name}</strong>?
        </>
      }
      min={0}
      max={100}
      step={RATING_STEP}
      anchors={ANCHORS}
      value={props.value ?? null}
      onChange={(rating) => {
        if (rating !== null) props.onChange(rating);
      }}
      error={props.error}
      required
    />
  );
}
