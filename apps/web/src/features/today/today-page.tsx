import type {
  AttemptStart,
  Domain,
  Milestone,
  RhythmTodayResponse,
  TodayItem,
  TodayResponse,
} from "@cando/core";
import { api } from "../../api/client";
import type { AuditListResponse } from "../../api/types";
import { useLoad } from "../../api/use-load";
import { Card } from "../../ui/card";
import { formatPlainDay, localDay } from "../../ui/days";
import { LoadError, Loading } from "../../ui/feedback";
import { formatDay } from "../../ui/format";
import { actionHeadline, percent } from "../../ui/ladder-words";
import { Page } from "../../ui/page";
import { attemptPath, doubtPath, goalPath, milestonePath } from "../../ui/paths";
import { PercentBar } from "../../ui/percent-bar";
import { seenSettled } from "../milestones/seen";
import { TodayPractice } from "../practice/today-practice";
import { InProgress } from "../prepare/in-progress";
import { runnerPath, startPath } from "../prepare/prepare";
import { dueNotice, latestRatings } from "./due-notice";
import { isPast, todayMode } from "./today";
import "./today.css";

/** `GET /api/today/page`: what Today's page shows, in one answer. */
type TodayData = {
  today: TodayResponse;
  goalCount: number;
  audits: Omit<AuditListResponse, "nextCursor">;
  domains: Domain[];
  attemptStarts: AttemptStart[];
  rhythm: RhythmTodayResponse;
};

export function TodayPage() {
  const { state, reload } = useLoad(async (): Promise<TodayData> => {
    await seenSettled();
    return api.get<TodayData>("/api/today/page");
  });

  return (
    <Page title="Today">
      {state.status === "loading" && <Loading what="today" />}
      {state.status === "error" && <LoadError error={state.error} retry={reload} />}
      {state.status === "ready" && <TodayBody data={state.data} />}
    </Page>
  );
}

