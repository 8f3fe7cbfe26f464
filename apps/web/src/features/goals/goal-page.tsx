import type {
  AttemptStart,
  AttemptSummary,
  Domain,
  Goal,
  GoalStatus,
  LadderView,
  Milestone,
  StepRating,
  StepRoleModel,
} from "@cando/core";
import { useEffect, useRef, useState } from "preact/hooks";
import { useLocation, useRoute } from "preact-iso";
import { ApiError, api, errorMessage } from "../../api/client";
import { useLoad } from "../../api/use-load";
import { formatPlainDay } from "../../ui/days";
import { Disclosure, isWide } from "../../ui/disclosure";
import { ErrorSummary, LoadError, Loading } from "../../ui/feedback";
import { SelectField } from "../../ui/fields";
import { Page } from "../../ui/page";
import { doubtPath, milestonePath } from "../../ui/paths";
import { PracticeSection } from "../practice/practice-section";
import { InProgress } from "../prepare/in-progress";
import { SharingSection } from "../sharing/sharing-section";
import type { AttemptSummaryPage, GoalOverviewResponse, GoalUpdateResponse } from "./api-types";
import { CoachingNotes } from "./coaching-notes";
import { ConfidenceChart } from "./confidence-chart";
import { GoalAttempts } from "./goal-attempts";
import { DeleteGoal } from "./goal-delete";
import { GoalFacts } from "./goal-facts";
import { GoalFields, useGoalForm } from "./goal-fields";
import { type GoalField, goalBody, hasProblems } from "./goal-form";
import { domainName, STATUS_LABELS, STATUS_ORDER } from "./goal-lists";
import { LadderBuilder } from "./ladder-builder-form";
import { LadderPanel } from "./ladder-panel";
import { PredictionChart } from "./prediction-chart";
import "./goals.css";

export type GoalData = {
  goal: Goal;
  ladder: LadderView;
  domains: Domain[];
  ratings: StepRating[];
  roleModels: StepRoleModel[];
  attemptStarts: AttemptStart[];
  attempts: AttemptSummary[];
  /** Where the older attempts continue (the list is paged, newest first); null when all are here. */
  moreAttempts: string | null;
};

/** How many attempts the goal page loads at a time, newest first. */
const ATTEMPTS_PAGE = 50;
const olderAttemptsPath = (goalId: string, cursor: string) =>
  `/api/goals/${encodeURIComponent(goalId)}/attempt-summaries?limit=${ATTEMPTS_PAGE}&cursor=${encodeURIComponent(cursor)}`;

export function GoalPage() {
  const { params } = useRoute();
  const goalId = params["goalId"] ?? "";
  // A new goal is a new screen: nothing typed for one goal leaks into another.
  return <GoalScreen key={goalId} goalId={goalId} />;
}

/** One request: the goal, its ladder, the domains, the ratings and the newest attempts. */
async function loadGoal(goalId: string): Promise<GoalData> {
  const page = await api.get<GoalOverviewResponse>(
    `/api/goals/${encodeURIComponent(goalId)}/overview?limit=${ATTEMPTS_PAGE}`,
  );
  return {
    goal: page.goal,
    ladder: page.ladder,
    domains: page.domains,
    ratings: page.ratings,
    roleModels: page.roleModels,
    attemptStarts: page.attemptStarts,
    attempts: page.attempts,
    moreAttempts: page.nextCursor,
  };
}

function GoalScreen(props: { goalId: string }) {
  const { query } = useLocation();
  const { state, reload, set } = useLoad(() => loadGoal(props.goalId));
  const title = state.status === "ready" ? state.data.goal.statement : "Goal";

  return (
    <Page title={title}>
      {state.status === "loading" && <Loading what="your goal" />}
      {state.status === "error" &&
        (state.error instanceof ApiError && state.error.status === 404 ? (
          <p class="notice">
            There is no such goal here. <a href="/goals">See your goals</a>
          </p>
        ) : (
          <LoadError error={state.error} retry={reload} />
        ))}
      {state.status === "ready" && (
        <GoalBody
          data={state.data}
          created={query["created"] === "1"}
          onChange={(data) => set(data)}
          reload={() => loadGoal(props.goalId).then(set)}
        />
      )}
    </Page>
  );
}

