import type { WeekFacts } from "@cando/core";
import { formatPlainDay } from "../../ui/days";
import { attemptsSentence, evidenceSentence, practiceSentence } from "./reflection-words";

/** The week's facts, pre-filled before the questions: what happened, and the four sources. */
export function WeekFactsCard(props: { facts: WeekFacts }) {
  const f = props.facts;
  return (
    <section class="card" aria-labelledby="week-facts-heading">
      <h2 id="week-facts-heading">
        Your week: {formatPlainDay(f.weekStart)} to {formatPlainDay(f.weekEnd)}
      </h2>
      <ul class="week-facts">
        <li>{attemptsSentence(f.attempts)}</li>
        <li>{practiceSentence(f.practice)}</li>
        <li>
          {evidenceSentence(f.evidence)}
          {f.evidence.titles.length > 0 && (
            <ul>
              {f.evidence.titles.map((t, i) => (
                <li key={`${i}-${t}`}>{t}</li>
              ))}
            </ul>
          )}
        </li>
      </ul>
      <h3>The four sources of belief this week</h3>
      <ul class="plain-list week-sources">
        {f.sources.map((s) => (
          <li key={s.key}>
            <strong>{s.label}</strong>: {s.count}
            {s.nudge && <span class="week-nudge"> {s.nudge}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
