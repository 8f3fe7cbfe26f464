import type { Attempt, Evidence, Goal, Undo } from "@cando/core";
import { UNDO_WINDOW_MINUTES } from "@cando/core/constants";
import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError, api, errorMessage } from "../../api/client";
import { readPagesUntil } from "../../api/pages";
import { ConfirmPanel } from "../../ui/confirm-panel";
import { placeProblems } from "../../ui/form-problems";
import { scaleInputId } from "../../ui/number-scale";
import { ProblemSummary, problemLinks } from "../../ui/problem-summary";
import { UndoNotice } from "../../ui/undo-notice";
import { deletionConsequences, draftFromAttempt, type EditDraft, editPatch } from "./attempt-edit";
import {
  type AskedScale,
  AttemptScales,
  AttemptTimeField,
  isRequiredScale,
  MinutesField,
  NoteField,
  OutcomeChoice,
} from "./attempt-fields";
import { ATTEMPT_FIELDS, ATTEMPT_LABELS, type AttemptField } from "./attempt-form";
import type { AttemptDeletedResponse, AttemptEditedResponse } from "./types";
import "../../ui/corrections.css";

const FIELD_TARGETS: Record<AttemptField, string> = {
  confidenceBefore: scaleInputId("edit-confidence-before", 0),
  anxietyBefore: scaleInputId("edit-anxiety-before", 0),
  outcome: "outcome-done",
  effort: scaleInputId("edit-effort", 1),
  difficulty: scaleInputId("edit-difficulty", 1),
  anxietyAfter: scaleInputId("edit-anxiety-after", 0),
  minutes: "edit-minutes",
  attemptedAt: "edit-attempted-at",
  note: "edit-note",
};

/** The correction form asks every rated question, in the short words of a record. */
const EDIT_SCALES: readonly AskedScale[] = [
  {
    question: "confidenceBefore",
    name: "edit-confidence-before",
    legend: "Confidence just before",
  },
  { question: "anxietyBefore", name: "edit-anxiety-before", legend: "Anxiety before" },
  { question: "effort", name: "edit-effort", legend: "Effort" },
  { question: "difficulty", name: "edit-difficulty", legend: "How hard it felt" },
  { question: "anxietyAfter", name: "edit-anxiety-after", legend: "Anxiety after" },
];

export type Deleted = { undo: Undo; removed: AttemptDeletedResponse["removed"] };

/** Correcting a mistake in a logged attempt: edit what was logged, or delete it (with undo). */
export function AttemptCorrections(props: {
  attempt: Attempt;
  onEdited: (attempt: Attempt, note: string) => void;
  onDeleted: (deleted: Deleted) => void;
}) {
  const [mode, setMode] = useState<"idle" | "editing" | "deleting">("idle");
  const [status, setStatus] = useState("");
  const editButton = useRef<HTMLButtonElement>(null);
  const [refocus, setRefocus] = useState(0);
  useEffect(() => {
    if (refocus > 0) editButton.current?.focus();
  }, [refocus]);

  return (
    <section class="card" aria-labelledby="correct-heading">
      <h2 id="correct-heading">Correct this attempt</h2>
      <p class="status-line" role="status">
        {status}
      </p>
      {mode === "editing" ? (
        <EditAttemptForm
          attempt={props.attempt}
          onDone={(edited) => {
            setMode("idle");
            setRefocus((n) => n + 1);
            if (edited !== null) {
              const removed = edited.removedEvidenceIds.length > 0;
              const message = removed
                ? "Your correction is saved and the ladder recalculated. It is no longer a success, so the evidence it added has left your journal."
                : "Your correction is saved and the ladder recalculated.";
              setStatus(message);
              props.onEdited(edited.attempt, message);
            }
          }}
        />
      ) : (
        <>
          <p class="hint">
            Logged the wrong outcome, day or rating? Correct it: Cando recalculates your ladder from
            the corrected history.
          </p>
          <div class="correction-actions">
            <button
              type="button"
              class="button button-secondary"
              ref={editButton}
              onClick={() => {
                setStatus("");
                setMode("editing");
              }}
            >
              Edit attempt
            </button>
            <button
              type="button"
              class="button button-quiet"
              aria-expanded={mode === "deleting"}
              onClick={() => setMode(mode === "deleting" ? "idle" : "deleting")}
            >
              Delete attempt
            </button>
          </div>
          {mode === "deleting" && (
            <DeleteAttempt
              attempt={props.attempt}
              onCancel={() => {
                setMode("idle");
                setRefocus((n) => n + 1);
              }}
              onDeleted={props.onDeleted}
            />
          )}
        </>
      )}
    </section>
  );
}

