import type { Outcome } from "@cando/core";
import { ATTEMPT_OUTCOMES, OUTCOME_LABELS, RATING_ANCHORS } from "@cando/core/constants";
import { LabelledField } from "../../ui/labelled-field";
import { localDateTime } from "../../ui/local-time";
import { NumberScale } from "../../ui/number-scale";

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

/**
 * The range, anchors and rule of each rated question of an attempt: the same when an attempt is
 * logged and when it is corrected. Effort and difficulty are required; the rest may be cleared.
 */
const ATTEMPT_SCALES = {
  confidenceBefore: { min: 0, max: 100, step: 10, anchors: CONFIDENCE_ANCHORS, required: false },
  anxietyBefore: { min: 0, max: 10, step: 1, anchors: ANXIETY_ANCHORS, required: false },
  effort: { min: 1, max: 5, step: 1, anchors: EFFORT_ANCHORS, required: true },
  difficulty: { min: 1, max: 5, step: 1, anchors: DIFFICULTY_ANCHORS, required: true },
  anxietyAfter: { min: 0, max: 10, step: 1, anchors: ANXIETY_ANCHORS, required: false },
} as const;

export type ScaleQuestion = keyof typeof ATTEMPT_SCALES;

/** Effort and how hard it felt are always answered; a required scale never offers to clear. */
export function isRequiredScale(question: ScaleQuestion): boolean {
  return ATTEMPT_SCALES[question].required;
}

/** One rated question of an attempt (confidence, anxiety, effort, how hard) as a button scale. */
export function AttemptScale(props: {
  question: ScaleQuestion;
  name: string;
  legend: string;
  value: number | null;
  onChange: (value: number | null) => void;
  error?: string | undefined;
}) {
  const scale = ATTEMPT_SCALES[props.question];
  return (
    <NumberScale
      name={props.name}
      legend={props.legend}
      min={scale.min}
      max={scale.max}
      step={scale.step}
      anchors={scale.anchors}
      value={props.value}
      onChange={props.onChange}
      error={props.error}
      required={scale.required}
      clearable={!scale.required}
    />
  );
}

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

/** How a form asks one rated question: its control name and its wording. */
export type AskedScale = { question: ScaleQuestion; name: string; legend: string };

/** Rated questions one after another, each answer and problem found by its question. */
export function AttemptScales(props: {
  asked: readonly AskedScale[];
  values: Record<ScaleQuestion, number | null>;
  onChange: (question: ScaleQuestion, value: number | null) => void;
  problems: Partial<Record<ScaleQuestion, string>>;
}) {
  return (
    <>
      {props.asked.map(({ question, name, legend }) => (
        <AttemptScale
          key={question}
          question={question}
          name={name}
          legend={legend}
          value={props.values[question]}
          onChange={(v) => props.onChange(question, v)}
          error={props.problems[question]}
        />
      ))}
    </>
  );
}

/** A written answer: its control's id (and name), label, text and problem. */
type TextAnswer = {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  error?: string | undefined;
};

/** A short one-line answer: whole minutes as text, or a date and time. */
function ShortAnswer(
  props: TextAnswer & {
    type: "text" | "datetime-local";
    inputMode?: "numeric";
    min?: string | undefined;
    max?: string;
  },
) {
  return (
    <LabelledField id={props.id} label={props.label} error={props.error}>
      {(control) => (
        <input
          {...control}
          type={props.type}
          inputMode={props.inputMode}
          class="input-short"
          value={props.value}
          min={props.min}
          max={props.max}
          onInput={(e) => props.onInput(e.currentTarget.value)}
        />
      )}
    </LabelledField>
  );
}

/** Time spent, as text: checked as whole minutes when the form is sent. */
export function MinutesField(props: TextAnswer) {
  return <ShortAnswer {...props} type="text" inputMode="numeric" />;
}

/** When the attempt happened, to the minute: never in the future, nor before `earliest`. */
export function AttemptTimeField(props: TextAnswer & { earliest?: Date | undefined }) {
  const { earliest, ...answer } = props;
  return (
    <ShortAnswer
      {...answer}
      type="datetime-local"
      min={earliest ? localDateTime(earliest) : undefined}
      max={localDateTime(new Date())}
    />
  );
}

/** The attempt's note, with a counter towards its 2000 characters. */
export function NoteField(props: TextAnswer & { hint?: string | undefined }) {
  return (
    <LabelledField
      id={props.id}
      label={props.label}
      hint={props.hint}
      error={props.error}
      count={{ length: props.value.length, limit: 2000 }}
    >
      {(control) => (
        <textarea
          {...control}
          rows={3}
          value={props.value}
          onInput={(e) => props.onInput(e.currentTarget.value)}
        />
      )}
    </LabelledField>
  );
}
