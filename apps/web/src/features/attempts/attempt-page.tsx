import type { Attempt, Evidence, Goal, Milestone, NextStep, Step } from "@cando/core";
import { ATTRIBUTION_LABELS, OUTCOME_LABELS } from "@cando/core/constants";
import { useEffect, useRef, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { ApiError, api, errorMessage } from "../../api/client";
import { useLoad } from "../../api/use-load";
import { ErrorSummary, LoadError, Loading } from "../../ui/feedback";
import { placeProblems } from "../../ui/form-problems";
import { formatDayTime } from "../../ui/format";
import { LabelledField } from "../../ui/labelled-field";
import { NumberScale, scaleInputId } from "../../ui/number-scale";
import { Page } from "../../ui/page";
import { type ProblemLink, ProblemSummary } from "../../ui/problem-summary";
import { Why } from "../advice/why";
import { FeedbackOnTarget } from "../feedback/feedback-list";
import { AttemptCorrections, type Deleted, DeletedAttempt } from "./attempt-corrections";
import { anxietyText, beliefVsOutcome, milestoneIdsFrom, percent } from "./attempt-form";
import {
  type AttributionFlag,
  CAUSES,
  CONTRIBUTION_ANCHORS,
  type DebriefDraft,
  debriefBody,
  draftFromDebrief,
  openPrompts,
  promptHeading,
  savedDebriefBody,
  unratedCauses,
} from "./debrief-form";
import type {
  AttemptResponse,
  DebriefSavedResponse,
  GoalWithLadderResponse,
  MilestoneListResponse,
} from "./types";
import "../../ui/page-parts.css";
import "./attempts.css";

type Loaded = {
  attempt: Attempt;
  goal: Goal;
  step: Step | undefined;
  milestones: Milestone[];
};

async function loadAttempt(attemptId: string, milestoneIds: string[]): Promise<Loaded> {
  const { attempt } = await api.get<AttemptResponse>(
    `/api/attempts/${encodeURIComponent(attemptId)}`,
  );
  const [{ goal, ladder }, milestones] = await Promise.all([
    api.get<GoalWithLadderResponse>(`/api/goals/${encodeURIComponent(attempt.goalId)}`),
    milestoneIds.length === 0
      ? Promise.resolve([])
      : api
          .get<MilestoneListResponse>("/api/milestones")
          .then((body) => body.milestones.filter((m) => milestoneIds.includes(m.id))),
  ]);
  const step = [...ladder.steps, ...ladder.archivedSteps].find((s) => s.id === attempt.stepId);
  return { attempt, goal, step, milestones };
}

const DEBRIEF_LABELS = {
  didWell: "What I did well",
  capability: "What it tells me about my capability",
  differently: "What I would do differently",
  attributions: "How much each contributed",
  ...Object.fromEntries(CAUSES.map((c) => [`attributions.${c}`, ATTRIBUTION_LABELS[c]])),
  reattribution: "Looking at it again",
  dismissedFlags: "Not now",
} as Record<string, string>;

export function AttemptPage(props: { attemptId: string }) {
  const { query } = useLocation();
  const milestoneIds = milestoneIdsFrom(query["milestone"]);
  const { state, reload, set } = useLoad(() => loadAttempt(props.attemptId, milestoneIds));
  const [deleted, setDeleted] = useState<Deleted | null>(null);
  return (
    <Page title="Debrief" heading="Debrief your attempt">
      {state.status === "loading" && <Loading what="your attempt" />}
      {state.status === "error" && <LoadError error={state.error} retry={reload} />}
      {state.status === "ready" &&
        (deleted !== null ? (
          <DeletedAttempt
            deleted={deleted}
            goal={state.data.goal}
            onRestored={() => {
              setDeleted(null);
              reload();
            }}
          />
        ) : (
          <Debrief
            key={state.data.attempt.id}
            loaded={state.data}
            onAttempt={(attempt) => set({ ...state.data, attempt })}
            onDeleted={setDeleted}
          />
        ))}
    </Page>
  );
}

function Debrief(props: {
  loaded: Loaded;
  onAttempt: (attempt: Attempt) => void;
  onDeleted: (deleted: Deleted) => void;
}) {
  const { attempt, goal, step, milestones } = props.loaded;
  const [evidence, setEvidence] = useState<Evidence | null>(null);
  const [next, setNext] = useState<NextStep | null>(null);
  const [saves, setSaves] = useState(0);
  const goalPath = `/goals/${encodeURIComponent(goal.id)}`;
  return (
    <>
      <p class="breadcrumb">
        <a href={goalPath}>{goal.statement}</a>
      </p>
      {milestones.map((m) => (
        <div class="notice notice-success" key={m.id}>
          <p>
            <strong>Milestone reached:</strong> {m.title}.{" "}
            <a href={`/milestones/${encodeURIComponent(m.id)}`}>Celebrate it</a>
          </p>
        </div>
      ))}
      <AttemptSummary attempt={attempt} step={step} />
      <DebriefForm
        attempt={attempt}
        goalPath={goalPath}
        onSaved={(saved) => {
          props.onAttempt(saved.attempt);
          setEvidence(saved.evidence);
          setNext(saved.next);
          setSaves((n) => n + 1);
        }}
      />
      {attempt.debrief !== null && (
        <DebriefResult
          attempt={attempt}
          evidence={evidence}
          next={next}
          saves={saves}
          goalPath={goalPath}
          onAttempt={props.onAttempt}
        />
      )}
      <FeedbackOnTarget goalId={goal.id} attemptId={attempt.id} />
      <AttemptCorrections
        attempt={attempt}
        onEdited={(edited) => props.onAttempt(edited)}
        onDeleted={props.onDeleted}
      />
    </>
  );
}

function AttemptSummary(props: { attempt: Attempt; step: Step | undefined }) {
  const { attempt } = props;
  const anxiety = anxietyText(attempt.anxietyBefore, attempt.anxietyAfter);
  const belief = beliefVsOutcome(attempt.confidenceBefore, attempt.outcome);
  return (
    <section class="card" aria-labelledby="summary-heading">
      <p class="eyebrow">
        {props.step ? `Step ${props.step.position + 1}` : "Step"} ·{" "}
        {formatDayTime(attempt.attemptedAt)}
      </p>
      <h2 id="summary-heading">{props.step?.title ?? "This step"}</h2>
      <dl class="facts">
        <div>
          <dt>Outcome</dt>
          <dd class={attempt.outcome === "done" ? "attempt-outcome-done" : undefined}>
            {OUTCOME_LABELS[attempt.outcome]}
          </dd>
        </div>
        <div>
          <dt>Effort</dt>
          <dd>{attempt.effort} of 5</dd>
        </div>
        <div>
          <dt>How hard it felt</dt>
          <dd>{attempt.difficulty} of 5</dd>
        </div>
        {anxiety !== null && (
          <div>
            <dt>Anxiety</dt>
            <dd>{anxiety}</dd>
          </div>
        )}
        {attempt.confidenceBefore !== null && (
          <div>
            <dt>Confidence before</dt>
            <dd>{attempt.confidenceBefore}%</dd>
          </div>
        )}
        {attempt.predictedSuccess !== null && (
          <div>
            <dt>Cando predicted</dt>
            <dd>{percent(attempt.predictedSuccess)}</dd>
          </div>
        )}
        {attempt.minutes !== null && (
          <div>
            <dt>Time spent</dt>
            <dd>{attempt.minutes} min</dd>
          </div>
        )}
      </dl>
      {belief !== null && <p class="belief">{belief}</p>}
      {attempt.note && <p class="attempt-note">{attempt.note}</p>}
    </section>
  );
}

function DebriefForm(props: {
  attempt: Attempt;
  goalPath: string;
  onSaved: (saved: DebriefSavedResponse) => void;
}) {
  const [draft, setDraft] = useState<DebriefDraft>(() => draftFromDebrief(props.attempt.debrief));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<{ message: string; other: string[] } | null>(null);
  const [shown, setShown] = useState(0);
  const [busy, setBusy] = useState(false);
  const sending = useRef(false);

  function setText(key: "didWell" | "capability" | "differently", value: string) {
    setDraft((current) => ({ ...current, [key]: value }));
  }

  function rate(cause: (typeof CAUSES)[number], value: number | null) {
    setDraft((current) => ({
      ...current,
      attributions: { ...current.attributions, [cause]: value },
    }));
    const key = `attributions.${cause}`;
    if (problems[key] !== undefined) {
      const { [key]: _fixed, ...rest } = problems;
      setProblems(rest);
    }
  }

  function show(found: Record<string, string>, message: string, other: string[]) {
    setProblems(found);
    setSummary(message === "" ? null : { message, other });
    setShown((n) => n + 1);
  }

  async function submit(event: Event) {
    event.preventDefault();
    if (sending.current) return;
    const unrated = unratedCauses(draft);
    if (unrated.length > 0) {
      show(
        Object.fromEntries(
          unrated.map((c) => [
            `attributions.${c}`,
            `Choose how much “${ATTRIBUTION_LABELS[c]}” contributed, from 0 to 4.`,
          ]),
        ),
        unrated.length === 1
          ? "Rate how much each cause contributed: 1 is still to rate."
          : `Rate how much each cause contributed: ${unrated.length} are still to rate.`,
        [],
      );
      return;
    }
    sending.current = true;
    setBusy(true);
    try {
      const saved = await api.put<DebriefSavedResponse>(
        `/api/attempts/${encodeURIComponent(props.attempt.id)}/debrief`,
        debriefBody(draft, props.attempt.debrief),
      );
      show({}, "", []);
      props.onSaved(saved);
    } catch (error) {
      if (error instanceof ApiError && error.fields.length > 0) {
        const placed = placeProblems(error.fields, DEBRIEF_LABELS);
        show(placed.fields as Record<string, string>, error.message, placed.other);
      } else {
        show({}, errorMessage(error), []);
      }
    } finally {
      sending.current = false;
      setBusy(false);
    }
  }

  const links: ProblemLink[] = [
    ...(["didWell", "capability", "differently"] as const).map((k) => ({ key: k, target: k })),
    ...CAUSES.map((c) => ({ key: `attributions.${c}`, target: scaleInputId(`cause-${c}`, 0) })),
  ].flatMap(({ key, target }) => {
    const text = problems[key];
    return text === undefined ? [] : [{ targetId: target, text }];
  });

  return (
    <form class="card debrief-form" onSubmit={submit} noValidate aria-busy={busy}>
      <h2>Debrief</h2>
      <p class="hint">
        A few minutes now turns what happened into something you can use. There are no wrong
        answers.
      </p>
      {summary !== null && (
        <ProblemSummary key={shown} message={summary.message} links={links} other={summary.other} />
      )}
      <div class="stack">
        <LabelledField
          id="didWell"
          label="What did I do well?"
          error={problems["didWell"]}
          count={{ length: draft.didWell.length, limit: 2000 }}
        >
          {(control) => (
            <textarea
              {...control}
              rows={3}
              value={draft.didWell}
              onInput={(e) => setText("didWell", e.currentTarget.value)}
            />
          )}
        </LabelledField>
        <LabelledField
          id="capability"
          label="What does this tell me about my capability?"
          error={problems["capability"]}
          count={{ length: draft.capability.length, limit: 2000 }}
        >
          {(control) => (
            <textarea
              {...control}
              rows={3}
              value={draft.capability}
              onInput={(e) => setText("capability", e.currentTarget.value)}
            />
          )}
        </LabelledField>
        <LabelledField
          id="differently"
          label="What would I do differently?"
          error={problems["differently"]}
          count={{ length: draft.differently.length, limit: 2000 }}
        >
          {(control) => (
            <textarea
              {...control}
              rows={3}
              value={draft.differently}
              onInput={(e) => setText("differently", e.currentTarget.value)}
            />
          )}
        </LabelledField>
        <fieldset class="contributions" aria-describedby="contributions-hint">
          <legend>How much did each contribute?</legend>
          <p class="hint" id="contributions-hint">
            From 0 (not at all) to 4 (a great deal). Several causes can count at once.
          </p>
          <div class="contribution-grid">
            {CAUSES.map((cause) => (
              <NumberScale
                key={cause}
                name={`cause-${cause}`}
                legend={ATTRIBUTION_LABELS[cause]}
                min={0}
                max={4}
                anchors={CONTRIBUTION_ANCHORS}
                value={draft.attributions[cause]}
                onChange={(v) => rate(cause, v)}
                error={problems[`attributions.${cause}`]}
                required
              />
            ))}
          </div>
        </fieldset>
      </div>
      <div class="form-actions">
        <button type="submit" class="button" disabled={busy}>
          {busy ? "Saving…" : props.attempt.debrief === null ? "Save debrief" : "Save changes"}
        </button>
        {props.attempt.debrief === null && <a href={props.goalPath}>Not now: back to the goal</a>}
      </div>
    </form>
  );
}

/** What follows a saved debrief: evidence, the engine's gentle invitations, the next step. */
function DebriefResult(props: {
  attempt: Attempt;
  evidence: Evidence | null;
  next: NextStep | null;
  saves: number;
  goalPath: string;
  onAttempt: (attempt: Attempt) => void;
}) {
  const debrief = props.attempt.debrief;
  const region = useRef<HTMLElement>(null);
  const [status, setStatus] = useState("");
  const [focus, setFocus] = useState<{ id: string; n: number } | null>(null);
  // After each save of the form, focus moves to what the save brought (a re-read, the next step).
  useEffect(() => {
    if (props.saves === 0) return;
    setStatus("Debrief saved.");
    region.current?.querySelector<HTMLElement>("h2")?.focus();
  }, [props.saves]);
  useEffect(() => {
    if (focus !== null) document.getElementById(focus.id)?.focus();
  }, [focus]);
  if (debrief === null) return null;
  const prompts = openPrompts(debrief);
  const evidence = props.evidence;
  const newEvidence = evidence !== null && evidence.createdAt === debrief.updatedAt;
  const attemptPath = `/goals/${encodeURIComponent(props.attempt.goalId)}/steps/${encodeURIComponent(props.attempt.stepId)}/attempt`;
  const setback = props.attempt.outcome !== "done";

  return (
    <section class="debrief-result" ref={region} aria-label="After the debrief">
      <p class="status-line" role="status">
        {status}
      </p>
      {evidence !== null && (
        <div class="notice notice-success">
          <p>
            {newEvidence ? "Added to your evidence journal: " : "In your evidence journal: "}
            <a href={`/evidence/${encodeURIComponent(evidence.id)}`}>{evidence.title}</a>
          </p>
        </div>
      )}
      {prompts.length > 0 && (
        <Invitation
          attempt={props.attempt}
          prompts={prompts}
          onAttempt={props.onAttempt}
          onStatus={setStatus}
          onFocus={(id) => setFocus((f) => ({ id, n: (f?.n ?? 0) + 1 }))}
        />
      )}
      <section class="card next-card" aria-labelledby="next-heading">
        <h2 id="next-heading" tabIndex={-1}>
          What next
        </h2>
        {props.next === null ? (
          <p>
            Your ladder has taken this attempt into account. The goal page shows the step Cando
            recommends now.
          </p>
        ) : (
          <>
            <p class="next-step">
              <strong>{props.next.stepTitle}</strong>: predicted success{" "}
              {percent(props.next.recommendation.predictedSuccess)}.
            </p>
            <p>{props.next.recommendation.reason}</p>
            {props.next.why !== null && (
              <Why label={`Why ${percent(props.next.recommendation.predictedSuccess)}?`}>
                <p>{props.next.why.sentence}</p>
                <p>
                  <a href="/how-cando-works">How Cando works</a>
                </p>
              </Why>
            )}
          </>
        )}
        <div class="form-actions">
          {props.next !== null && props.next.recommendation.action !== "goal_reached" && (
            <a
              class="button"
              href={`/goals/${encodeURIComponent(props.attempt.goalId)}/steps/${encodeURIComponent(props.next.recommendation.stepId)}/attempt`}
            >
              Start “{props.next.stepTitle}”
            </a>
          )}
          <a class={props.next === null ? "button" : ""} href={props.goalPath}>
            Back to the goal
          </a>
          <a href={attemptPath}>Log another attempt at this step</a>
          {setback && (
            <a
              href={`/doubt?goalId=${encodeURIComponent(props.attempt.goalId)}&stepId=${encodeURIComponent(props.attempt.stepId)}`}
            >
              I'm doubting myself
            </a>
          )}
        </div>
      </section>
    </section>
  );
}

function Invitation(props: {
  attempt: Attempt;
  prompts: { flag: AttributionFlag; prompt: string }[];
  onAttempt: (attempt: Attempt) => void;
  onStatus: (message: string) => void;
  /** Moves focus to the element with this id, once it is drawn. */
  onFocus: (id: string) => void;
}) {
  const saved = props.attempt.debrief;
  const [text, setText] = useState(saved?.reattribution ?? "");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  if (saved === null) return null;
  const answered = saved.reattribution !== "";
  const single = props.prompts.length === 1 ? props.prompts[0] : undefined;

  async function send(change: { reattribution?: string; dismiss?: AttributionFlag[] }) {
    if (saved === null || busy) return;
    setBusy(true);
    setProblem(null);
    try {
      const body = await api.put<DebriefSavedResponse>(
        `/api/attempts/${encodeURIComponent(props.attempt.id)}/debrief`,
        savedDebriefBody(saved, change),
      );
      props.onAttempt(body.attempt);
      if (change.dismiss !== undefined) {
        props.onStatus("Set aside for now.");
        props.onFocus("next-heading");
      } else {
        props.onStatus("Your second look is saved.");
      }
    } catch (error) {
      const field = error instanceof ApiError ? error.fields[0] : undefined;
      setProblem(field ? `Looking at it again ${field.message}.` : errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card invitation" aria-labelledby="invitation-heading">
      <h2 id="invitation-heading" tabIndex={-1}>
        {single ? promptHeading(single.flag) : "One more look"}
      </h2>
      {problem !== null && (
        <ErrorSummary focus>
          <p>{problem}</p>
        </ErrorSummary>
      )}
      {props.prompts.map((p) => (
        <div class="invitation-item" key={p.flag}>
          {!single && <h3>{promptHeading(p.flag)}</h3>}
          <p class="invitation-prompt">{p.prompt}</p>
        </div>
      ))}
      <form
        class="stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (text.trim() === "") {
            setProblem("Write a line or two before saving, or choose “Not now”.");
            return;
          }
          void send({ reattribution: text });
        }}
      >
        <LabelledField
          id="reattribution"
          label="Looking at it again…"
          hint="Only if you want to. What part did your effort, preparation or choices play?"
          count={{ length: text.length, limit: 2000 }}
        >
          {(control) => (
            <textarea
              {...control}
              rows={3}
              value={text}
              onInput={(e) => setText(e.currentTarget.value)}
            />
          )}
        </LabelledField>
        {answered && (
          <div>
            <p class="muted">Saved:</p>
            <p class="saved-text">{saved.reattribution}</p>
          </div>
        )}
        <div class="form-actions">
          <button type="submit" class="button button-secondary" disabled={busy}>
            {answered ? "Save changes" : "Save my second look"}
          </button>
          {!answered && (
            <button
              type="button"
              class="button button-quiet"
              disabled={busy}
              onClick={() => send({ dismiss: props.prompts.map((p) => p.flag) })}
            >
              Not now
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
