import type { PracticeResponse, PracticeSummary } from "@cando/core";
import { useRef } from "preact/hooks";
import { api } from "../../api/client";
import { useLoad } from "../../api/use-load";
import { formatPlainDay } from "../../ui/days";
import { LoadError, Loading } from "../../ui/feedback";
import { useNearViewport } from "../../ui/near-viewport";
import { HeatMap } from "./heat-map";
import { PracticeLogForm } from "./practice-log-form";
import { PracticePlanForm } from "./practice-plan-form";
import { daysSentence, minutesSentence, scorePercent, todaySentence } from "./practice-words";
import "./practice.css";

/**
 * The goal page's practice: the score, a log form, target and rest days, a year's heat map. It is
 * the last part of the page and its heat map alone is hundreds of elements, so it is fetched and
 * drawn once it comes near the screen, not with the page's first screen.
 */
export function PracticeSection(props: { goalId: string }) {
  const box = useRef<HTMLElement>(null);
  const near = useNearViewport(box);
  return (
    <section ref={box} class="card practice-card" aria-labelledby="practice-heading">
      <h2 id="practice-heading">Practice</h2>
      <p>
        <a href={`/goals/${encodeURIComponent(props.goalId)}/plan`}>See your 30-day plan</a>
      </p>
      {/* Until it is near, nothing is loading: no "Loading" status for a screen reader to wait on. */}
      {near ? <PracticeBody goalId={props.goalId} /> : <div class="practice-pending" />}
    </section>
  );
}

function PracticeBody(props: { goalId: string }) {
  const path = `/api/goals/${props.goalId}/practice`;
  const { state, reload, set } = useLoad(() => api.get<PracticeResponse>(path));
  const refresh = () => api.get<PracticeResponse>(path).then(set, reload);

  return (
    <>
      {state.status === "loading" && <Loading what="your practice" />}
      {state.status === "error" && <LoadError error={state.error} retry={reload} />}
      {state.status === "ready" && (
        <>
          <PracticeScore practice={state.data.practice} />
          <PracticeLogForm
            goalId={props.goalId}
            today={state.data.practice.today}
            onLogged={() => void refresh()}
          />
          <PracticePlanForm
            goalId={props.goalId}
            practice={state.data.practice}
            restDays={state.data.restDays}
            onChange={(practice, restDays) => set({ ...state.data, practice, restDays })}
          />
          <h3>Your year of practice</h3>
          <HeatMap
            from={state.data.year.from}
            to={state.data.year.to}
            days={state.data.year.days}
            restDays={state.data.restDays}
          />
          {state.data.entries.length > 0 && (
            <details class="practice-entries">
              <summary>Latest entries</summary>
              <ul class="plain-list">
                {state.data.entries.map((e) => (
                  <li key={e.id}>
                    {formatPlainDay(e.day)}: {e.minutes} minutes
                    {e.what ? `, ${e.what}` : ""}
                    {e.note ? <span class="muted"> ({e.note})</span> : null}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </>
  );
}

export function PracticeScore(props: { practice: PracticeSummary; compact?: boolean }) {
  const p = props.practice;
  return (
    <div class="practice-score">
      <p class="practice-score-line">
        <strong class="practice-score-value">{scorePercent(p.score)}</strong> consistency
      </p>
      <p>
        {todaySentence(p)} {daysSentence(p)} {minutesSentence(p)}
      </p>
      {!props.compact && (
        <p class="muted">
          Consistency beats intensity: the score builds over weeks of regular practice and forgives
          a missed day. There is no streak to lose.
        </p>
      )}
    </div>
  );
}