function GoalBody(props: {
  data: GoalData;
  created: boolean;
  onChange: (data: GoalData) => void;
  reload: () => Promise<void>;
}) {
  const { route } = useLocation();
  const { goal, ladder } = props.data;
  const hasLadder = ladder.steps.length > 0;
  const [justBuilt, setJustBuilt] = useState(false);
  // The builder (and its Save button) is gone once the ladder exists: focus goes to the ladder.
  useEffect(() => {
    if (justBuilt && hasLadder) document.getElementById("ladder-heading")?.focus();
  }, [justBuilt, hasLadder]);
  // A link to a part of this page (Today's "Add a smaller step") lands there once it is drawn.
  useEffect(() => {
    const target = window.location.hash.slice(1);
    if (target !== "") document.getElementById(target)?.scrollIntoView();
  }, []);

  /** After any change that answers with milestones: celebrate the first of them. */
  function celebrate(milestones: Milestone[]): boolean {
    const first = milestones[0];
    if (first === undefined) return false;
    route(milestonePath(first.id));
    return true;
  }

  return (
    <>
      {props.created && (
        <p class="notice notice-success" role="status">
          Your goal is set. {hasLadder ? "" : "Next, break it into a ladder of steps below."}
        </p>
      )}
      <GoalDetails
        goal={goal}
        domains={props.data.domains}
        onSaved={(updated, milestones) => {
          if (celebrate(milestones)) return;
          props.onChange({ ...props.data, goal: updated });
        }}
      />
      {hasLadder ? (
        <LadderPanel
          goal={goal}
          ladder={ladder}
          ratings={props.data.ratings}
          roleModels={props.data.roleModels}
          onLadder={(next, rating) =>
            props.onChange({
              ...props.data,
              ladder: next,
              ratings: rating ? [...props.data.ratings, rating] : props.data.ratings,
            })
          }
          onMilestones={celebrate}
          announce={justBuilt ? "Your ladder is saved." : ""}
        />
      ) : (
        <LadderBuilder
          goal={goal}
          onBuilt={async (built) => {
            setJustBuilt(true);
            props.onChange({ ...props.data, ladder: built });
            await props.reload();
          }}
        />
      )}
      {hasLadder && (
        <PredictionChart
          attempts={props.data.attempts}
          ladder={ladder}
          more={props.data.moreAttempts !== null}
        />
      )}
      {hasLadder && (
        <ConfidenceChart
          ratings={props.data.ratings}
          attempts={props.data.attempts}
          ladder={ladder}
          more={props.data.moreAttempts !== null}
        />
      )}
      <InProgress goalId={goal.id} starts={props.data.attemptStarts} />
      <GoalAttempts
        attempts={props.data.attempts}
        ladder={ladder}
        more={props.data.moreAttempts !== null}
        onMore={async () => {
          const cursor = props.data.moreAttempts;
          if (cursor === null) return;
          const page = await api.get<AttemptSummaryPage>(olderAttemptsPath(goal.id, cursor));
          props.onChange({
            ...props.data,
            attempts: [...props.data.attempts, ...page.attempts],
            moreAttempts: page.nextCursor,
          });
        }}
      />
      <DeleteGoal goal={goal} />
      <PracticeSection goalId={goal.id} />
      <SharingSection goalId={goal.id} />
    </>
  );
}

