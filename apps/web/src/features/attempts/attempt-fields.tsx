import type { Outcome } from "@cando/core";
import { ATTEMPT_OUTCOMES, OUTCOME_LABELS, RATING_ANCHORS } from "@cando/core/constants";

// The attempt's questions, shared by logging an attempt and correcting one.

export const CONFIDENCE_ANCHORS = Object.entries(RATING_ANCHORS).map(([value, text]) => ({
  value: Number(value),
  text,
}));
export const ANXIETY_ANCHORS = [
  { value: 0, text: "Calm" },
  { value: 10, text: "As anxious as I get" },
];
export const EFFORT_ANCHORS = [
  { value: 1, text: "Very little" },
  { value: 3, text: "Some" },
  { value: 5, text: "All I had" },
];
export const DIFFICULTY_ANCHORS = [
  { value: 1, text: "Very easy" },
  { value: 3, text: "Moderate" },
  { value: 5, text: "Very hard" },
];

/** Done, partly or not yet, as one row of radio buttons. */
export function OutcomeChoice(props: {
  value: Outcome | null;
  onChange: (value: Outcome) => void;
  error?: string | undefined;
}) {
  return (
    <fieldset class={props.error ? "number-scale number-scale-invalid" : "number-scale"}>
      <legend>Outcome</legend>
      {props.error && (
        <p class="field-error" id="outcome-error">
          {props.error}
        </p>
      )}
      <div class="number-scale-bar outcome-bar">
        {ATTEMPT_OUTCOMES.map((outcome) => (
          <label class="scale-option" key={outcome}>
            <input
              type="radio"
              id={`outcome-${outcome}`}
              name="outcome"
              value={outcome}
              checked={props.value === outcome}
              onChange={() => props.onChange(outcome)}
              required
              aria-invalid={props.error ? "true" : undefined}
              aria-describedby={props.error ? "outcome-error" : undefined}
            />
            <span>{OUTCOME_LABELS[outcome]}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
