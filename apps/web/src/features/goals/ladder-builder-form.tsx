import type { Goal, LadderView } from "@cando/core";
import {
  firstStepDateWarning,
  LADDER_MAX_STEPS,
  LADDER_MIN_STEPS,
  proposeFirstStepDate,
} from "@cando/core/constants";
import { useRef, useState } from "preact/hooks";
import { ApiError, api, errorMessage } from "../../api/client";
import { localDay } from "../../ui/days";
import { ErrorSummary } from "../../ui/feedback";
import type { LadderResponse } from "./api-types";
import { useFocusLater } from "./focus-later";
import {
  type BuilderProblems,
  builderHasProblems,
  builderProblems,
  emptyStep,
  ladderBody,
  ladderFieldProblems,
  type StepDraft,
  type StepDraftField,
} from "./ladder-builder";
import { StepFields } from "./step-fields";

const NO_PROBLEMS: BuilderProblems = { byStep: {}, other: [] };

/** The ids of a builder row's controls, for labels, error links and focus. */
const rowId = (key: string, field: StepDraftField) => `builder-${key}-${field}`;

/**
 * The ladder builder: 3–15 steps, easiest first, each with how certain the person is now.
 * The first step gets a date within the week, with a gentle warning when it drifts later.
 */
export function LadderBuilder(props: { goal: Goal; onBuilt: (ladder: LadderView) => void }) {
  const today = localDay();
  const nextKey = useRef(LADDER_MIN_STEPS);
  const [rows, setRows] = useState<StepDraft[]>(() => [
    emptyStep("0", proposeFirstStepDate(today)),
    emptyStep("1"),
    emptyStep("2"),
  ]);
  const [problems, setProblems] = useState(NO_PROBLEMS);
  const [tries, setTries] = useState(0);
  const [busy, setBusy] = useState(false);
  const setFocusId = useFocusLater();

  function update(key: string, field: StepDraftField, value: string | number | null) {
    setRows((current) => current.map((r) => (r.key === key ? { ...r, [field]: value } : r)));
    const forRow = problems.byStep[key];
    if (forRow?.[field] !== undefined) {
      const { [field]: _fixed, ...rest } = forRow;
      setProblems({ ...problems, byStep: { ...problems.byStep, [key]: rest } });
    }
  }

  function addRow() {
    const key = String(nextKey.current++);
    setRows((current) => [...current, emptyStep(key)]);
    setFocusId(rowId(key, "title"));
  }

  function removeRow(index: number) {
    const after = rows[index + 1] ?? rows[index - 1];
    setRows((current) => current.filter((_, i) => i !== index));
    if (after) setFocusId(rowId(after.key, "title"));
  }

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    const found = builderProblems(rows);
    if (builderHasProblems(found)) {
      setProblems(found);
      setTries((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      const body = await api.put<LadderResponse>(
        `/api/goals/${encodeURIComponent(props.goal.id)}/ladder`,
        ladderBody(rows),
      );
      props.onBuilt(body.ladder);
    } catch (error) {
      setProblems(
        error instanceof ApiError && error.fields.length > 0
          ? ladderFieldProblems(error.fields, rows)
          : { byStep: {}, other: [errorMessage(error)] },
      );
      setTries((n) => n + 1);
      setBusy(false);
    }
  }

  const links = rows.flatMap((row) =>
    Object.entries(problems.byStep[row.key] ?? {}).map(([field, message]) => ({
      id: rowId(row.key, field as StepDraftField),
      message,
    })),
  );
  const firstRow = rows[0];
  const firstWarning =
    firstRow && firstRow.plannedDate !== ""
      ? firstStepDateWarning(today, firstRow.plannedDate)
      : null;

  return (
    <section class="card builder" aria-labelledby="builder-heading">
      <h2 id="builder-heading">Build your ladder</h2>
      <p>
        Break the goal into {LADDER_MIN_STEPS} to {LADDER_MAX_STEPS} steps, easiest first: from one
        well within what you can do now, up to the goal itself. Each step should stretch you a
        little, and be doable with effort.
      </p>
      <p class="muted">
        For each step, rate how certain you are that you can do it now. Honest ratings help Cando
        pick the step that is challenging yet achievable.
      </p>
      <form class="stack" onSubmit={submit} noValidate aria-busy={busy}>
        {builderHasProblems(problems) && (
          <ErrorSummary key={tries} focus>
            <p>Please check the ladder before saving.</p>
            <ul>
              {links.map((link) => (
                <li key={link.id}>
                  <a
                    href={`#${link.id}`}
                    onClick={(e) => {
                      e.preventDefault();
                      document.getElementById(link.id)?.focus();
                    }}
                  >
                    {link.message}
                  </a>
                </li>
              ))}
              {problems.other.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          </ErrorSummary>
        )}
        <ol class="builder-steps">
          {rows.map((row, i) => {
            const rowProblems = problems.byStep[row.key] ?? {};
            const where =
              i === 0 ? " (easiest)" : i === rows.length - 1 ? " (closest to the goal)" : "";
            return (
              <li key={row.key}>
                <fieldset class="builder-step">
                  <legend>
                    Step {i + 1}
                    <span class="muted">{where}</span>
                  </legend>
                  <StepFields
                    id={(field) => rowId(row.key, field)}
                    step={row}
                    errors={rowProblems}
                    onChange={(field, value) => update(row.key, field, value)}
                    dateLabel={i === 0 ? "Planned date" : "Planned date (optional)"}
                    dateHint={i === 0 ? "Start within a week to keep momentum." : undefined}
                    dateNote={i === 0 ? firstWarning : null}
                  />
                  {rows.length > LADDER_MIN_STEPS && (
                    <button
                      type="button"
                      class="button button-quiet button-small"
                      onClick={() => removeRow(i)}
                    >
                      Remove step {i + 1}
                    </button>
                  )}
                </fieldset>
              </li>
            );
          })}
        </ol>
        <div class="form-actions">
          {rows.length < LADDER_MAX_STEPS && (
            <button type="button" class="button button-secondary" onClick={addRow}>
              Add another step
            </button>
          )}
          <button type="submit" class="button" disabled={busy}>
            Save ladder
          </button>
          <span class="muted">
            {rows.length} of {LADDER_MAX_STEPS} steps
          </span>
        </div>
      </form>
    </section>
  );
}
