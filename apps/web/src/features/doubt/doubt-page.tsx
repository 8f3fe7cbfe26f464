import type { DoubtResponse, Evidence } from "@cando/core";
import { useLocation } from "preact-iso";
import { api } from "../../api/client";
import { useLoad } from "../../api/use-load";
import { LoadError, Loading } from "../../ui/feedback";
import { formatCalendarDay } from "../../ui/local-time";
import { Page } from "../../ui/page";
import { CalibrationVerdictWhy } from "../advice/why";
import type { GoalWithLadderResponse } from "../attempts/types";
import { attemptPathFor, type DoubtPlace, whyItCounts } from "./why-it-counts";
import "../../ui/page-parts.css";
import "./doubt.css";

type Loaded = {
  doubt: DoubtResponse;
  place: { goal: string; step: string | null } | null;
};

async function loadDoubt(at: DoubtPlace): Promise<Loaded> {
  const params = new URLSearchParams();
  if (at.goalId !== null) params.set("goalId", at.goalId);
  if (at.stepId !== null) params.set("stepId", at.stepId);
  const search = params.toString();
  const [doubt, goal] = await Promise.all([
    api.get<DoubtResponse>(`/api/doubt${search ? `?${search}` : ""}`),
    at.goalId === null
      ? Promise.resolve(null)
      : api.get<GoalWithLadderResponse>(`/api/goals/${encodeURIComponent(at.goalId)}`),
  ]);
  const step = goal?.ladder.steps.find((s) => s.id === at.stepId);
  return {
    doubt,
    place: goal === null ? null : { goal: goal.goal.statement, step: step?.title ?? null },
  };
}

export function DoubtPage() {
  const { query } = useLocation();
  const goalId = query["goalId"] || null;
  const at: DoubtPlace = { goalId, stepId: goalId === null ? null : query["stepId"] || null };
  const { state, reload } = useLoad(() => loadDoubt(at));
  return (
    <Page title="I'm doubting myself">
      <p class="lead">
        That is all right: doubt comes to everyone who stretches. It is a feeling about what is
        ahead; below is a record of what is already behind you. There is nothing to argue with. Read
        it slowly, and let it sit next to the doubt.
      </p>
      {state.status === "loading" && <Loading what="your evidence" />}
      {state.status === "error" && <LoadError error={state.error} retry={reload} />}
      {state.status === "ready" && <Doubt loaded={state.data} at={at} />}
    </Page>
  );
}

function Doubt(props: { loaded: Loaded; at: DoubtPlace }) {
  const { doubt, place } = props.loaded;
  const calibration = doubt.calibration;
  return (
    <>
      {place !== null && (
        <p class="doubt-place">
          {place.step !== null ? (
            <>
              About the step <strong>{place.step}</strong>, towards “{place.goal}”.
            </>
          ) : (
            <>About your goal “{place.goal}”.</>
          )}
        </p>
      )}
      {calibration !== null && (
        <section class="card calibration" aria-labelledby="calibration-heading">
          <h2 id="calibration-heading">Your confidence and your results</h2>
          <p class="calibration-sentence">{calibration.sentence}</p>
          {calibration.verdict === "under_confident" && (
            <p class="muted">
              This is how imposter feelings look in numbers: the belief has not caught up with the
              evidence yet.
            </p>
          )}
          {calibration.verdict !== "not_enough_data" && <CalibrationVerdictWhy />}
        </section>
      )}
      {doubt.evidence.length === 0 ? (
        <section class="card empty-doubt" aria-labelledby="empty-heading">
          <h2 id="empty-heading">Your evidence starts here</h2>
          <p>
            There is nothing in your journal yet, and that is only because it is new. Evidence grows
            with each success you debrief: every time you do a step and look back at it, a piece of
            it lands here, ready for moments like this.
          </p>
          <div class="form-actions">
            <a class="button" href={attemptPathFor(props.at)}>
              Log an attempt
            </a>
            <a class="button button-secondary" href="/evidence?add=1">
              Add an accomplishment
            </a>
          </div>
        </section>
      ) : (
        <section aria-labelledby="evidence-heading">
          <h2 id="evidence-heading" class="doubt-heading">
            What you have already done
          </h2>
          <ol class="doubt-list">
            {doubt.evidence.map((e) => (
              <DoubtCard key={e.id} evidence={e} at={props.at} />
            ))}
          </ol>
          <p class="doubt-closing">
            Take your time with these. When you are ready:{" "}
            {props.at.goalId !== null ? (
              <a href={attemptPathFor(props.at)}>
                {props.at.stepId !== null ? "back to your step" : "back to your goal"}
              </a>
            ) : (
              <a href="/">back to Today</a>
            )}
            , or <a href="/evidence">read the whole journal</a>.
          </p>
        </section>
      )}
    </>
  );
}

function DoubtCard(props: { evidence: Evidence; at: DoubtPlace }) {
  const { evidence } = props;
  const reasons = whyItCounts(evidence, props.at);
  const path = `/evidence/${encodeURIComponent(evidence.id)}`;
  return (
    <li class="doubt-card">
      <h3>{evidence.title}</h3>
      <p class="muted doubt-date">
        <time dateTime={evidence.occurredOn}>{formatCalendarDay(evidence.occurredOn)}</time>
      </p>
      {evidence.body && <p class="doubt-body">{evidence.body}</p>}
      {reasons.length > 0 && (
        <>
          <h4>Why it counts</h4>
          <ul class="doubt-reasons">
            {reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </>
      )}
      {evidence.reattribution !== null && (
        <p class="doubt-shows">
          <span class="muted">What you said it shows: </span>
          {evidence.reattribution.shows}
        </p>
      )}
      <p class="doubt-link">
        <a href={`${path}#what-produced-this`}>
          {evidence.reattribution === null
            ? "Weigh what produced this"
            : "Look at your weighing again"}
          <span class="visually-hidden">: {evidence.title}</span>
        </a>
      </p>
    </li>
  );
}
