import type { Goal, LadderView, RerateResponse, Step } from "@cando/core";
import { useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import { api, errorMessage } from "../../api/client";
import { useLoad } from "../../api/use-load";
import { ConfidenceSelect } from "../../ui/confidence-select";
import { LoadError, Loading } from "../../ui/feedback";
import { formatDay } from "../../ui/format";
import { percent } from "../../ui/ladder-words";
import { Page } from "../../ui/page";
import { goalPath } from "../../ui/paths";
import { estimateWords, sinceWords } from "./rerate";

type Data = [{ goal: Goal; ladder: LadderView }, RerateResponse];
type Since = RerateResponse["steps"][number];

/**
 * `/goals/:goalId/rerate`: the monthly re-rating of a ladder. Each step shows its last rating, what
 * has happened on it and the model's estimate; the person rates again, or skips without penalty.
 */
export function RerateLadderPage() {
  const { params } = useRoute();
  const goalId = params["goalId"] ?? "";
  const { state, reload } = useLoad(
    (): Promise<Data> =>
      Promise.all([
        api.get<{ goal: Goal; ladder: LadderView }>(`/api/goals/${encodeURIComponent(goalId)}`),
        api.get<RerateResponse>(`/api/goals/${encodeURIComponent(goalId)}/rerating`),
      ]),
  );
  return (
    <Page title="Re-rate your ladder">
      {state.status === "loading" && <Loading what="your ladder" />}
      {state.status === "error" && <LoadError error={state.error} retry={reload} />}
      {state.status === "ready" && <RerateBody data={state.data} />}
    </Page>
  );
}

function RerateBody(props: { data: Data }) {
  const [{ goal, ladder }, { steps: since }] = props.data;
  const byStep = new Map(since.map((s) => [s.stepId, s]));
  const steps = ladder.steps.filter((s) => s.archivedAt === null);
  return (
    <>
      <p class="lead">{goal.statement}</p>
      <p>
        Once a month, rate each step again: how certain are you <em>now</em> that you can do it?
        Each step shows what happened since you last rated it. Rate only the steps you want to;
        skipping costs nothing.
      </p>
      <ul class="plain-list">
        {steps.map((step) => (
          <RerateStep key={step.id} step={step} since={byStep.get(step.id) ?? null} />
        ))}
      </ul>
      <p>
        <a href={goalPath(goal.id)}>Back to the goal</a>
      </p>
    </>
  );
}

function RerateStep(props: { step: Step; since: Since | null }) {
  const { step, since } = props;
  const last = since?.lastRating ?? null;
  const [value, setValue] = useState<number | null>(null);
  const [status, setStatus] = useState("");
  const id = `rerate-${step.id}`;

  async function save(event: Event) {
    event.preventDefault();
    if (value === null) {
      setStatus("Choose a rating first, or leave this step for another time.");
      return;
    }
    try {
      await api.post(`/api/steps/${encodeURIComponent(step.id)}/ratings`, { confidence: value });
      setStatus(`Rated ${value}. Saved.`);
    } catch (error) {
      setStatus(errorMessage(error));
    }
  }

  return (
    <li class="card">
      <h2 class="rerate-title">{step.title}</h2>
      <ul class="rerate-facts">
        <li>
          Last rating:{" "}
          {last ? `${last.confidence}, on ${formatDay(last.ratedAt)}` : "not rated yet"}
        </li>
        {since ? (
          <>
            <li>{sinceWords(since)}</li>
            <li>{estimateWords(since)}</li>
          </>
        ) : (
          <li>The model's estimate of success now: {percent(step.predictedSuccess)}</li>
        )}
      </ul>
      <form onSubmit={save} noValidate aria-label={`Re-rate ${step.title}`}>
        <ConfidenceSelect id={id} value={value} onChange={setValue} />
        <button type="submit" class="button button-secondary">
          Save rating<span class="visually-hidden">: {step.title}</span>
        </button>
        <p class="status-line" role="status">
          {status}
        </p>
      </form>
    </li>
  );
}
