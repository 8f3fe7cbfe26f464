import type { RhythmTodayResponse } from "@cando/core";
import { goalPath } from "../../ui/paths";
import { startPath } from "../prepare/prepare";
import { reflectionWeekPath } from "../reflections/reflection-words";

/** What is due now: steps planned for today, practice not yet done, the weekly reflection. */
export function DueNow(props: { rhythm: RhythmTodayResponse }) {
  const { plannedSteps, reflection, practice, rerating } = props.rhythm;
  const toRerate = rerating.due ? practice.filter((p) => rerating.goalIds.includes(p.goalId)) : [];
  const notPractised = practice.filter(
    (p) => p.practice.minutesToday === 0 && !p.practice.restToday,
  );
  if (
    plannedSteps.length === 0 &&
    !reflection.due &&
    notPractised.length === 0 &&
    toRerate.length === 0
  )
    return null;
  return (
    <section class="card due-now" aria-labelledby="due-now-heading">
      <h2 id="due-now-heading">Due now</h2>
      <ul class="plain-list due-now-list">
        {plannedSteps.map((s) => (
          <li key={s.stepId}>
            Planned for today: <strong>{s.title}</strong> <span class="muted">({s.statement})</span>{" "}
            <a href={startPath(s.goalId, s.stepId)}>
              Start an attempt<span class="visually-hidden">: {s.title}</span>
            </a>
          </li>
        ))}
        {reflection.due && (
          <li>
            Your weekly reflection is due.{" "}
            <a href={reflectionWeekPath(reflection.weekEnd)}>Write your reflection</a>
          </li>
        )}
        {toRerate.map((p) => (
          <li key={`rerate-${p.goalId}`}>
            Monthly re-rating of the ladder: <span class="muted">{p.statement}</span>{" "}
            <a href={`${goalPath(p.goalId)}/rerate`}>
              Re-rate<span class="visually-hidden"> the ladder of {p.statement}</span>
            </a>
          </li>
        ))}
        {notPractised.map((p) => (
          <li key={p.goalId}>
            Practice not yet done today: <span class="muted">{p.statement}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