function GoalDetails(props: {
  goal: Goal;
  domains: Domain[];
  onSaved: (goal: Goal, milestones: Milestone[]) => void;
}) {
  const { goal } = props;
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState("");
  const editButton = useRef<HTMLButtonElement>(null);
  const [focusEdit, setFocusEdit] = useState(false);
  useEffect(() => {
    if (focusEdit) {
      editButton.current?.focus();
      setFocusEdit(false);
    }
  }, [focusEdit]);

  return (
    <section class="card goal-card" aria-labelledby="goal-about-heading">
      <h2 id="goal-about-heading" class="visually-hidden">
        About this goal
      </h2>
      <p class="goal-meta-line">
        <span class="tag tag-status">{STATUS_LABELS[goal.status]}</span>{" "}
        {domainName(props.domains, goal.domainId)}
        {goal.targetDate !== null && ` · target ${formatPlainDay(goal.targetDate)}`}
      </p>
      <p class="status-line" role="status">
        {message}
      </p>
      {/* On a phone the details fold away, so the ladder starts on the first screen. */}
      <Disclosure
        summary="Outcome, context and status"
        open={isWide() || editing}
        class="goal-more"
      >
        {editing ? (
          <GoalEditForm
            goal={goal}
            onDone={(updated) => {
              setEditing(false);
              setFocusEdit(true);
              if (updated !== null) {
                setMessage("Your goal is saved.");
                props.onSaved(updated, []);
              }
            }}
          />
        ) : (
          <>
            <GoalFacts goal={goal} />
            <CoachingNotes
              id="goal-saved-coaching"
              notes={goal.coaching}
              footer="Suggestions only: edit the goal if one of them helps."
            />
            <div class="goal-actions">
              <button
                type="button"
                class="button button-secondary button-small"
                ref={editButton}
                onClick={() => {
                  setMessage("");
                  setEditing(true);
                }}
              >
                Edit goal
              </button>
            </div>
          </>
        )}
        <StatusForm
          goal={goal}
          onSaved={(updated, milestones) => {
            setMessage(`This goal is now ${STATUS_LABELS[updated.status].toLowerCase()}.`);
            props.onSaved(updated, milestones);
          }}
        />
      </Disclosure>
      {!editing && (
        <p class="goal-doubt">
          <a href={doubtPath(goal.id)}>I'm doubting myself</a>
        </p>
      )}
    </section>
  );
}

function GoalEditForm(props: { goal: Goal; onDone: (goal: Goal | null) => void }) {
  const { goal } = props;
  const { draft, setDraft, problems, show, tries, busy, send } = useGoalForm({
    domainId: goal.domainId,
    statement: goal.statement,
    outcome: goal.outcome,
    context: goal.context,
    targetDate: goal.targetDate ?? "",
  });
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const set = (field: GoalField) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    if (draft.statement.trim() === "") {
      show({ byField: { statement: "Write your goal, starting with “I can …”." }, other: [] });
      return;
    }
    const { domainId: _domain, ...body } = goalBody(draft);
    await send(async () => {
      const saved = await api.patch<GoalUpdateResponse>(
        `/api/goals/${encodeURIComponent(goal.id)}`,
        body,
      );
      props.onDone(saved.goal);
    });
  }

  return (
    <form class="stack" onSubmit={submit} noValidate aria-busy={busy}>
      {hasProblems(problems) && (
        <ErrorSummary key={tries} focus>
          <p>Please check the goal before saving.</p>
          <ul>
            {[...Object.values(problems.byField), ...problems.other].map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </ErrorSummary>
      )}
      <GoalFields
        prefix="edit-goal"
        draft={draft}
        errors={problems.byField}
        onInput={set}
        statementHint="A capability, starting with “I can …”."
        statementRef={first}
      />
      <div class="form-actions">
        <button type="submit" class="button" disabled={busy}>
          Save goal
        </button>
        <button type="button" class="button button-secondary" onClick={() => props.onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function StatusForm(props: { goal: Goal; onSaved: (goal: Goal, milestones: Milestone[]) => void }) {
  const [status, setStatus] = useState<GoalStatus>(props.goal.status);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  useEffect(() => setStatus(props.goal.status), [props.goal.status]);

  async function submit(event: Event) {
    event.preventDefault();
    if (busy || status === props.goal.status) return;
    setBusy(true);
    setProblem(undefined);
    try {
      const saved = await api.patch<GoalUpdateResponse>(
        `/api/goals/${encodeURIComponent(props.goal.id)}`,
        { status },
      );
      props.onSaved(saved.goal, saved.milestones);
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="inline-form status-form" onSubmit={submit} noValidate>
      <SelectField
        id="goal-status"
        label="Status"
        value={status}
        options={STATUS_ORDER.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
        onChange={(v) => setStatus(v as GoalStatus)}
        error={problem}
      />
      <button
        type="submit"
        class="button button-secondary"
        disabled={busy || status === props.goal.status}
      >
        Change status
      </button>
    </form>
  );
}
