import type { Ref } from "preact";
import { ConfidenceSelect } from "../../ui/confidence-select";
import { DateField, TextAreaField } from "../../ui/fields";
import { TextField } from "../../ui/text-field";
import type { StepDraftField } from "./ladder-builder";

/** A step as its fields show it; without `confidence` the form does not ask for it. */
export type StepValues = {
  title: string;
  description: string;
  confidence?: number | null;
  plannedDate: string;
};

/**
 * A step's title, details, how certain the person is now (beside the planned date) and the
 * planned date: a row of the ladder builder, adding a step, and (without the rating) editing one.
 */
export function StepFields(props: {
  /** The id of a field's control. */
  id: (field: StepDraftField) => string;
  step: StepValues;
  errors: Partial<Record<StepDraftField, string>>;
  onChange: (field: StepDraftField, value: string | number | null) => void;
  titleLabel?: string;
  titleRef?: Ref<HTMLInputElement>;
  dateLabel?: string;
  dateHint?: string | undefined;
  dateNote?: string | null;
}) {
  const { id, step, errors, onChange } = props;
  const date = (
    <DateField
      id={id("plannedDate")}
      label={props.dateLabel ?? "Planned date (optional)"}
      hint={props.dateHint}
      value={step.plannedDate}
      onInput={(v) => onChange("plannedDate", v)}
      error={errors.plannedDate}
      note={props.dateNote}
    />
  );
  return (
    <>
      <TextField
        id={id("title")}
        label={props.titleLabel ?? "What will you do?"}
        value={step.title}
        onInput={(v) => onChange("title", v)}
        error={errors.title}
        maxLength={200}
        inputRef={props.titleRef}
      />
      <TextAreaField
        id={id("description")}
        label="Details (optional)"
        value={step.description}
        onInput={(v) => onChange("description", v)}
        error={errors.description}
        rows={2}
        maxLength={1000}
      />
      {step.confidence === undefined ? (
        date
      ) : (
        <div class="builder-pair">
          <ConfidenceSelect
            id={id("confidence")}
            value={step.confidence}
            onChange={(v) => onChange("confidence", v)}
            error={errors.confidence}
          />
          {date}
        </div>
      )}
    </>
  );
}
