import type { ComponentChildren, Ref } from "preact";
import { useState } from "preact/hooks";
import { ApiError, errorMessage } from "../../api/client";
import { localDay } from "../../ui/days";
import { DateField, TextAreaField } from "../../ui/fields";
import { TextField } from "../../ui/text-field";
import {
  type FormProblems,
  type GoalDraft,
  type GoalField,
  goalFieldProblems,
  targetDateNote,
} from "./goal-form";

const NO_PROBLEMS: FormProblems<GoalField> = { byField: {}, other: [] };

/**
 * A goal form's draft, problems and busy flag. `send` runs a save: while it runs the form is
 * busy; if it fails, the API's problems go on the fields (or in the summary) and the form is
 * free again. `tries` counts the times problems were shown, to key the summary that takes focus.
 */
export function useGoalForm(initial: GoalDraft) {
  const [draft, setDraft] = useState<GoalDraft>(initial);
  const [problems, setProblems] = useState(NO_PROBLEMS);
  const [tries, setTries] = useState(0);
  const [busy, setBusy] = useState(false);

  function show(found: FormProblems<GoalField>) {
    setProblems(found);
    setTries((n) => n + 1);
  }

  async function send(save: () => Promise<void>) {
    setBusy(true);
    try {
      await save();
    } catch (error) {
      show(
        error instanceof ApiError && error.fields.length > 0
          ? goalFieldProblems(error.fields)
          : { byField: {}, other: [errorMessage(error)] },
      );
      setBusy(false);
    }
  }

  return { draft, setDraft, problems, setProblems, show, tries, busy, send };
}

/**
 * A goal's statement, outcome, context and target date: the fields of setting a goal and of
 * editing one. Each control's id is `<prefix>-<field>`.
 */
export function GoalFields(props: {
  prefix: string;
  draft: GoalDraft;
  errors: Partial<Record<GoalField, string>>;
  onInput: (field: GoalField) => (value: string) => void;
  statementHint: string;
  contextHint?: string;
  statementRef?: Ref<HTMLInputElement>;
  /** Shown between the outcome and the context: the live notes on the wording. */
  coaching?: ComponentChildren;
}) {
  const { draft, errors, onInput } = props;
  const id = (field: GoalField) => `${props.prefix}-${field}`;
  return (
    <>
      <TextField
        id={id("statement")}
        label="Goal"
        hint={props.statementHint}
        value={draft.statement}
        onInput={onInput("statement")}
        error={errors.statement}
        maxLength={200}
        inputRef={props.statementRef}
      />
      <TextAreaField
        id={id("outcome")}
        label="Observable outcome"
        hint="What someone could see or count when you can do it."
        value={draft.outcome}
        onInput={onInput("outcome")}
        error={errors.outcome}
        rows={2}
        maxLength={500}
      />
      {props.coaching}
      <TextField
        id={id("context")}
        label="Context (optional)"
        hint={props.contextHint}
        value={draft.context}
        onInput={onInput("context")}
        error={errors.context}
        maxLength={300}
      />
      <DateField
        id={id("targetDate")}
        label="Target date (optional)"
        value={draft.targetDate}
        onInput={onInput("targetDate")}
        error={errors.targetDate}
        note={targetDateNote(draft.targetDate, localDay())}
      />
    </>
  );
}
