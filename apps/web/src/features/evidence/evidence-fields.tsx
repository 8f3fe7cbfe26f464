import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError, errorMessage } from "../../api/client";
import { placeProblems } from "../../ui/form-problems";
import { LabelledField } from "../../ui/labelled-field";
import { localDay } from "../../ui/local-time";
import { NumberScale, scaleInputId } from "../../ui/number-scale";
import { ProblemSummary, problemLinks } from "../../ui/problem-summary";
import {
  EVIDENCE_FIELDS,
  EVIDENCE_LABELS,
  type EvidenceDraft,
  type EvidenceField,
  OWNERSHIP_ANCHORS,
  validateEvidence,
} from "./evidence-form";

type Problems = Partial<Record<EvidenceField, string>>;

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
  problems: Problems;
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
        count={{ length: draft.title.length, limit: 200 }}
      >
        {(control) => (
          <input
            {...control}
            type="text"
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
        count={{ length: draft.body.length, limit: 4000 }}
      >
        {(control) => (
          <textarea
            {...control}
            rows={4}
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

/**
 * The state of an evidence form ("add" or "edit"): its draft, the problems on its fields and
 * the summary above them, and whether it is saving.
 */
export function useEvidenceForm(initial: () => EvidenceDraft) {
  const [draft, setDraft] = useState<EvidenceDraft>(initial);
  const [problems, setProblems] = useState<Problems>({});
  const [summary, setSummary] = useState<{
    message: string;
    other: string[];
    /** Whether it is about fields: then it goes once every field is fixed. */
    aboutFields: boolean;
  } | null>(null);
  const [shown, setShown] = useState(0);
  const [busy, setBusy] = useState(false);

  function show(found: Problems, message: string, other: string[]) {
    setProblems(found);
    setSummary({ message, other, aboutFields: Object.keys(found).length > 0 });
    setShown((n) => n + 1);
  }

  /**
   * Checks the draft in the browser (the summary says `invalid`), then saves it with `send`,
   * which returns null when there is nothing to send; the API's problems land on the fields.
   */
  async function submit(
    event: Event,
    invalid: string,
    send: (draft: EvidenceDraft) => Promise<void> | null,
  ) {
    event.preventDefault();
    if (busy) return;
    const found = validateEvidence(draft, localDay(new Date()));
    if (Object.keys(found).length > 0) {
      show(found, invalid, []);
      return;
    }
    const saving = send(draft);
    if (saving === null) return;
    setBusy(true);
    try {
      await saving;
    } catch (error) {
      if (error instanceof ApiError && error.fields.length > 0) {
        const placed = placeProblems(error.fields, EVIDENCE_LABELS);
        show(placed.fields, error.message, placed.other);
      } else {
        show({}, errorMessage(error), []);
      }
    } finally {
      setBusy(false);
    }
  }

  return { draft, setDraft, problems, setProblems, summary, shown, busy, submit };
}

export type EvidenceFormState = ReturnType<typeof useEvidenceForm>;

/**
 * An evidence form: its heading (focused when it opens), the problem summary, any fields of its
 * own (`children`), the shared fields, then save and cancel.
 */
export function EvidenceForm(props: {
  prefix: "add" | "edit";
  heading: string;
  form: EvidenceFormState;
  onSubmit: (event: Event) => void;
  onChange: <K extends keyof EvidenceDraft>(key: K, value: EvidenceDraft[K]) => void;
  onCancel: () => void;
  submitLabel: string;
  busyLabel: string;
  id?: string;
  class: string;
  children?: ComponentChildren;
}) {
  const { form, prefix } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const ids = evidenceFieldIds(prefix);
  const links = problemLinks(EVIDENCE_FIELDS, form.problems, (f) => ids[f]);

  return (
    <form
      id={props.id}
      class={props.class}
      onSubmit={props.onSubmit}
      noValidate
      aria-busy={form.busy}
      aria-labelledby={`${prefix}-heading`}
    >
      <h2 id={`${prefix}-heading`} ref={heading} tabIndex={-1}>
        {props.heading}
      </h2>
      {form.summary !== null &&
        !(form.summary.aboutFields && links.length === 0 && form.summary.other.length === 0) && (
          <ProblemSummary
            key={form.shown}
            message={form.summary.message}
            links={links}
            other={form.summary.other}
          />
        )}
      {props.children}
      <EvidenceFields
        prefix={prefix}
        draft={form.draft}
        problems={form.problems}
        onChange={props.onChange}
      />
      <div class="form-actions">
        <button type="submit" class="button" disabled={form.busy}>
          {form.busy ? props.busyLabel : props.submitLabel}
        </button>
        <button type="button" class="button button-quiet" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
