import type { Audit, Domain } from "@cando/core";
import { firstStepDateWarning } from "@cando/core/constants";
import { useState } from "preact/hooks";
import { api, errorMessage } from "../../api/client";
import type { DomainListResponse } from "../../api/types";
import { useLoad } from "../../api/use-load";
import { formatPlainDay, localDay } from "../../ui/days";
import { LoadError, Loading } from "../../ui/feedback";
import { DateField } from "../../ui/fields";
import { showToast } from "../../ui/toast";
import { loadLatestAudit } from "../audits/load-audits";
import { AuditForm } from "../audits/take-audit-page";
import { activeDomains } from "../domains/domain-lists";
import type { GoalWithLadderResponse, StepUpdateResponse } from "../goals/api-types";
import { LadderBuilder } from "../goals/ladder-builder-form";
import { NewGoalFields, useNewGoalForm } from "../goals/new-goal";
import { scheduleChoices } from "./welcome-flow";
import type { StepProps } from "./welcome-page";

export function IntroStep(props: StepProps) {
  return (
    <>
      <p class="lead">
        Cando helps you build <strong>self-efficacy</strong>: the belief that you can succeed at one
        specific thing, here. Not self-esteem, not general confidence: “can I do <em>this</em>”.
      </p>
      <ul class="welcome-loop">
        <li>Rate how certain you are in each area of life: your baseline.</li>
        <li>Pick one area and one goal, phrased as “I can …”.</li>
        <li>Break it into small steps, the first well within reach, and schedule it this week.</li>
      </ul>
      <p class="muted">Five short steps, about five minutes. You can skip any of them.</p>
      <div class="form-actions">
        <button type="button" class="button" onClick={() => props.next()}>
          Let's start
        </button>
        {props.skip}
      </div>
    </>
  );
}

export function AuditStep(props: StepProps) {
  const { state, reload } = useLoad(() => api.get<DomainListResponse>("/api/domains"));
  return (
    <>
      <p>
        For each area of life, how certain are you, today, that you can succeed at what matters to
        you there? There are no right answers: this is your baseline.
      </p>
      {state.status === "loading" && <Loading what="your domains" />}
      {state.status === "error" && <LoadError error={state.error} retry={reload} />}
      {state.status === "ready" && (
        <AuditForm
          domains={activeDomains(state.data.domains)}
          onSaved={() => props.next()}
          submitLabel="Save and continue"
          extraActions={props.skip}
        />
      )}
    </>
  );
}

/** The latest rating of each domain, if the person has taken an audit. */
function latestRatingOf(audits: Audit[]): Map<string, number> {
  const latest = audits.reduce<Audit | null>(
    (best, a) => (best === null || a.takenAt > best.takenAt ? a : best),
    null,
  );
  return new Map((latest?.ratings ?? []).map((r) => [r.domainId, r.rating]));
}

export function DomainStep(props: StepProps) {
  const { state, reload } = useLoad(() =>
    Promise.all([api.get<DomainListResponse>("/api/domains"), loadLatestAudit()]),
  );
  const [chosen, setChosen] = useState(props.domainId ?? "");
  const [error, setError] = useState<string | undefined>(undefined);
  if (state.status === "loading") return <Loading what="your domains" />;
  if (state.status === "error") return <LoadError error={state.error} retry={reload} />;
  const domains = activeDomains(state.data[0].domains);
  const ratings = latestRatingOf(state.data[1].audits);
  return (
    <form
      class="stack"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (chosen === "") {
          setError("Choose one domain, or skip this step.");
          document.getElementById(`welcome-domain-${domains[0]?.id ?? ""}`)?.focus();
          return;
        }
        props.next({ domain: chosen });
      }}
    >
      <fieldset class="choice-list" aria-describedby={error ? "welcome-domain-error" : undefined}>
        <legend>Where do you want to build belief first?</legend>
        <p class="hint">
          One area at a time keeps your effort together. A middling rating is a good place to start:
          there is room to grow, and it is within reach.
        </p>
        {error && (
          <p class="field-error" id="welcome-domain-error">
            {error}
          </p>
        )}
        {domains.map((domain) => (
          <label key={domain.id} class="choice">
            <input
              type="radio"
              name="welcome-domain"
              id={`welcome-domain-${domain.id}`}
              value={domain.id}
              checked={chosen === domain.id}
              onChange={() => {
                setChosen(domain.id);
                setError(undefined);
              }}
            />
            <span class="choice-name">{domain.name}</span>
            {ratings.has(domain.id) && (
              <span class="choice-meta">rated {ratings.get(domain.id)}</span>
            )}
          </label>
        ))}
      </fieldset>
      <div class="form-actions">
        <button type="submit" class="button">
          Continue
        </button>
        {props.skip}
      </div>
    </form>
  );
}

