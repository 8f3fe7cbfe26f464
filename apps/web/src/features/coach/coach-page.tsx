import type { CoachClient, CoachView } from "@cando/core";
import { api } from "../../api/client";
import { useLoad } from "../../api/use-load";
import { formatPlainDay } from "../../ui/days";
import { LoadError, Loading } from "../../ui/feedback";
import { Page } from "../../ui/page";
import "./coach.css";

const CALIBRATION_WORDS: Record<CoachClient["calibration"], string> = {
  under_confident: "Belief lags results",
  calibrated: "Belief matches results",
  over_confident: "Belief ahead of results",
  not_enough_data: "Too few attempts to say",
};

/** `/coach`: every client who shared a goal with me as coach, what needs attention first. */
export function CoachPage() {
  const { state, reload } = useLoad(() => api.get<CoachView>("/api/coach"));
  return (
    <Page title="Your clients">
      <p class="muted">
        Everyone who shared a goal with you as their coach, those who need attention first.
      </p>
      {state.status === "loading" && <Loading what="your clients" />}
      {state.status === "error" && <LoadError error={state.error} retry={reload} />}
      {state.status === "ready" &&
        (state.data.clients.length === 0 ? (
          <p>No one has shared a goal with you as their coach yet.</p>
        ) : (
          <ol class="plain-list coach-clients" aria-label="Clients by attention">
            {state.data.clients.map((c) => (
              <ClientCard key={c.grantId} client={c} />
            ))}
          </ol>
        ))}
    </Page>
  );
}

function ClientCard(props: { client: CoachClient }) {
  const c = props.client;
  const headingId = `client-${c.grantId}`;
  return (
    <li class="card coach-client" aria-labelledby={headingId}>
      <h2 id={headingId} class="coach-client-name">
        {c.owner}
      </h2>
      <p class="coach-goal">{c.statement}</p>
      {c.flags.length > 0 && (
        <ul class="plain-list coach-flags" aria-label="Needs attention">
          {c.flags.map((f) => (
            <li key={f.flag} class={`tag coach-flag coach-flag-${f.flag}`}>
              {f.text}
            </li>
          ))}
        </ul>
      )}
      <dl class="coach-facts">
        <div>
          <dt>Last activity</dt>
          <dd>
            {c.lastActivity === null ? "None yet" : formatPlainDay(c.lastActivity.slice(0, 10))}
          </dd>
        </div>
        <div>
          <dt>Next step</dt>
          <dd>
            {c.nextStep === null
              ? "Not known yet"
              : `${c.nextStep.title} (${Math.round(c.nextStep.predictedSuccess * 100)}% chance)`}
          </dd>
        </div>
        <div>
          <dt>Calibration</dt>
          <dd>{CALIBRATION_WORDS[c.calibration]}</dd>
        </div>
      </dl>
      <a href={`/shared/goals/${encodeURIComponent(c.goalId)}`}>
        Open the shared goal<span class="visually-hidden"> of {c.owner}</span>
      </a>
    </li>
  );
}