function DeleteAttempt(props: {
  attempt: Attempt;
  onCancel: () => void;
  onDeleted: (deleted: Deleted) => void;
}) {
  const [evidence, setEvidence] = useState<Evidence | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    const stepId = encodeURIComponent(props.attempt.stepId);
    readPagesUntil<Evidence>(`/api/evidence?stepId=${stepId}`, "evidence", (items) =>
      items.some((e) => e.attemptId === props.attempt.id),
    )
      .then((items) => setEvidence(items.find((e) => e.attemptId === props.attempt.id) ?? null))
      .catch(() => setEvidence(null));
  }, [props.attempt.id, props.attempt.stepId]);
  const goes = deletionConsequences(props.attempt, evidence?.title ?? null);

  async function confirm() {
    setBusy(true);
    setProblem(null);
    try {
      const body = await api.delete<AttemptDeletedResponse>(
        `/api/attempts/${encodeURIComponent(props.attempt.id)}`,
      );
      props.onDeleted({ undo: body.undo, removed: body.removed });
    } catch (error) {
      setProblem(errorMessage(error));
      setBusy(false);
    }
  }

  return (
    <ConfirmPanel
      id="delete-attempt"
      heading="Delete this attempt?"
      confirmLabel="Delete attempt"
      busy={busy}
      problem={problem}
      onConfirm={confirm}
      onCancel={props.onCancel}
    >
      {goes.length > 0 && <p>Deleted with it: {goes.join(", and ")}.</p>}
      <p>
        Your ladder is recalculated without it. A milestone it helped earn stays in your history,
        marked as corrected. You can undo this for {UNDO_WINDOW_MINUTES} minutes.
      </p>
    </ConfirmPanel>
  );
}

function EditAttemptForm(props: {
  attempt: Attempt;
  onDone: (edited: AttemptEditedResponse | null) => void;
}) {
  const [draft, setDraft] = useState<EditDraft>(() => draftFromAttempt(props.attempt));
  const [problems, setProblems] = useState<Partial<Record<AttemptField, string>>>({});
  const [summary, setSummary] = useState<{ message: string; other: string[] } | null>(null);
  const [shown, setShown] = useState(0);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  function change<K extends keyof EditDraft>(key: K, value: EditDraft[K]) {
    setDraft((current) => ({ ...current, [key]: value }));
  }
  function show(found: Partial<Record<AttemptField, string>>, message: string, other: string[]) {
    setProblems(found);
    setSummary({ message, other });
    setShown((n) => n + 1);
  }

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    const { patch, problems: found } = editPatch(draft, props.attempt, new Date());
    if (Object.keys(found).length > 0) {
      show(found, "Please check the corrections before saving.", []);
      return;
    }
    if (Object.keys(patch).length === 0) {
      props.onDone(null);
      return;
    }
    setBusy(true);
    try {
      const edited = await api.patch<AttemptEditedResponse>(
        `/api/attempts/${encodeURIComponent(props.attempt.id)}`,
        patch,
      );
      props.onDone(edited);
    } catch (error) {
      if (error instanceof ApiError && error.fields.length > 0) {
        const placed = placeProblems(error.fields, ATTEMPT_LABELS);
        show(placed.fields, error.message, placed.other);
      } else {
        show({}, errorMessage(error), []);
      }
      setBusy(false);
    }
  }

  const links = problemLinks(ATTEMPT_FIELDS, problems, (field) => FIELD_TARGETS[field]);
  return (
    <form class="stack attempt-edit-form" onSubmit={submit} noValidate aria-busy={busy}>
      <h3 ref={heading} tabIndex={-1}>
        Edit what was logged
      </h3>
      {summary !== null && (
        <ProblemSummary key={shown} message={summary.message} links={links} other={summary.other} />
      )}
      <OutcomeChoice
        value={draft.outcome}
        onChange={(v) => change("outcome", v)}
        error={problems.outcome}
      />
      <AttemptTimeField
        id="edit-attempted-at"
        label="When it happened"
        value={draft.attemptedAt}
        onInput={(v) => change("attemptedAt", v)}
        error={problems.attemptedAt}
      />
      <AttemptScales
        asked={EDIT_SCALES}
        values={draft}
        onChange={(question, v) => {
          // Effort and how hard it felt stay answered: their scales offer no way to clear them.
          if (v !== null || !isRequiredScale(question)) change(question, v);
        }}
        problems={problems}
      />
      <MinutesField
        id="edit-minutes"
        label="Time spent, in minutes"
        value={draft.minutes}
        onInput={(v) => change("minutes", v)}
        error={problems.minutes}
      />
      <NoteField
        id="edit-note"
        label="Note"
        value={draft.note}
        onInput={(v) => change("note", v)}
        error={problems.note}
      />
      <div class="form-actions">
        <button type="submit" class="button" disabled={busy}>
          {busy ? "Saving…" : "Save corrections"}
        </button>
        <button type="button" class="button button-secondary" onClick={() => props.onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Where the attempt was: what went with it, Undo, and the way back to the goal. */
export function DeletedAttempt(props: { deleted: Deleted; goal: Goal; onRestored: () => void }) {
  const { removed } = props.deleted;
  const went = [
    removed.debrief ? "its debrief" : null,
    removed.evidenceIds.length > 0 ? "the evidence it added to your journal" : null,
  ].filter((x) => x !== null);
  return (
    <UndoNotice message="Attempt deleted." undo={props.deleted.undo} onRestored={props.onRestored}>
      {went.length > 0 && <p>Deleted with it: {went.join(" and ")}.</p>}
      {removed.milestonesAffected.length > 0 && (
        <p>A milestone it helped earn stays in your history, marked as corrected.</p>
      )}
      <p>
        Your ladder has been recalculated.{" "}
        <a href={`/goals/${encodeURIComponent(props.goal.id)}`}>Back to the goal</a>
      </p>
    </UndoNotice>
  );
}