function TodayBody(props: { data: TodayData }) {
  const { today, audits, domains } = props.data;
  const mode = todayMode(today, props.data.goalCount);
  return (
    <>
      {today.milestones.length > 0 && <ToCelebrate milestones={today.milestones} />}
      {mode === "first_run" && <FirstRun />}
      <InProgress starts={props.data.attemptStarts} />
      {mode === "none_active" && (
        <section class="card" aria-labelledby="no-active-heading">
          <h2 id="no-active-heading">No active goal right now</h2>
          <p>
            Your goals are paused, reached or dropped. Pick one up again, or set a new one: belief
            grows from steps you actually take.
          </p>
          <a class="button" href="/goals">
            Go to your goals
          </a>
        </section>
      )}
      {today.items.length > 0 && (
        <section aria-labelledby="next-heading" class="today-section">
          <h2 id="next-heading">Your next steps</h2>
          <p class="muted">
            One step per goal, chosen to be challenging yet achievable: a success chance near 80%.
          </p>
          <ul class="today-items">
            {today.items.map((item) => (
              <NextStep key={item.goal.id} item={item} />
            ))}
          </ul>
        </section>
      )}
      {today.goalsWithoutLadder.length > 0 && (
        <section class="card" aria-labelledby="no-ladder-heading">
          <h2 id="no-ladder-heading">Goals waiting for a ladder</h2>
          <p class="muted">
            A ladder breaks a goal into steps, from one well within what you can do now up to the
            goal itself.
          </p>
          <ul class="plain-list">
            {today.goalsWithoutLadder.map((goal) => (
              <li key={goal.id} class="no-ladder-item">
                <span class="no-ladder-statement">{goal.statement}</span>
                <a class="button button-small button-secondary" href={goalPath(goal.id)}>
                  Build its ladder<span class="visually-hidden">: {goal.statement}</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <TodayPractice initial={props.data.rhythm} />
      <AuditNotice audits={audits} domains={domains} quiet={mode === "first_run"} />
    </>
  );
}

function ToCelebrate(props: { milestones: Milestone[] }) {
  return (
    <section class="card celebrate-card" aria-labelledby="celebrate-heading">
      <h2 id="celebrate-heading">To celebrate</h2>
      <ul class="plain-list celebrate-list">
        {props.milestones.map((m) => (
          <li key={m.id}>
            <a href={milestonePath(m.id)}>{m.title}</a>{" "}
            <span class="muted">on {formatDay(m.achievedAt)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function FirstRun() {
  return (
    <Card id="first-run" title="Start with one goal" tone="primary" class="first-run">
      <p>
        Self-efficacy is your belief that you can succeed at <em>this</em> specific thing, here: not
        how you feel about yourself in general. Cando builds it in a loop: set a goal as something
        you can do, break it into a ladder of steps, attempt the next step, debrief it, and keep
        what it shows as evidence.
      </p>
      <div class="form-actions">
        <a class="button" href="/welcome">
          Get started: five short steps
        </a>
        <a href="/goals">Or set your first goal directly</a>
      </div>
    </Card>
  );
}

function NextStep(props: { item: TodayItem }) {
  const { goal, step, recommendation } = props.item;
  const today = localDay();
  return (
    <li class="card today-item">
      <h3 class="today-goal">
        <a href={goalPath(goal.id)}>{goal.statement}</a>
      </h3>
      <p class="today-action">
        {actionHeadline(recommendation.action, step.title, step.attemptCount > 0)}
      </p>
      <p class="today-numbers">
        <span class="today-chance">
          <strong>{percent(recommendation.predictedSuccess)}</strong> predicted success{" "}
          <PercentBar value={recommendation.predictedSuccess} />
        </span>
        <span class="today-date">
          {step.plannedDate === null
            ? "No date planned"
            : `Planned for ${formatPlainDay(step.plannedDate)}${isPast(step.plannedDate, today) ? " (passed)" : ""}`}
        </span>
      </p>
      <p class="today-reason">{recommendation.reason}</p>
      <div class="today-actions">
        <a class="button" href={startPath(goal.id, step.id)}>
          Start an attempt<span class="visually-hidden">: {step.title}</span>
        </a>
        <a class="button button-secondary" href={attemptPath(goal.id, step.id)}>
          Log one done<span class="visually-hidden">: {step.title}</span>
        </a>
        <a href={runnerPath(goal.id, step.id)}>
          Run my routine<span class="visually-hidden"> before {step.title}</span>
        </a>
        {recommendation.action === "split" && (
          <a class="button button-secondary" href={`${goalPath(goal.id)}#add-step`}>
            Add a smaller step
          </a>
        )}
        <a href={doubtPath(goal.id)}>
          I'm doubting myself<span class="visually-hidden"> about {goal.statement}</span>
        </a>
      </div>
    </li>
  );
}

/** The monthly audit, as Home showed it: due or not, and the latest ratings. */
function AuditNotice(props: {
  audits: TodayData["audits"];
  domains: Domain[];
  /** On a first run the path above leads (it includes the audit): this one steps back. */
  quiet?: boolean;
}) {
  const notice = dueNotice(props.audits.due, (iso) => formatDay(iso));
  const latest = latestRatings(props.audits.audits, props.domains);
  return (
    <>
      <section
        class={notice.due && !props.quiet ? "card due-card due-card-due" : "card due-card"}
        aria-labelledby="due-heading"
      >
        <h2 id="due-heading">{notice.due ? "Audit due" : "Monthly audit"}</h2>
        <p class="due-message">{notice.message}</p>
        <a class={notice.due && !props.quiet ? "button" : "button button-secondary"} href="/audit">
          {notice.action}
        </a>
      </section>
      {latest !== null && (
        <section class="card" aria-labelledby="latest-heading">
          <h2 id="latest-heading">Your latest ratings</h2>
          <p class="muted">
            From your audit on {formatDay(latest.takenAt)}, on a scale of 0 to 100.
          </p>
          <ul class="bars">
            {latest.ratings.map((r) => (
              <li key={r.domainId}>
                <span class="bar-label">{r.name}</span>
                <span class="bar-track" aria-hidden="true">
                  <span class="bar-fill" style={{ width: `${r.rating}%` }} />
                </span>
                <span class="bar-value">{r.rating}</span>
              </li>
            ))}
          </ul>
          <p>
            <a href="/history">See your history</a>
          </p>
        </section>
      )}
    </>
  );
}
