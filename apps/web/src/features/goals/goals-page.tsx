import type { Domain, Goal } from "@cando/core";
import { useLocation } from "preact-iso";
import { api } from "../../api/client";
import type { DomainListResponse } from "../../api/types";
import { useLoad } from "../../api/use-load";
import { formatPlainDay } from "../../ui/days";
import { LoadError, Loading } from "../../ui/feedback";
import { Page } from "../../ui/page";
import { goalPath } from "../../ui/paths";
import { activeDomains } from "../domains/domain-lists";
import type { GoalDraft } from "./goal-form";
import { activeGoalsIn, domainName, groupGoals } from "./goal-lists";
import { NewGoalFields, useNewGoalForm } from "./new-goal";
import "./goals.css";

type GoalsData = [{ goals: Goal[] }, DomainListResponse];

export function GoalsPage() {
  const { query } = useLocation();
  const { state, reload } = useLoad(
    (): Promise<GoalsData> =>
      Promise.all([
        api.get<{ goals: Goal[] }>("/api/goals"),
        api.get<DomainListResponse>("/api/domains"),
      ]),
  );
  return (
    <Page title="Goals" heading="Your goals">
      <p class="lead">
        A goal is one capability in one domain, phrased as “I can …”, with an outcome someone could
        see. Working on one goal per domain at a time keeps your effort where it counts.
      </p>
      {query["deleted"] === "1" && (
        <p class="notice notice-success" role="status">
          The goal and everything under it are deleted.
        </p>
      )}
      {state.status === "loading" && <Loading what="your goals" />}
      {state.status === "error" && <LoadError error={state.error} retry={reload} />}
      {state.status === "ready" && (
        <>
          <GoalLists goals={state.data[0].goals} domains={state.data[1].domains} />
          <NewGoalForm goals={state.data[0].goals} domains={state.data[1].domains} />
        </>
      )}
    </Page>
  );
}

function GoalLists(props: { goals: Goal[]; domains: Domain[] }) {
  const groups = groupGoals(props.goals);
  if (groups.length === 0) {
    return (
      <section class="card" aria-labelledby="no-goals-heading">
        <h2 id="no-goals-heading">No goals yet</h2>
        <p>
          Pick one thing you want to be able to do, in one area of life. Set it below; then you
          break it into a ladder of steps.
        </p>
      </section>
    );
  }
  return (
    <>
      {groups.map((group) => (
        <section class="card" key={group.status} aria-labelledby={`goals-${group.status}`}>
          <h2 id={`goals-${group.status}`}>
            {group.label} <span class="count">({group.goals.length})</span>
          </h2>
          <ul class="goal-list">
            {group.goals.map((goal) => (
              <li key={goal.id}>
                <a class="goal-link" href={goalPath(goal.id)}>
                  {goal.statement}
                </a>
                <span class="goal-meta">
                  {domainName(props.domains, goal.domainId)}
                  {goal.targetDate !== null && ` · by ${formatPlainDay(goal.targetDate)}`}
                </span>
                {goal.outcome !== "" && <span class="goal-outcome">{goal.outcome}</span>}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

const EMPTY_DRAFT: GoalDraft = {
  domainId: "",
  statement: "",
  outcome: "",
  context: "",
  targetDate: "",
};

function NewGoalForm(props: { goals: Goal[]; domains: Domain[] }) {
  const { route } = useLocation();
  const domains = activeDomains(props.domains);
  const form = useNewGoalForm(EMPTY_DRAFT, (goal) => route(`${goalPath(goal.id)}?created=1`));
  const { draft } = form;
  const sameDomain = draft.domainId === "" ? [] : activeGoalsIn(props.goals, draft.domainId);

  if (domains.length === 0) {
    return (
      <section class="card" aria-labelledby="new-goal-heading">
        <h2 id="new-goal-heading">Set a new goal</h2>
        <p>
          A goal sits in one of your domains, and you have none active.{" "}
          <a href="/domains">Add or restore a domain</a> first.
        </p>
      </section>
    );
  }

  return (
    <section class="card" aria-labelledby="new-goal-heading">
      <h2 id="new-goal-heading">Set a new goal</h2>
      <form class="stack" onSubmit={form.submit} noValidate aria-busy={form.busy}>
        <NewGoalFields
          form={form}
          prefix="goal"
          domains={domains}
          domainNote={
            sameDomain.length > 0
              ? `You already have an active goal in ${domainName(domains, draft.domainId)}: “${sameDomain[0]?.statement}”. One goal per domain keeps your effort together, but you can add another.`
              : null
          }
          statementHint="A capability, starting with “I can …”. For example: I can give a clear 10-minute talk to a room of ten or more."
        />
        <div class="form-actions">
          <button type="submit" class="button" disabled={form.busy}>
            Set goal
          </button>
        </div>
      </form>
    </section>
  );
}
