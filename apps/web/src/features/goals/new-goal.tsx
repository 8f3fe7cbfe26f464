import type { Domain, Goal } from "@cando/core";
import { coachGoal } from "@cando/core/constants";
import { api } from "../../api/client";
import { SelectField } from "../../ui/fields";
import { ProblemSummary } from "../../ui/problem-summary";
import { CoachingNotes } from "./coaching-notes";
import { GoalFields, useGoalForm } from "./goal-fields";
import {
  type GoalDraft,
  type GoalField,
  goalBody,
  goalDraftProblems,
  hasProblems,
} from "./goal-form";

/**
 * Setting a new goal, on the Goals page and in the welcome: the draft (an answer clears its
 * field's problem), the live notes on the wording, and the submit that checks the draft, then
 * creates the goal.
 */
export function useNewGoalForm(initial: GoalDraft, onCreated: (goal: Goal) => void) {
  const form = useGoalForm(initial);
  const { draft, setDraft, problems, setProblems, show, busy, send } = form;

  const set = (field: GoalField) => (value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    if (problems.byField[field] !== undefined) {
      const { [field]: _fixed, ...rest } = problems.byField;
      setProblems({ ...problems, byField: rest });
    }
  };
  const notes = draft.statement.trim() === "" ? [] : coachGoal(draft.statement, draft.outcome);

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    const found = goalDraftProblems(draft);
    if (hasProblems(found)) {
      show(found);
      return;
    }
    await send(async () => {
      const body = await api.post<{ goal: Goal }>("/api/goals", goalBody(draft));
      onCreated(body.goal);
    });
  }

  return { ...form, set, notes, submit };
}

/**
 * A new goal's fields: the problems first (each links to its field), the domain, then the
 * goal's own fields with the coaching notes. Each control's id is `<prefix>-<field>`.
 */
export function NewGoalFields(props: {
  form: ReturnType<typeof useNewGoalForm>;
  prefix: string;
  domains: Domain[];
  /** A gentle note under the domain (another goal is active there). */
  domainNote?: string | null;
  statementHint: string;
}) {
  const { form, prefix } = props;
  const invalid = Object.entries(form.problems.byField) as [GoalField, string][];
  return (
    <>
      {hasProblems(form.problems) && (
        <ProblemSummary
          key={form.tries}
          message="Please check the goal before saving."
          links={invalid.map(([field, text]) => ({ targetId: `${prefix}-${field}`, text }))}
          other={form.problems.other}
        />
      )}
      <SelectField
        id={`${prefix}-domainId`}
        label="Domain"
        value={form.draft.domainId}
        options={[
          { value: "", label: "Choose a domain" },
          ...props.domains.map((d) => ({ value: d.id, label: d.name })),
        ]}
        onChange={form.set("domainId")}
        error={form.problems.byField.domainId}
        note={props.domainNote}
      />
      <GoalFields
        prefix={prefix}
        draft={form.draft}
        errors={form.problems.byField}
        onInput={form.set}
        statementHint={props.statementHint}
        contextHint="Where, with whom, under what conditions."
        coaching={<CoachingNotes id={`${prefix}-coaching`} notes={form.notes} live />}
      />
    </>
  );
}
