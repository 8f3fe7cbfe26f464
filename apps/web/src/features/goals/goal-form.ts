import type { FieldProblem } from "@cando/core";
import { fieldMessage } from "../../ui/format";

export type GoalDraft = {
  domainId: string;
  statement: string;
  outcome: string;
  context: string;
  targetDate: string;
};

export type GoalField = keyof GoalDraft;

export const GOAL_FIELD_LABELS: Record<GoalField, string> = {
  domainId: "Domain",
  statement: "Goal",
  outcome: "Observable outcome",
  context: "Context",
  targetDate: "Target date",
};

/** The body of `POST /api/goals` (or, without the domain, `PATCH`): trimmed, no empty date. */
export function goalBody(draft: GoalDraft): {
  domainId: string;
  statement: string;
  outcome: string;
  context: string;
  targetDate: string | null;
} {
  return {
    domainId: draft.domainId,
    statement: draft.statement.trim(),
    outcome: draft.outcome.trim(),
    context: draft.context.trim(),
    targetDate: draft.targetDate === "" ? null : draft.targetDate,
  };
}

export type FormProblems<F extends string> = {
  byField: Partial<Record<F, string>>;
  other: string[];
};

/** What the browser can say before sending: a goal needs a domain and a statement. */
export function goalDraftProblems(draft: GoalDraft): FormProblems<GoalField> {
  const byField: Partial<Record<GoalField, string>> = {};
  if (draft.domainId === "") byField.domainId = "Choose a domain.";
  if (draft.statement.trim() === "")
    byField.statement = "Write your goal, starting with “I can …”.";
  return { byField, other: [] };
}

/** Places the API's field problems on a form's fields by path; the rest go in the summary. */
export function placeFieldProblems<F extends string>(
  fields: FieldProblem[],
  labels: Record<F, string>,
): FormProblems<F> {
  const problems: FormProblems<F> = { byField: {}, other: [] };
  for (const field of fields) {
    if (Object.hasOwn(labels, field.path)) {
      const key = field.path as F;
      problems.byField[key] ??= fieldMessage(labels[key], field.message);
    } else {
      problems.other.push(
        field.path === "" ? field.message : fieldMessage(field.path, field.message),
      );
    }
  }
  return problems;
}

/** The API's problems with a goal, on the goal form's fields. */
export function goalFieldProblems(fields: FieldProblem[]): FormProblems<GoalField> {
  return placeFieldProblems(fields, GOAL_FIELD_LABELS);
}

export function hasProblems<F extends string>(problems: FormProblems<F>): boolean {
  return Object.keys(problems.byField).length > 0 || problems.other.length > 0;
}

/** A word when the target date has already passed: allowed (an old goal keeps its date), never silent. */
export function targetDateNote(targetDate: string, today: string): string | null {
  if (targetDate === "" || targetDate >= today) return null;
  return "That date has passed. Pick a day ahead of you, or leave it empty.";
}
