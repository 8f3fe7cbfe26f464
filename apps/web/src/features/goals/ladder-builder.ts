import type { FieldProblem } from "@cando/core";
import { LADDER_MAX_STEPS, LADDER_MIN_STEPS } from "@cando/core/constants";
import { fieldMessage } from "../../ui/format";

/** One step as typed into the ladder builder; `key` keeps a row's identity while rows move. */
export type StepDraft = {
  key: string;
  title: string;
  description: string;
  confidence: number | null;
  plannedDate: string;
};

export type StepDraftField = "title" | "description" | "confidence" | "plannedDate";

export function emptyStep(key: string, plannedDate = ""): StepDraft {
  return { key, title: "", description: "", confidence: null, plannedDate };
}

export type BuilderProblems = {
  /** Problems by row key, then by field. */
  byStep: Record<string, Partial<Record<StepDraftField, string>>>;
  /** Problems with the ladder as a whole (too few steps), and anything unplaced. */
  other: string[];
};

const STEP_FIELD_LABELS: Record<StepDraftField, string> = {
  title: "Title",
  description: "Description",
  confidence: "Confidence",
  plannedDate: "Planned date",
};

/** What the browser checks before sending: every row has a title, and 3–15 rows. */
export function builderProblems(steps: StepDraft[]): BuilderProblems {
  const problems: BuilderProblems = { byStep: {}, other: [] };
  steps.forEach((step, i) => {
    if (step.title.trim() === "") {
      problems.byStep[step.key] = { title: `Give step ${i + 1} a title.` };
    }
  });
  if (steps.length < LADDER_MIN_STEPS) {
    problems.other.push(`A ladder needs at least ${LADDER_MIN_STEPS} steps.`);
  }
  if (steps.length > LADDER_MAX_STEPS) {
    problems.other.push(`A ladder can have at most ${LADDER_MAX_STEPS} steps.`);
  }
  return problems;
}

export function builderHasProblems(problems: BuilderProblems): boolean {
  return Object.keys(problems.byStep).length > 0 || problems.other.length > 0;
}

/** The body of `PUT /api/goals/:goalId/ladder`, easiest step first, as the rows are ordered. */
export function ladderBody(steps: StepDraft[]): {
  steps: {
    title: string;
    description: string;
    confidence: number | null;
    plannedDate: string | null;
  }[];
} {
  return {
    steps: steps.map((s) => ({
      title: s.title.trim(),
      description: s.description.trim(),
      confidence: s.confidence,
      plannedDate: s.plannedDate === "" ? null : s.plannedDate,
    })),
  };
}

/** Places the API's `steps.<i>.<field>` problems on the i-th row sent; the rest in the summary. */
export function ladderFieldProblems(fields: FieldProblem[], sent: StepDraft[]): BuilderProblems {
  const problems: BuilderProblems = { byStep: {}, other: [] };
  for (const field of fields) {
    const match = /^steps\.(\d+)\.(\w+)$/.exec(field.path);
    const row = match ? sent[Number(match[1])] : undefined;
    const name = match?.[2] as StepDraftField | undefined;
    if (row !== undefined && name !== undefined && name in STEP_FIELD_LABELS) {
      const forRow = problems.byStep[row.key] ?? {};
      forRow[name] ??= fieldMessage(STEP_FIELD_LABELS[name], field.message);
      problems.byStep[row.key] = forRow;
    } else {
      const label = field.path === "steps" ? "The ladder" : field.path;
      problems.other.push(label === "" ? field.message : fieldMessage(label, field.message));
    }
  }
  return problems;
}
