import type { Goal } from "@cando/core";

/** The goal's observable outcome and context, as the owner's goal page and a supporter see them. */
export function GoalFacts(props: { goal: Pick<Goal, "outcome" | "context"> }) {
  const { outcome, context } = props.goal;
  return (
    <dl class="goal-facts">
      <div>
        <dt>Observable outcome</dt>
        <dd>{outcome === "" ? <span class="muted">Not written yet</span> : outcome}</dd>
      </div>
      <div>
        <dt>Context</dt>
        <dd>{context === "" ? <span class="muted">Not written yet</span> : context}</dd>
      </div>
    </dl>
  );
}
