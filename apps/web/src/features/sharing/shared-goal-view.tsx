import type { SharedGoalView } from "@cando/core";
import type { ComponentChildren } from "preact";
import { formatPlainDay } from "../../ui/days";
import { GoalFacts } from "../goals/goal-facts";

const OUTCOME_WORDS = { done: "Done", partly: "Partly", not_yet: "Not yet" } as const;

/**
 * A goal read-only, exactly as a supporter or coach sees it: the goal, ladder, outcomes and next
 * step always; debriefs, evidence, audits and reflections only when the person shared them.
 * Nothing here changes the person's data.
 */
export function SharedGoal(props: {
  view: SharedGoalView;
  /** What a supporter can do about one attempt or piece of evidence (feedback); none in a preview. */
  act?: (target: { attemptId?: string; evidenceId?: string; label: string }) => ComponentChildren;
}) {
  const { view } = props;
  const { goal, ladder } = view;
  const stepTitle = new Map(ladder.steps.map((s) => [s.id, s.title]));
  const next = ladder.recommendation;
  return (
    <div class="shared-goal">
      <section class="card" aria-labelledby="shared-about-heading">
        <h2 id="shared-about-heading">The goal</h2>
        <p class="shared-statement">{goal.statement}</p>
        <GoalFacts goal={goal} />
      </section>

      <section class="card" aria-labelledby="shared-ladder-heading">
        <h2 id="shared-ladder-heading">Ladder</h2>
        {next && (
          <p class="shared-next">
            <strong>Next step:</strong> {stepTitle.get(next.stepId) ?? "—"}
          </p>
        )}
        <ol class="shared-steps">
          {ladder.steps.map((step) => (
            <li key={step.id}>
              <span class="shared-step-title">{step.title}</span>{" "}
              <span class="muted">
                {step.mastered ? "mastered · " : ""}
                {step.attemptCount} attempts, {step.successCount} done · chance now{" "}
                {Math.round(step.predictedSuccess * 100)}%
              </span>
            </li>
          ))}
        </ol>
      </section>

      <section class="card" aria-labelledby="shared-outcomes-heading">
        <h2 id="shared-outcomes-heading">Outcomes</h2>
        {view.outcomes.length === 0 ? (
          <p class="muted">No attempts yet.</p>
        ) : (
          <ul class="shared-list">
            {view.outcomes.map((o) => (
              <li key={o.id}>
                {formatPlainDay(o.attemptedAt.slice(0, 10))}: {stepTitle.get(o.stepId) ?? "a step"}{" "}
                — <strong>{OUTCOME_WORDS[o.outcome]}</strong>
                {props.act?.({
                  attemptId: o.id,
                  label: `the attempt at “${stepTitle.get(o.stepId) ?? "a step"}”`,
                })}
              </li>
            ))}
          </ul>
        )}
      </section>

      <Optional id="debriefs" title="Debriefs" shown={view.debriefs !== null}>
        <ul class="shared-list">
          {(view.debriefs ?? []).map((d) => (
            <li key={d.attemptId}>
              <p>
                <strong>Did well:</strong> {d.didWell || "—"}
              </p>
              <p>
                <strong>About my capability:</strong> {d.capability || "—"}
              </p>
              <p>
                <strong>Differently:</strong> {d.differently || "—"}
              </p>
            </li>
          ))}
        </ul>
      </Optional>

      <Optional id="evidence" title="Evidence" shown={view.evidence !== null}>
        <ul class="shared-list">
          {(view.evidence ?? []).map((e) => (
            <li key={e.id}>
              <strong>{e.title}</strong> <span class="muted">{formatPlainDay(e.occurredOn)}</span>
              {e.body !== "" && <p>{e.body}</p>}
              {props.act?.({ evidenceId: e.id, label: `“${e.title}”` })}
            </li>
          ))}
        </ul>
      </Optional>

      <Optional id="audits" title="Audits" shown={view.audits !== null}>
        <ul class="shared-list">
          {(view.audits?.audits ?? []).map((a) => (
            <li key={a.id}>
              {formatPlainDay(a.takenAt.slice(0, 10))}:{" "}
              {a.ratings
                .map((r) => {
                  const name = view.audits?.domains.find((d) => d.id === r.domainId)?.name;
                  return `${name ?? "a domain"} ${r.rating}`;
                })
                .join(", ")}
              {a.note && <p>{a.note}</p>}
            </li>
          ))}
        </ul>
      </Optional>

      <Optional id="reflections" title="Reflections" shown={view.reflections !== null}>
        <ul class="shared-list">
          {(view.reflections ?? []).map((r) => (
            <li key={r.id}>
              <strong>Week to {formatPlainDay(r.weekEnd)}</strong>
              {r.accomplished && <p>Accomplished: {r.accomplished}</p>}
              {r.overcame && <p>Overcame: {r.overcame}</p>}
              {r.learned && <p>Learned: {r.learned}</p>}
            </li>
          ))}
        </ul>
      </Optional>
    </div>
  );
}

function Optional(props: {
  id: string;
  title: string;
  shown: boolean;
  children: preact.ComponentChildren;
}) {
  if (!props.shown) return null;
  return (
    <section class="card" aria-labelledby={`shared-${props.id}-heading`}>
      <h2 id={`shared-${props.id}-heading`}>{props.title}</h2>
      {props.children}
    </section>
  );
}
