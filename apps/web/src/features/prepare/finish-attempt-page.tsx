import type { AttemptStart } from "@cando/core";
import { useRef, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { ApiError, api, errorMessage } from "../../api/client";
import { useLoad } from "../../api/use-load";
import { LoadError, Loading } from "../../ui/feedback";
import { placeProblems } from "../../ui/form-problems";
import { formatDayTime } from "../../ui/format";
import { fromLocalDateTime } from "../../ui/local-time";
import { Page } from "../../ui/page";
import { goalPath } from "../../ui/paths";
import {
  ATTEMPT_LABELS,
  type AttemptDraft,
  type AttemptField,
  buildAttemptBody,
  debriefPath,
  EMPTY_ATTEMPT,
  validateAttempt,
} from "../attempts/attempt-form";
import { HowItWent } from "../attempts/how-it-went";
import type { AttemptLoggedResponse } from "../attempts/types";
import type { AttemptStartsResponse } from "./prepare";
import "../../ui/page-parts.css";
import "../attempts/attempts.css";

/** An attempt in progress: what was rated before, and "How it went" to finish it. */
export function FinishAttemptPage(props: { startId: string }) {
  const { state, reload } = useLoad(() => api.get<AttemptStartsResponse>("/api/attempt-starts"));
  const start =
    state.status === "ready"
      ? state.data.attemptStarts.find((s) => s.id === props.startId)
      : undefined;
  return (
    <Page title="Attempt in progress">
      {state.status === "loading" && <Loading what="the attempt" />}
      {state.status === "error" && <LoadError error={state.error} retry={reload} />}
      {state.status === "ready" && start === undefined && (
        <div class="notice" role="alert">
          <p>This attempt is no longer in progress: it was finished or discarded.</p>
          <p>
            <a href="/">Back to Today</a>
          </p>
        </div>
      )}
      {start !== undefined && <FinishForm start={start} />}
    </Page>
  );
}

function FinishForm(props: { start: AttemptStart }) {
  const { start } = props;
  const { route } = useLocation();
  const [draft, setDraft] = useState<AttemptDraft>(EMPTY_ATTEMPT);
  const [problems, setProblems] = useState<Partial<Record<AttemptField, string>>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const sending = useRef(false);
  const change = <K extends keyof AttemptDraft>(k: K, v: AttemptDraft[K]) =>
    setDraft((d) => ({ ...d, [k]: v }));

  async function submit(event: Event) {
    event.preventDefault();
    if (sending.current) return;
    const found = validateAttempt(draft, new Date());
    if (draft.when === "earlier") {
      const at = fromLocalDateTime(draft.earlierAt);
      if (at !== null && at.getTime() < Date.parse(start.startedAt))
        found.attemptedAt = "When cannot be before you started it.";
    }
    if (Object.keys(found).length > 0) {
      setProblems(found);
      setMessage("A few answers are still needed before this attempt can be finished.");
      return;
    }
    sending.current = true;
    setBusy(true);
    try {
      const {
        stepId: _s,
        idempotencyKey: _k,
        ...body
      } = buildAttemptBody(draft, start.stepId, "-");
      const finished = await api.post<AttemptLoggedResponse>(
        `/api/attempt-starts/${encodeURIComponent(start.id)}/finish`,
        body,
      );
      route(
        debriefPath(
          finished.attempt.id,
          finished.milestones.map((m) => m.id),
        ),
      );
    } catch (error) {
      if (error instanceof ApiError && error.fields.length > 0) {
        setProblems(placeProblems(error.fields, ATTEMPT_LABELS).fields);
      }
      setMessage(
        error instanceof ApiError && error.code === "network_error"
          ? `${error.message} Press “Finish” again: it will not be saved twice.`
          : errorMessage(error),
      );
    } finally {
      sending.current = false;
      setBusy(false);
    }
  }

  const rated = [
    start.confidenceBefore !== null && `confidence ${start.confidenceBefore}`,
    start.anxietyBefore !== null && `anxiety ${start.anxietyBefore} of 10`,
    start.energyBefore !== null && `energy ${start.energyBefore} of 10`,
    start.sleepHours !== null && `${start.sleepHours} hours of sleep`,
  ].filter(Boolean);
  return (
    <>
      <p class="breadcrumb">
        <a href={goalPath(start.goalId)}>{start.goalStatement}</a>
      </p>
      <section class="card" aria-labelledby="started-heading">
        <h2 id="started-heading">{start.stepTitle}</h2>
        <p>
          Started {formatDayTime(start.startedAt)}.{" "}
          {rated.length > 0 ? `Before you began: ${rated.join(", ")}.` : ""}
        </p>
        <p class="muted">
          Go and do it. Come back here, or to Today, to say how it went: this stays saved meanwhile.
        </p>
      </section>
      <form class="attempt-form" onSubmit={submit} noValidate aria-busy={busy}>
        {message && (
          <div class="notice" role="alert">
            <p>{message}</p>
            <ul>
              {Object.entries(problems).map(([field, text]) => (
                <li key={field}>{text}</li>
              ))}
            </ul>
          </div>
        )}
        <HowItWent
          draft={draft}
          change={change}
          problems={problems}
          earliest={new Date(start.startedAt)}
        />
        <div class="form-actions">
          <button type="submit" class="button" disabled={busy}>
            {busy ? "Finishing…" : "Finish"}
          </button>
          <span class="muted">Next: a short debrief.</span>
        </div>
      </form>
    </>
  );
}
