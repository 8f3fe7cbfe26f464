import { LabelledField } from "../../ui/labelled-field";
import { localDay } from "../../ui/local-time";
import { NumberScale, scaleInputId } from "../../ui/number-scale";
import { type EvidenceDraft, type EvidenceField, OWNERSHIP_ANCHORS } from "./evidence-form";

/** The id of each field's control (or its first radio), prefixed per form. */
export function evidenceFieldIds(prefix: string): Record<EvidenceField, string> {
  return {
    domainId: `${prefix}-domain`,
    goalId: `${prefix}-goal`,
    title: `${prefix}-title`,
    body: `${prefix}-body`,
    occurredOn: `${prefix}-date`,
    ownership: scaleInputId(`${prefix}-ownership`, 0),
  };
}

/** Title, what happened, date and ownership: shared by "add" and "edit". */
export function EvidenceFields(props: {
  prefix: string;
  draft: EvidenceDraft;
  problems: Partial<Record<EvidenceField, string>>;
  onChange: <K extends keyof EvidenceDraft>(key: K, value: EvidenceDraft[K]) => void;
}) {
  const ids = evidenceFieldIds(props.prefix);
  const { draft, problems } = props;
  return (
    <>
      <LabelledField
        id={ids.title}
        label="Title"
        hint="A few words: “Led the Monday stand-up”."
        error={problems.title}
      >
        {(control) => (
          <input
            {...control}
            type="text"
            maxLength={200}
            value={draft.title}
            onInput={(e) => props.onChange("title", e.currentTarget.value)}
          />
        )}
      </LabelledField>
      <LabelledField
        id={ids.body}
        label="What happened (optional)"
        hint="What you did, and why it was not nothing."
        error={problems.body}
      >
        {(control) => (
          <textarea
            {...control}
            rows={4}
            maxLength={4000}
            value={draft.body}
            onInput={(e) => props.onChange("body", e.currentTarget.value)}
          />
        )}
      </LabelledField>
      <LabelledField id={ids.occurredOn} label="Date" error={problems.occurredOn}>
        {(control) => (
          <input
            {...control}
            type="date"
            class="input-short"
            max={localDay(new Date())}
            value={draft.occurredOn}
            onInput={(e) => props.onChange("occurredOn", e.currentTarget.value)}
          />
        )}
      </LabelledField>
      <NumberScale
        name={`${props.prefix}-ownership`}
        legend="How much of it was your own doing?"
        hint="Your effort, skill and choices, as a share of what made it happen."
        min={0}
        max={100}
        step={10}
        anchors={OWNERSHIP_ANCHORS}
        value={draft.ownership}
        onChange={(v) => props.onChange("ownership", v)}
        error={problems.ownership}
        required
      />
    </>
  );
}
