import type { Goal, LadderView } from "@cando/core";
import { useRef, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { ApiError, api, errorMessage } from "../../api/client";
import { useLoad } from "../../api/use-load";
import { LoadError, Loading } from "../../ui/feedback";
import { LabelledField } from "../../ui/labelled-field";
import { newIdempotencyKey } from "../../ui/local-time";
import { NumberScale } from "../../ui/number-scale";
import { Page } from "../../ui/page";
import { attemptPath, goalPath } from "../../ui/paths";
import { AttemptScale } from "../attempts/attempt-fields";
import {
  finishPath,
  parseSleep,
  queryRating,
  runnerPath,
  type StartDraft,
  startBody,
} from "./prepare";
import "../../ui/page-parts.css";
import "./prepare.css";

type GoalResponse = { goal: Goal; ladder: LadderView };

/** "Start an attempt": the before part, saved at once; finished later ("How it went"). */
export function StartAttemptPage(props: {
  goalId: string;
  stepId: string;
  query?: Record<string, string>;
}) {
  const { state, reload } = useLoad(() =>
    api.get<GoalResponse>(`/api/goals/${encodeURIComponent(props.goalId)}`),
  );
  return (
    <Page title="Start an attempt">
      {state.status === "loading" && <Loading what="the step" />}
      {state.status === "error" && <LoadError error={state.error} retry={reload} />}
      {state.status === "ready" && (
        <StartForm data={state.data} stepId={props.stepId} query={props.query ?? {}} />
      )}
    </Page>
  );
}

function StartForm(props: { data: GoalResponse; stepId: string; query: Record<string, string> }) {
  const { goal, ladder } = props.data;
  const runId = props.query.run ?? null;
  const step = ladder.steps.find((s) => s.id === props.stepId);
  const { route } = useLocation();
  const [key] = useState(newIdempotencyKey);
  // After a routine, its state check fills in what it asked (the person can change it).
  const [draft, setDraft] = useState<StartDraft>({
    confidenceBefore: null,
    anxietyBefore: queryRating(props.query.anxiety),
    energyBefore: queryRating(props.query.energy),
    sleep: parseSleep(props.query.sleep ?? "") === null ? "" : (props.query.sleep ?? ""),
  });
  const [problem, setProblem] = useState<string | null>(null);
  const [sleepError, setSleepError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const sending = useRef(false);
  if (!step) {
    return (
      <p class="notice" role="alert">
        This step is not on the ladder of this goal any more.{" "}
        <a href={goalPath(goal.id)}>Back to the goal</a>
      </p>
    );
  }
  const change = <K extends keyof StartDraft>(k: K, v: StartDraft[K]) =>
    setDraft((d) => ({ ...d, [k]: v }));

  async function submit(event: Event) {
    event.preventDefault();
    if (sending.current || !step) return;
    if (draft.sleep.trim() !== "" && parseSleep(draft.sleep) === null) {
      setSleepError("Hours slept must be a number from 0 to 24, in half hours (like 7 or 6.5).");
      document.getElementById("sleep")?.focus();
      return;
    }
    sending.current = true;
    setBusy(true);
    try {
      const { attemptStart } = await api.post<{ attemptStart: { id: string } }>(
        "/api/attempt-starts",
        startBody(draft, step.id, key, runId),
      );
      route(finishPath(attemptStart.id));
    } catch (error) {
      setProblem(
        error instanceof ApiError && error.code === "network_error"
          ? `${error.message} Press “Start” again: it will not be saved twice.`
          : errorMessage(error),
      );
    } finally {
      sending.current = false;
      setBusy(false);
    }
  }

  return (
    <>
      <p class="breadcrumb">
        <a href={goalPath(goal.id)}>{goal.statement}</a>
      </p>
      <section class="card" aria-labelledby="step-heading">
        <p class="eyebrow">Step {step.position + 1}</p>
        <h2 id="step-heading">{step.title}</h2>
        <p class="muted">
          Rate these now, just before you begin: they are saved at once, so you can close this and
          finish it after you have done it, even hours later.
        </p>
        {runId ? (
          <p class="notice">Routine done: it will be linked to this attempt.</p>
        ) : (
          <p>
            <a href={runnerPath(goal.id, step.id)}>Run your routine first</a>{" "}
            <span class="muted">(breathing, your evidence, a state check; a few minutes)</span>
          </p>
        )}
      </section>
      <form class="attempt-form" onSubmit={submit} noValidate aria-busy={busy}>
        {problem && (
          <p class="notice" role="alert">
            {problem}
          </p>
        )}
        <section class="card form-section" aria-labelledby="before-heading">
          <h2 id="before-heading">Before you start</h2>
          <AttemptScale
            question="confidenceBefore"
            name="confidence-before"
            legend="How certain are you, right now, that you can do this step?"
            value={draft.confidenceBefore}
            onChange={(v) => change("confidenceBefore", v)}
          />
          <AttemptScale
            question="anxietyBefore"
            name="anxiety-before"
            legend="How anxious do you feel right now?"
            value={draft.anxietyBefore}
            onChange={(v) => change("anxietyBefore", v)}
          />
          <NumberScale
            name="energy-before"
            legend="How much energy do you have? (optional)"
            min={0}
            max={10}
            anchors={[
              { value: 0, text: "None" },
              { value: 10, text: "Full" },
            ]}
            value={draft.energyBefore}
            onChange={(v) => change("energyBefore", v)}
            clearable
          />
          <LabelledField id="sleep" label="Hours slept last night (optional)" error={sleepError}>
            {(control) => (
              <input
                {...control}
                type="text"
                inputMode="decimal"
                class="input-short"
                value={draft.sleep}
                onInput={(e) => {
                  change("sleep", e.currentTarget.value);
                  setSleepError(null);
                }}
              />
            )}
          </LabelledField>
        </section>
        <div class="form-actions">
          <button type="submit" class="button" disabled={busy}>
            {busy ? "Starting…" : "Start"}
          </button>
          <a href={attemptPath(goal.id, step.id)}>Already done it? Log it in one go</a>
        </div>
      </form>
    </>
  );
}
