import type { Goal, PlanResponse } from "@cando/core";
import { useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import { api, errorMessage } from "../../api/client";
import { useLoad } from "../../api/use-load";
import { formatPlainDay } from "../../ui/days";
import { LoadError, Loading } from "../../ui/feedback";
import { formatDayTime } from "../../ui/format";
import { Page } from "../../ui/page";
import { goalPath } from "../../ui/paths";
import {
  changeSentence,
  launchSentence,
  milestoneSentence,
  type PlanDay,
  type PlanItem,
  planDays,
} from "./plan-words";
import "./plan.css";

type Data = [{ goal: Goal }, PlanResponse];

const nextDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * `/goals/:goalId/plan`: the goal's first 30 days as a launch: weekly milestones, attempts,
 * practice blocks, the reflections and the re-rating; what moved at the last re-plan; printable.
 * Skipping costs nothing: a practice day becomes a rest day, a planned step moves a day on.
 */
export function PlanPage() {
  const { params } = useRoute();
  const goalId = params["goalId"] ?? "";
  const id = encodeURIComponent(goalId);
  const load = (): Promise<Data> =>
    Promise.all([
      api.get<{ goal: Goal }>(`/api/goals/${id}`),
      api.get<PlanResponse>(`/api/goals/${id}/plan`),
    ]);
  const { state, reload, set } = useLoad(load);
  const [status, setStatus] = useState("");

  async function act(run: () => Promise<unknown>, done: string) {
    try {
      await run();
      set(await load());
      setStatus(done);
    } catch (error) {
      setStatus(errorMessage(error));
    }
  }

  return (
    <Page title="Your 30-day plan">
      {state.status === "loading" && <Loading what="your plan" />}
      {state.status === "error" && <LoadError error={state.error} retry={reload} />}
      {state.status === "ready" && (
        <PlanBody
          goal={state.data[0].goal}
          response={state.data[1]}
          onSkipPractice={(day) =>
            act(
              () => api.put(`/api/goals/${id}/practice/rest-days/${day}`, {}),
              `${formatPlainDay(day)} is a rest day now. Your score forgives it, and the plan has moved.`,
            )
          }
          onMoveStep={(stepId, title, day) =>
            act(
              () =>
                api.patch(`/api/steps/${encodeURIComponent(stepId)}`, {
                  plannedDate: nextDay(day),
                }),
              `“${title}” moved to ${formatPlainDay(nextDay(day))}. No penalty: the plan has moved.`,
            )
          }
        />
      )}
      <p class="status-line" role="status">
        {status}
      </p>
    </Page>
  );
}

function PlanBody(props: {
  goal: Goal;
  response: PlanResponse;
  onSkipPractice: (day: string) => void;
  onMoveStep: (stepId: string, title: string, day: string) => void;
}) {
  const { goal, response } = props;
  const { plan } = response;
  return (
    <div class="plan-page">
      <p class="lead">{goal.statement}</p>
      <p class="card card-primary plan-launch">{launchSentence(plan, response.habitMedianDays)}</p>
      {response.changes.length > 0 && (
        <section class="card card-warning" aria-labelledby="plan-moved-heading">
          <h2 id="plan-moved-heading">The plan moved</h2>
          {response.changedAt && (
            <p class="muted">Re-planned {formatDayTime(response.changedAt)}.</p>
          )}
          <ul class="plain-list">
            {response.changes.map((c) => (
              <li key={c.stepId}>{changeSentence(c)}</li>
            ))}
          </ul>
        </section>
      )}
      {plan.basis && <p class="muted">Built from Cando's advice: {plan.basis.reason}</p>}
      <div class="plan-actions">
        <button type="button" class="button button-secondary" onClick={() => window.print()}>
          Print the plan
        </button>
        <a href={goalPath(goal.id)}>Back to the goal</a>
      </div>
      {plan.weeks.map((week) => (
        <section key={week.week} class="card plan-week" aria-labelledby={`week-${week.week}`}>
          <h2 id={`week-${week.week}`}>
            Week {week.week}
            <span class="plan-week-days">
              {" "}
              · {formatPlainDay(week.start)} – {formatPlainDay(week.end)}
            </span>
          </h2>
          <p class="plan-milestone">{milestoneSentence(week)}</p>
          <ul class="plain-list plan-days">
            {planDays(week, plan.practiceMinutes).map((d) => (
              <PlanDayRow
                key={d.day}
                day={d}
                onSkipPractice={props.onSkipPractice}
                onMoveStep={props.onMoveStep}
              />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function itemWords(item: PlanItem): string {
  switch (item.kind) {
    case "attempt":
      return `Attempt “${item.title}”${item.planned ? " (your planned date)" : " (suggested)"}`;
    case "practice":
      return `Practice ${item.minutes} minutes`;
    case "rest":
      return "Rest day";
    case "reflection":
      return "Weekly reflection";
    case "rerating":
      return "Monthly audit and ladder re-rating";
  }
}

function PlanDayRow(props: {
  day: PlanDay;
  onSkipPractice: (day: string) => void;
  onMoveStep: (stepId: string, title: string, day: string) => void;
}) {
  const { day } = props;
  const label = formatPlainDay(day.day);
  return (
    <li class="plan-day">
      <span class="plan-day-date">{label}</span>
      <ul class="plain-list plan-day-items">
        {day.items.map((item) => (
          <li key={`${item.kind}-${"stepId" in item ? item.stepId : ""}`}>
            {itemWords(item)}
            {item.kind === "practice" && (
              <button
                type="button"
                class="button button-quiet button-small"
                onClick={() => props.onSkipPractice(day.day)}
              >
                Skip<span class="visually-hidden"> practice on {label}</span>
              </button>
            )}
            {item.kind === "attempt" && item.planned && (
              <button
                type="button"
                class="button button-quiet button-small"
                onClick={() => props.onMoveStep(item.stepId, item.title, day.day)}
              >
                Move a day on<span class="visually-hidden">: “{item.title}”</span>
              </button>
            )}
          </li>
        ))}
      </ul>
    </li>
  );
}
