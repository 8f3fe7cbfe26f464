import type { Goal, LadderView, Step } from "@cando/core";
import { useRef, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { ApiError, api, errorMessage } from "../../api/client";
import { useLoad } from "../../api/use-load";
import { LoadError, Loading } from "../../ui/feedback";
import { placeProblems } from "../../ui/form-problems";
import { newIdempotencyKey } from "../../ui/local-time";
import { scaleInputId } from "../../ui/number-scale";
import { Page } from "../../ui/page";
import { ProblemSummary, problemLinks } from "../../ui/problem-summary";
import { startPath } from "../prepare/prepare";
import { AttemptScale } from "./attempt-fields";
import {
  ATTEMPT_FIELDS,
  ATTEMPT_LABELS,
  type AttemptDraft,
  type AttemptField,
  buildAttemptBody,
  debriefPath,
  EMPTY_ATTEMPT,
  percent,
  validateAttempt,
} from "./attempt-form";
import { HowItWent } from "./how-it-went";
import type { AttemptLoggedResponse, GoalWithLadderResponse } from "./types";
import "../../ui/page-parts.css";
import "./attempts.css";

/** Where a problem's link in the summary moves focus to. */
const FIELD_TARGETS: Record<AttemptField, string> = {
  confidenceBefore: scaleInputId("confidence-before", 0),
  anxietyBefore: scaleInputId("anxiety-before", 0),
  outcome: "outcome-done",
  effort: scaleInputId("effort", 1),
  difficulty: scaleInputId("difficulty", 1),
  anxietyAfter: scaleInputId("anxiety-after", 0),
  minutes: "minutes",
  attemptedAt: "when-earlier-at",
  note: "note",
};

export function LogAttemptPage(props: { goalId: string; stepId: string }) {
  const { state, reload } = useLoad(() =>
    api.get<GoalWithLadderResponse>(`/api/goals/${encodeURIComponent(props.goalId)}`),
  );
  return (
    <Page title="Log an attempt">
      {state.status === "loading" && <Loading what="the step" />}
      {state.status === "error" && <LoadError error={state.error} retry={reload} />}
      {state.status === "ready" && (
        <StepAttempt
          key={props.stepId}
          goal={state.data.goal}
          ladder={state.data.ladder}
          stepId={props.stepId}
        />
      )}
    </Page>
  );
}

function StepAttempt(props: { goal: Goal; ladder: LadderView; stepId: string }) {
  const goalPath = `/goals/${encodeURIComponent(props.goal.id)}`;
  const step = props.ladder.steps.find((s) => s.id === props.stepId);
  if (step === undefined) {
    return (
      <div class="notice" role="alert">
        <p>This step is not on the ladder of this goal any more.</p>
        <p>
          <a href={goalPath}>Back to the goal</a>
        </p>
      </div>
    );
  }
  return (
    <>
      <p class="breadcrumb">
        <a href={goalPath}>{props.goal.statement}</a>
      </p>
      <StepCard step={step} ladder={props.ladder} />
      <AttemptForm goal={props.goal} step={step} />
    </>
  );
}

function StepCard(props: { step: Step; ladder: LadderView }) {
  const { step } = props;
  const recommendation = props.ladder.recommendation;
  const recommended = recommendation?.stepId === step.id;
  return (
    <section class="card step-card" aria-labelledby="step-heading">
      <p class="eyebrow">Step {step.position + 1}</p>
      <h2 id="step-heading">{step.title}</h2>
      {step.description && <p>{step.description}</p>}
      <p class="attempt-step-facts">
        <span>
          Predicted chance of success: <strong>{percent(step.predictedSuccess)}</strong>
        </span>
        <span>
          {step.attemptCount === 0
            ? "Not tried yet"
            : `Done ${step.successCount} of ${step.attemptCount} ${step.attemptCount === 1 ? "attempt" : "attempts"}`}
        </span>
      </p>
      {recommended && recommendation && (
        <p class="recommendation">
          <strong>Recommended next.</strong> {recommendation.reason}
        </p>
      )}
    </section>
  );
}

function AttemptForm(props: { goal: Goal; step: Step }) {
  const { route } = useLocation();
  // One key per form: a retried or double-clicked submit can never log the attempt twice.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [draft, setDraft] = useState<AttemptDraft>(EMPTY_ATTEMPT);
  const [problems, setProblems] = useState<Partial<Record<AttemptField, string>>>({});
  const [summary, setSummary] = useState<{ message: string; other: string[] } | null>(null);
  const [shown, setShown] = useState(0);
  const [busy, setBusy] = useState(false);
  const sending = useRef(false);

  function change<K extends keyof AttemptDraft>(key: K, value: AttemptDraft[K]) {
    setDraft((current) => ({ ...current, [key]: value }));
    const field = (key === "earlierAt" || key === "when" ? "attemptedAt" : key) as AttemptField;
    if (problems[field] !== undefined) {
      const { [field]: _fixed, ...rest } = problems;
      setProblems(rest);
    }
  }

  function showProblems(
    found: Partial<Record<AttemptField, string>>,
    message: string,
    other: string[],
  ) {
    setProblems(found);
    setSummary({ message, other });
    setShown((n) => n + 1);
  }

  async function submit(event: Event) {
    event.preventDefault();
    if (sending.current) return;
    const found = validateAttempt(draft, new Date());
    if (Object.keys(found).length > 0) {
      showProblems(found, "A few answers are still needed before this attempt can be logged.", []);
      return;
    }
    sending.current = true;
    setBusy(true);
    try {
      const body = buildAttemptBody(draft, props.step.id, idempotencyKey);
      const logged = await api.post<AttemptLoggedResponse>("/api/attempts", body);
      route(
        debriefPath(
          logged.attempt.id,
          logged.milestones.map((m) => m.id),
        ),
      );
    } catch (error) {
      if (error instanceof ApiError && error.fields.length > 0) {
        const placed = placeProblems(error.fields, ATTEMPT_LABELS);
        showProblems(placed.fields, error.message, placed.other);
      } else if (error instanceof ApiError && error.code === "network_error") {
        showProblems(
          {},
          `${error.message} Your answers are still here: press “Log attempt” again. It will not be logged twice.`,
          [],
        );
      } else {
        showProblems({}, errorMessage(error), []);
      }
    } finally {
      sending.current = false;
      setBusy(false);
    }
  }

  const links = problemLinks(ATTEMPT_FIELDS, problems, (field) => FIELD_TARGETS[field]);

  return (
    <form class="attempt-form" onSubmit={submit} noValidate aria-busy={busy}>
      {summary !== null && (
        <ProblemSummary key={shown} message={summary.message} links={links} other={summary.other} />
      )}

      <section class="card form-section" aria-labelledby="before-heading">
        <h2 id="before-heading">Before you start</h2>
        <p class="hint">
          Optional. Answer these just before you begin, if you can: later, Cando compares how
          certain you felt with how it went.
        </p>
        <AttemptScale
          question="confidenceBefore"
          name="confidence-before"
          legend="How certain are you, right now, that you can do this step?"
          value={draft.confidenceBefore}
          onChange={(v) => change("confidenceBefore", v)}
          error={problems.confidenceBefore}
        />
        <AttemptScale
          question="anxietyBefore"
          name="anxiety-before"
          legend="How anxious do you feel right now?"
          value={draft.anxietyBefore}
          onChange={(v) => change("anxietyBefore", v)}
          error={problems.anxietyBefore}
        />
        <Routine startPath={startPath(props.goal.id, props.step.id)} />
      </section>

      <HowItWent
        draft={draft}
        change={change}
        problems={problems}
        noteHint="Anything you want to remember: what happened, what helped."
      />

      <div class="form-actions">
        <button type="submit" class="button" disabled={busy}>
          {busy ? "Logging…" : "Log attempt"}
        </button>
        <span class="muted">Next: a short debrief.</span>
      </div>
    </form>
  );
}

/** The old checklist saved nothing: the two-phase start saves the before part at once. */
function Routine(props: { startPath: string }) {
  return (
    <p class="hint">
      About to begin rather than done already?{" "}
      <a href={props.startPath}>Start the attempt instead</a>: your ratings are saved now, with your
      routine if you run it, and you finish it later.
    </p>
  );
}