export function GoalStep(props: StepProps) {
  const { state, reload } = useLoad(() => api.get<DomainListResponse>("/api/domains"));
  if (state.status === "loading") return <Loading what="your domains" />;
  if (state.status === "error") return <LoadError error={state.error} retry={reload} />;
  return <GoalStepForm {...props} domains={activeDomains(state.data.domains)} />;
}

function GoalStepForm(props: StepProps & { domains: Domain[] }) {
  const form = useNewGoalForm(
    { domainId: props.domainId ?? "", statement: "", outcome: "", context: "", targetDate: "" },
    (goal) => props.next({ goal: goal.id, domain: goal.domainId }),
  );
  return (
    <form class="stack" onSubmit={form.submit} noValidate aria-busy={form.busy}>
      <p>
        Phrase it as a capability, starting with “I can …”, with something others could see, and
        where it happens.
      </p>
      <NewGoalFields
        form={form}
        prefix="welcome-goal"
        domains={props.domains}
        statementHint="For example: I can give a clear 10-minute talk to a room of ten or more."
      />
      <div class="form-actions">
        <button type="submit" class="button" disabled={form.busy}>
          Set goal and continue
        </button>
        {props.skip}
      </div>
    </form>
  );
}

function useGoal(goalId: string | undefined) {
  return useLoad(() =>
    goalId === undefined
      ? Promise.reject(new Error("There is no goal to plan yet: set one first."))
      : api.get<GoalWithLadderResponse>(`/api/goals/${encodeURIComponent(goalId)}`),
  );
}

export function LadderStep(props: StepProps) {
  const { state, reload } = useGoal(props.goalId);
  if (state.status === "loading") return <Loading what="your goal" />;
  if (state.status === "error") return <LoadError error={state.error} retry={reload} />;
  const { goal, ladder } = state.data;
  if (ladder.steps.length > 0) {
    return (
      <>
        <p>“{goal.statement}” already has its ladder.</p>
        <div class="form-actions">
          <button type="button" class="button" onClick={() => props.next()}>
            Continue
          </button>
        </div>
      </>
    );
  }
  return (
    <>
      <p>
        For <strong>{goal.statement}</strong>: three steps, easiest first. The first should be well
        within what you can do now; the last, close to the goal. You can add more later.
      </p>
      <LadderBuilder goal={goal} onBuilt={() => props.next()} />
      <div class="form-actions">{props.skip}</div>
    </>
  );
}

export function ScheduleStep(props: StepProps) {
  const { state, reload } = useGoal(props.goalId);
  if (state.status === "loading") return <Loading what="your ladder" />;
  if (state.status === "error") return <LoadError error={state.error} retry={reload} />;
  const first = state.data.ladder.steps[0];
  if (first === undefined) {
    return (
      <>
        <p>Your goal has no steps yet, so there is nothing to schedule.</p>
        <div class="form-actions">
          <button type="button" class="button" onClick={() => props.next()}>
            Finish
          </button>
        </div>
      </>
    );
  }
  return <ScheduleForm {...props} stepId={first.id} title={first.title} day={first.plannedDate} />;
}

function ScheduleForm(props: StepProps & { stepId: string; title: string; day: string | null }) {
  const today = localDay();
  const choices = scheduleChoices(today);
  const [day, setDay] = useState(props.day ?? choices[1]?.day ?? today);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const warning = day === "" ? null : firstStepDateWarning(today, day);

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    if (day === "") {
      setError("Choose a day for your first step.");
      document.getElementById("welcome-first-day")?.focus();
      return;
    }
    setBusy(true);
    try {
      await api.patch<StepUpdateResponse>(`/api/steps/${encodeURIComponent(props.stepId)}`, {
        plannedDate: day,
      });
      showToast(`“${props.title}” is planned for ${formatPlainDay(day)}.`);
      props.next();
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <form class="stack" onSubmit={submit} noValidate aria-busy={busy}>
      <p>
        Your first step: <strong>{props.title}</strong>. Starting within a week keeps momentum.
      </p>
      <fieldset class="quick-days">
        <legend class="visually-hidden">Quick choices</legend>
        {choices.map((choice) => (
          <button
            key={choice.day}
            type="button"
            class={choice.day === day ? "button button-secondary is-chosen" : "button button-quiet"}
            aria-pressed={choice.day === day}
            onClick={() => {
              setDay(choice.day);
              setError(undefined);
            }}
          >
            {choice.label}
          </button>
        ))}
      </fieldset>
      <DateField
        id="welcome-first-day"
        label="Day of your first step"
        value={day}
        onInput={(value) => {
          setDay(value);
          setError(undefined);
        }}
        error={error}
        note={warning}
      />
      <div class="form-actions">
        <button type="submit" class="button" disabled={busy}>
          Schedule and finish
        </button>
        {props.skip}
      </div>
    </form>
  );
}
