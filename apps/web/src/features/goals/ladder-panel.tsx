import type { Goal, LadderView, Milestone, Step, StepRating, StepRoleModel } from "@cando/core";
import { LADDER_MAX_STEPS, LADDER_MIN_STEPS } from "@cando/core/constants";
import type { ComponentChildren } from "preact";
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { ApiError, api, errorMessage } from "../../api/client";
import { ConfidenceSelect } from "../../ui/confidence-select";
import { formatPlainDay } from "../../ui/days";
import { Disclosure, isWide } from "../../ui/disclosure";
import { ErrorSummary } from "../../ui/feedback";
import { SelectField } from "../../ui/fields";
import { formatDay } from "../../ui/format";
import { actionHeadline, percent } from "../../ui/ladder-words";
import { Menu } from "../../ui/menu";
import { PercentBar } from "../../ui/percent-bar";
import { SplitFlow } from "../advice/split-flow";
import { PredictionWhy, TargetWhy, Why } from "../advice/why";
import { startPath } from "../prepare/prepare";
import { byStep } from "../role-models/role-model-words";
import { StepRoleModels } from "../role-models/step-role-models";
import type { LadderResponse, StepRemoveResponse, StepUpdateResponse } from "./api-types";
import { useFocusLater } from "./focus-later";
import { placeFieldProblems } from "./goal-form";
import { dropIndex, moveAnnouncement, moveItem, reorderedIds } from "./ladder-order";
import { masteryActions, masteryNote, positionOptions, ratingsOf, scaleLines } from "./ladder-view";
import { StepFields, type StepValues } from "./step-fields";

type Props = {
  goal: Goal;
  ladder: LadderView;
  ratings: StepRating[];
  /** Who did the steps (the goal page's overview). */
  roleModels: StepRoleModel[];
  /** A new ladder from the API (and, after a re-rating, the rating to add to the history). */
  onLadder: (ladder: LadderView, rating?: StepRating) => void;
  /** Goes to the celebration view when there are milestones; says whether it did. */
  onMilestones: (milestones: Milestone[]) => boolean;
  /** Said in the live region when the panel first appears (after the ladder is built). */
  announce?: string;
};

type Drag = { from: number; to: number; dy: number };

const stepPath = (stepId: string) => `/api/steps/${encodeURIComponent(stepId)}`;

/** The goal's ladder: ordered steps with predictions, the recommendation, the efficacy scale. */
export function LadderPanel(props: Props) {
  const { goal, ladder } = props;
  const [announcement, setAnnouncement] = useState("");
  // Set after the first paint, so the live region exists before it speaks.
  useEffect(() => {
    if (props.announce) setAnnouncement(props.announce);
  }, []);
  const [problem, setProblem] = useState<string | null>(null);
  const setFocusId = useFocusLater();
  const [drag, setDrag] = useState<Drag | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const moveSeq = useRef(0);

  const rec = ladder.recommendation;
  const recStep = rec ? ladder.steps.find((s) => s.id === rec.stepId) : undefined;

  function report(message: string, focus?: string) {
    setProblem(null);
    setAnnouncement(message);
    if (focus) setFocusId(focus);
  }

  async function move(from: number, to: number, via?: "up" | "down") {
    const ids = ladder.steps.map((s) => s.id);
    const next = reorderedIds(ids, from, to);
    const step = ladder.steps[from];
    if (next === null || step === undefined) return;
    const target = next.indexOf(step.id);
    const before = ladder;
    props.onLadder({ ...ladder, steps: moveItem(ladder.steps, from, target) });
    // Focus stays on the moved step: on the same button, or the other one at the ends.
    let focus: string | undefined;
    if (via === "up") focus = target === 0 ? `move-down-${step.id}` : `move-up-${step.id}`;
    if (via === "down")
      focus = target === ids.length - 1 ? `move-up-${step.id}` : `move-down-${step.id}`;
    report(moveAnnouncement(step.title, target + 1, ids.length), focus);
    const seq = ++moveSeq.current;
    try {
      const body = await api.put<LadderResponse>(
        `/api/goals/${encodeURIComponent(goal.id)}/ladder/order`,
        { stepIds: next },
      );
      if (seq === moveSeq.current) props.onLadder(body.ladder);
    } catch (error) {
      if (seq !== moveSeq.current) return;
      props.onLadder(before);
      setAnnouncement("");
      setProblem(`The new order was not saved. ${errorMessage(error)}`);
    }
  }

  /** Pointer dragging by a step's handle: mouse, pen and touch alike. */
  function startDrag(event: PointerEvent, from: number) {
    if (event.button !== 0 || list.current === null) return;
    event.preventDefault();
    const handle = event.currentTarget as HTMLElement;
    handle.setPointerCapture(event.pointerId);
    const middles = Array.from(list.current.children).map((el) => {
      const box = el.getBoundingClientRect();
      return box.top + box.height / 2;
    });
    const startY = event.clientY;
    let to = from;
    setDrag({ from, to, dy: 0 });
    const onMove = (e: PointerEvent) => {
      to = dropIndex(middles, from, e.clientY);
      setDrag({ from, to, dy: e.clientY - startY });
    };
    const finish = (commit: boolean) => () => {
      handle.removeEventListener("pointermove", onMove);
      handle.removeEventListener("pointerup", onUp);
      handle.removeEventListener("pointercancel", onCancel);
      setDrag(null);
      if (commit) void move(from, to);
    };
    const onUp = finish(true);
    const onCancel = finish(false);
    handle.addEventListener("pointermove", onMove);
    handle.addEventListener("pointerup", onUp);
    handle.addEventListener("pointercancel", onCancel);
  }

  async function act<T extends { ladder: LadderView }>(
    call: () => Promise<T>,
    done: (body: T) => void,
  ): Promise<boolean> {
    try {
      const body = await call();
      const milestones = (body as { milestones?: Milestone[] }).milestones ?? [];
      if (props.onMilestones(milestones)) return true;
      props.onLadder(body.ladder);
      done(body);
      return true;
    } catch (error) {
      setAnnouncement("");
      setProblem(errorMessage(error));
      return false;
    }
  }

  const roleModels = useMemo(() => byStep(props.roleModels), [props.roleModels]);
  const ctx: StepContext = {
    roleModels,
    goalId: goal.id,
    target: ladder.target,
    total: ladder.steps.length,
    ratings: props.ratings,
    startDrag,
    move,
    setMastered: (step, mastered) =>
      act(
        () => api.patch<StepUpdateResponse>(stepPath(step.id), { mastered }),
        () =>
          report(
            mastered === null
              ? `“${step.title}” follows the mastery rule again.`
              : `“${step.title}” is marked ${mastered ? "mastered" : "not mastered"}.`,
            `step-title-${step.id}`,
          ),
      ),
    edit: async (step, body) => {
      const saved = await api.patch<StepUpdateResponse>(stepPath(step.id), body);
      props.onLadder(saved.ladder);
      report(
        `“${saved.ladder.steps.find((s) => s.id === step.id)?.title ?? step.title}” is saved.`,
      );
    },
    rate: async (step, confidence) => {
      const saved = await api.post<LadderResponse>(`${stepPath(step.id)}/ratings`, { confidence });
      props.onLadder(saved.ladder, {
        stepId: step.id,
        confidence,
        ratedAt: new Date().toISOString(),
      });
      report(`Your confidence in “${step.title}” is now ${confidence}.`);
    },
    remove: (step) =>
      act(
        () => api.delete<StepRemoveResponse>(stepPath(step.id)),
        (body) =>
          report(
            body.archived
              ? `“${step.title}” is archived with its history.`
              : `“${step.title}” is removed.`,
            "ladder-heading",
          ),
      ),
  };

  return (
    <>
      <section class="ladder-section" aria-labelledby="ladder-heading">
        <h2 id="ladder-heading" tabIndex={-1}>
          Your ladder
        </h2>
        <p class="muted">
          Easiest first, up to the goal itself.
          <span class="wide-only">
            {" "}
            Drag a step by its handle, or use its arrow buttons, to change the order.
          </span>
        </p>
        {ladder.firstStepWarning !== null && (
          <p class="notice notice-warning">{ladder.firstStepWarning}</p>
        )}
        {ladder.scale.ceiling && (
          <p class="notice notice-warning">
            Most of your steps are rated 90 or more. Easy wins do not build belief: add a harder
            step or two, closer to the goal.
          </p>
        )}
        {rec && recStep && (
          <p class="recommend-line">
            <span class="recommend-label">Recommended next:</span>{" "}
            <a href={`#step-${recStep.id}`}>
              {actionHeadline(rec.action, recStep.title, recStep.attemptCount > 0)}
            </a>{" "}
            ({percent(rec.predictedSuccess)} predicted success)
          </p>
        )}
        {rec && recStep && (
          <div class="recommend-why">
            <p class="recommend-reason">{rec.reason}</p>
            <PredictionWhy step={recStep} target={ladder.target} />
            <TargetWhy
              target={ladder.target}
              onChange={() => {
                api
                  .get<{ ladder: LadderView }>(`/api/goals/${encodeURIComponent(goal.id)}`)
                  .then((body) => props.onLadder(body.ladder))
                  .catch(() => {
                    // The saved target shows on the next visit.
                  });
              }}
            />
          </div>
        )}
        <SplitFlow
          goalId={goal.id}
          ladder={ladder}
          onLadder={(next, title) => {
            props.onLadder(next);
            report(`“${title}” is added to your ladder before the step that kept failing.`);
          }}
        />
        <ProblemNotice message={problem} />
        <p class="status-line" role="status">
          {announcement}
        </p>
        <ol class={drag ? "ladder ladder-dragging" : "ladder"} ref={list}>
          {ladder.steps.map((step, index) => (
            <StepItem
              key={step.id}
              step={step}
              index={index}
              ctx={ctx}
              recommendation={rec && rec.stepId === step.id ? rec : null}
              dropMark={dropMark(drag, index)}
              dragOffset={drag && drag.from === index ? drag.dy : null}
            />
          ))}
        </ol>
        {ladder.steps.length < LADDER_MAX_STEPS ? (
          <AddStepForm
            goalId={goal.id}
            steps={ladder.steps}
            onAdded={(next, title) => {
              const known = new Set(ladder.steps.map((s) => s.id));
              const added = next.steps.find((s) => !known.has(s.id));
              props.onLadder(next);
              report(
                `“${title}” is added to your ladder.`,
                added ? `step-title-${added.id}` : undefined,
              );
            }}
          />
        ) : (
          <p class="muted">
            This ladder has the most steps a ladder can have ({LADDER_MAX_STEPS}).
          </p>
        )}
      </section>
      <ScaleCard scale={ladder.scale} />
      {ladder.archivedSteps.length > 0 && <ArchivedSteps steps={ladder.archivedSteps} />}
    </>
  );
}

/** A problem with the ladder or a step's form: announced and focused; nothing when none. */
function ProblemNotice(props: { message: string | null }) {
  if (props.message === null) return null;
  return (
    <ErrorSummary focus>
      <p>{props.message}</p>
    </ErrorSummary>
  );
}

function dropMark(drag: Drag | null, index: number): "before" | "after" | null {
  if (drag === null || drag.to === drag.from || index !== drag.to) return null;
  return drag.to < drag.from ? "before" : "after";
}

type StepEdit = { title?: string; description?: string; plannedDate?: string | null };

type StepContext = {
  /** Who did each step (role models), by step id. */
  roleModels: Map<string, StepRoleModel[]>;
  goalId: string;
  target: number;
  total: number;
  ratings: StepRating[];
  startDrag: (event: PointerEvent, index: number) => void;
  move: (from: number, to: number, via?: "up" | "down") => Promise<void>;
  setMastered: (step: Step, mastered: boolean | null) => Promise<boolean>;
  edit: (step: Step, body: StepEdit) => Promise<void>;
  rate: (step: Step, confidence: number) => Promise<void>;
  remove: (step: Step) => Promise<boolean>;
};

function StepItem(props: {
  step: Step;
  index: number;
  ctx: StepContext;
  recommendation: LadderView["recommendation"];
  dropMark: "before" | "after" | null;
  dragOffset: number | null;
}) {
  const { step, index, ctx } = props;
  const [mode, setMode] = useState<PanelMode | null>(null);
  const setFocusId = useFocusLater();
  /** Closes a panel; focus goes back to the menu its button was in. */
  const close = (_panel: PanelMode) => {
    setMode(null);
    setFocusId(moreButtonId(step.id));
  };
  const history = ratingsOf(ctx.ratings, step.id);
  const previous = history.length > 1 ? history[history.length - 2] : undefined;
  const badge = masteryNote(step);
  const rec = props.recommendation;
  const classes = [
    "step",
    rec ? "step-recommended" : "",
    step.mastered ? "step-mastered" : "",
    props.dragOffset !== null ? "step-dragged" : "",
    props.dropMark ? `step-drop-${props.dropMark}` : "",
  ]
    .filter(Boolean)
    .join(" ");

  return (
    <li
      class={classes}
      id={`step-${step.id}`}
      style={
        props.dragOffset !== null ? { transform: `translateY(${props.dragOffset}px)` } : undefined
      }
    >
      <div class="step-order">
        <span
          class="drag-handle"
          aria-hidden="true"
          title="Drag to reorder"
          onPointerDown={(e) => ctx.startDrag(e, index)}
        >
          <svg viewBox="0 0 12 20" width="12" height="20" aria-hidden="true">
            <circle cx="3" cy="4" r="1.6" />
            <circle cx="9" cy="4" r="1.6" />
            <circle cx="3" cy="10" r="1.6" />
            <circle cx="9" cy="10" r="1.6" />
            <circle cx="3" cy="16" r="1.6" />
            <circle cx="9" cy="16" r="1.6" />
          </svg>
        </span>
        <span class="step-number" aria-hidden="true">
          {index + 1}
        </span>
        <MoveButton step={step} index={index} direction="up" ctx={ctx} />
        <MoveButton step={step} index={index} direction="down" ctx={ctx} />
      </div>
      <div class="step-body">
        <h3 class="step-title" id={`step-title-${step.id}`} tabIndex={-1}>
          <span class="visually-hidden">Step {index + 1}: </span>
          {step.title}
        </h3>
        {(rec || badge) && (
          <p class="step-badges">
            {rec && <span class="tag tag-recommended">Recommended next</span>}
            {badge && (
              <span class={step.mastered ? "tag tag-mastered" : "tag tag-plain"}>{badge}</span>
            )}
          </p>
        )}
        {step.description !== "" && <p class="step-description">{step.description}</p>}
        <dl class="step-facts">
          <div>
            <dt>Confidence</dt>
            <dd>
              {step.confidence === null ? "Not rated" : step.confidence}
              {previous && <span class="muted"> (was {previous.confidence})</span>}
            </dd>
          </div>
          <div>
            <dt>Predicted success</dt>
            <dd>
              {percent(step.predictedSuccess)} <PercentBar value={step.predictedSuccess} />
              <PredictionWhy step={step} target={ctx.target} />
            </dd>
          </div>
          <div>
            <dt>Attempts</dt>
            <dd>
              {step.attemptCount === 0
                ? "None yet"
                : `${step.attemptCount}, ${step.successCount} done`}
            </dd>
          </div>
          <div>
            <dt>Planned</dt>
            <dd>{step.plannedDate === null ? "No date" : formatPlainDay(step.plannedDate)}</dd>
          </div>
        </dl>
        {rec && <p class="step-reason">{rec.reason}</p>}
        <StepRoleModels entries={ctx.roleModels.get(step.id)} />
        <div class="step-actions">
          <a
            class={rec ? "button button-small" : "button button-small button-secondary"}
            href={startPath(ctx.goalId, step.id)}
          >
            Start an attempt<span class="visually-hidden">: {step.title}</span>
          </a>
          <Menu
            id={moreButtonId(step.id)}
            label="More"
            name={`More for “${step.title}”`}
            buttonClass="button button-quiet button-small menu-button"
            align="start"
          >
            <PanelButton panel="edit" step={step} open={mode} onToggle={setMode} />
            <PanelButton panel="rate" step={step} open={mode} onToggle={setMode} />
            {masteryActions(step).map((action) => (
              <button
                type="button"
                key={action.label}
                onClick={() => ctx.setMastered(step, action.mastered)}
              >
                {action.label}
                <span class="visually-hidden">: “{step.title}”</span>
              </button>
            ))}
            <PanelButton panel="remove" step={step} open={mode} onToggle={setMode} />
          </Menu>
        </div>
        {mode === "edit" && (
          <EditStepForm
            step={step}
            save={(body) => ctx.edit(step, body)}
            onDone={() => close("edit")}
          />
        )}
        {mode === "rate" && (
          <RerateForm
            step={step}
            history={history}
            save={(confidence) => ctx.rate(step, confidence)}
            onDone={() => close("rate")}
          />
        )}
        {mode === "remove" && (
          <RemoveStep
            step={step}
            total={ctx.total}
            remove={() => ctx.remove(step)}
            onCancel={() => close("remove")}
          />
        )}
      </div>
    </li>
  );
}

type PanelMode = "edit" | "rate" | "remove";

const PANEL_LABELS: Record<PanelMode, string> = { edit: "Edit", rate: "Re-rate", remove: "Remove" };

/** The id of the button that opens a step's panel (in the step's "More" menu). */
const panelButtonId = (panel: PanelMode, stepId: string) => `step-${panel}-${stepId}`;

/** The id of a step's "More" menu button; focus returns to it when a panel closes. */
const moreButtonId = (stepId: string) => `step-more-${stepId}`;

/** Opens (or closes) one of a step's panels: edit, re-rate, remove. */
function PanelButton(props: {
  panel: PanelMode;
  step: Step;
  open: PanelMode | null;
  onToggle: (panel: PanelMode | null) => void;
}) {
  const { panel, step } = props;
  return (
    <button
      type="button"
      id={panelButtonId(panel, step.id)}
      class={panel === "remove" ? "menu-danger" : undefined}
      aria-expanded={props.open === panel}
      onClick={() => props.onToggle(props.open === panel ? null : panel)}
    >
      {PANEL_LABELS[panel]}
      <span class="visually-hidden"> “{step.title}”</span>
    </button>
  );
}

/** Moves a step one place up or down the ladder, by keyboard or click. */
function MoveButton(props: {
  step: Step;
  index: number;
  direction: "up" | "down";
  ctx: StepContext;
}) {
  const { step, index, direction, ctx } = props;
  const up = direction === "up";
  return (
    <button
      type="button"
      class="move-button"
      id={`move-${direction}-${step.id}`}
      disabled={up ? index === 0 : index === ctx.total - 1}
      onClick={() => ctx.move(index, up ? index - 1 : index + 1, direction)}
    >
      <span aria-hidden="true">{up ? "↑" : "↓"}</span>
      <span class="visually-hidden">
        Move “{step.title}” {direction}
      </span>
    </button>
  );
}

/** A form opened under a step (edit, re-rate): its fields, then save and cancel. */
function StepPanelForm(props: {
  busy: boolean;
  submitLabel: string;
  onSubmit: (event: Event) => void;
  onCancel: () => void;
  children: ComponentChildren;
}) {
  return (
    <form class="step-panel stack" onSubmit={props.onSubmit} noValidate aria-busy={props.busy}>
      {props.children}
      <div class="form-actions">
        <button type="submit" class="button button-small" disabled={props.busy}>
          {props.submitLabel}
        </button>
        <button type="button" class="button button-secondary button-small" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

const STEP_FIELDS = { title: "Title", description: "Details", plannedDate: "Planned date" };
type StepField = keyof typeof STEP_FIELDS;

/**
 * The API's problems with a step, on its fields; the error itself goes in the summary unless
 * every problem found its field.
 */
function stepProblems(error: unknown): {
  byField: Partial<Record<StepField, string>>;
  other: string | null;
} {
  const placed = error instanceof ApiError ? placeFieldProblems(error.fields, STEP_FIELDS) : null;
  return {
    byField: placed?.byField ?? {},
    other:
      placed && Object.keys(placed.byField).length > 0 && placed.other.length === 0
        ? null
        : errorMessage(error),
  };
}

function EditStepForm(props: {
  step: Step;
  save: (body: StepEdit) => Promise<void>;
  onDone: () => void;
}) {
  const { step } = props;
  const [draft, setDraft] = useState<StepValues>({
    title: step.title,
    description: step.description,
    plannedDate: step.plannedDate ?? "",
  });
  const [errors, setErrors] = useState<Partial<Record<StepField, string>>>({});
  const [other, setOther] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.select(), []);

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    if (draft.title.trim() === "") {
      setErrors({ title: "Give the step a title." });
      first.current?.focus();
      return;
    }
    setBusy(true);
    try {
      await props.save({
        title: draft.title.trim(),
        description: draft.description.trim(),
        plannedDate: draft.plannedDate === "" ? null : draft.plannedDate,
      });
      props.onDone();
    } catch (error) {
      const found = stepProblems(error);
      setErrors(found.byField);
      setOther(found.other);
      setBusy(false);
      first.current?.focus();
    }
  }

  return (
    <StepPanelForm busy={busy} submitLabel="Save step" onSubmit={submit} onCancel={props.onDone}>
      <ProblemNotice message={other} />
      <StepFields
        id={(field) => `edit-${step.id}-${field}`}
        step={draft}
        errors={errors}
        onChange={(field, value) => setDraft((d) => ({ ...d, [field]: value }))}
        titleLabel="Title"
        titleRef={first}
      />
    </StepPanelForm>
  );
}

function RerateForm(props: {
  step: Step;
  history: StepRating[];
  save: (confidence: number) => Promise<void>;
  onDone: () => void;
}) {
  const { step } = props;
  const [value, setValue] = useState<number | null>(step.confidence);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const selectId = `rate-${step.id}`;
  useEffect(() => document.getElementById(selectId)?.focus(), [selectId]);

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    if (value === null) {
      setError("Choose how certain you are now.");
      document.getElementById(selectId)?.focus();
      return;
    }
    setBusy(true);
    try {
      await props.save(value);
      props.onDone();
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
      document.getElementById(selectId)?.focus();
    }
  }

  return (
    <StepPanelForm busy={busy} submitLabel="Save rating" onSubmit={submit} onCancel={props.onDone}>
      <ConfidenceSelect
        id={selectId}
        label={`How certain am I that I can do “${step.title}” now?`}
        value={value}
        onChange={setValue}
        error={error}
      />
      {props.history.length > 0 && (
        <div class="rating-history">
          <p class="rating-history-title">Earlier ratings</p>
          <ul>
            {props.history.map((r) => (
              <li key={r.ratedAt}>
                {r.confidence} <span class="muted">on {formatDay(r.ratedAt)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </StepPanelForm>
  );
}

function RemoveStep(props: {
  step: Step;
  total: number;
  remove: () => Promise<boolean>;
  onCancel: () => void;
}) {
  const { step } = props;
  const [busy, setBusy] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);
  const tooFew = props.total <= LADDER_MIN_STEPS;
  return (
    <div class="step-panel remove-panel" tabIndex={-1} ref={box}>
      {tooFew ? (
        <p>
          A ladder needs at least {LADDER_MIN_STEPS} steps. Add another step before removing this
          one.
        </p>
      ) : step.attemptCount > 0 ? (
        <p>
          “{step.title}” has {step.attemptCount} {step.attemptCount === 1 ? "attempt" : "attempts"},
          so it will be archived with its history, not deleted. It leaves the ladder.
        </p>
      ) : (
        <p>“{step.title}” has no attempts, so it will be deleted.</p>
      )}
      <div class="form-actions">
        {!tooFew && (
          <button
            type="button"
            class="button button-small button-danger"
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              if (!(await props.remove())) setBusy(false);
            }}
          >
            {step.attemptCount > 0 ? "Archive step" : "Delete step"}
          </button>
        )}
        <button type="button" class="button button-secondary button-small" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

const NEW_STEP: StepValues = { title: "", description: "", confidence: null, plannedDate: "" };

function AddStepForm(props: {
  goalId: string;
  steps: Step[];
  onAdded: (ladder: LadderView, title: string) => void;
}) {
  const [draft, setDraft] = useState(NEW_STEP);
  const [position, setPosition] = useState(String(props.steps.length));
  const [errors, setErrors] = useState<Partial<Record<StepField, string>>>({});
  const [other, setOther] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const titleInput = useRef<HTMLInputElement>(null);
  const options = positionOptions(props.steps);
  // A step added elsewhere (or removed) changes where "the end" is.
  useEffect(() => setPosition(String(props.steps.length)), [props.steps.length]);

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    const title = draft.title.trim();
    if (title === "") {
      setErrors({ title: "Give the step a title." });
      titleInput.current?.focus();
      return;
    }
    setBusy(true);
    setOther(null);
    try {
      const body = await api.post<LadderResponse>(
        `/api/goals/${encodeURIComponent(props.goalId)}/steps`,
        {
          title,
          description: draft.description.trim(),
          confidence: draft.confidence ?? null,
          plannedDate: draft.plannedDate === "" ? null : draft.plannedDate,
          position: Number(position),
        },
      );
      setDraft(NEW_STEP);
      setErrors({});
      props.onAdded(body.ladder, title);
    } catch (error) {
      const found = stepProblems(error);
      setErrors(found.byField);
      setOther(found.other);
      titleInput.current?.focus();
    } finally {
      setBusy(false);
    }
  }

  // Open on a laptop, or when a link asked for it (Today's "Add a smaller step"); folded on a phone.
  const open = isWide() || window.location.hash === "#add-step";
  return (
    <Disclosure id="add-step" class="add-step" summary="Add a step" open={open}>
      <p class="muted">
        A step that keeps failing may be too big: add a smaller one just before it.
      </p>
      <form class="stack" onSubmit={submit} noValidate aria-busy={busy}>
        <ProblemNotice message={other} />
        <StepFields
          id={(field) => `new-step-${field}`}
          step={draft}
          errors={errors}
          onChange={(field, value) => {
            setDraft((d) => ({ ...d, [field]: value }));
            if (field === "title" && errors.title) setErrors({ ...errors, title: undefined });
          }}
          titleRef={titleInput}
        />
        <SelectField
          id="new-step-position"
          label="Where on the ladder?"
          value={position}
          options={options}
          onChange={setPosition}
        />
        <div class="form-actions">
          <button type="submit" class="button" disabled={busy}>
            Add step
          </button>
        </div>
      </form>
    </Disclosure>
  );
}

function ScaleCard(props: { scale: LadderView["scale"] }) {
  return (
    <section class="card" aria-labelledby="scale-heading">
      <h2 id="scale-heading">Your efficacy scale</h2>
      <p class="muted">
        Your confidence ratings across the ladder, scored the way Bandura's scales are.
      </p>
      <dl class="scale-lines">
        {scaleLines(props.scale).map((line) => (
          <div key={line.name}>
            <dt>{line.name}</dt>
            <dd>
              <span class="scale-value">{line.value}</span>
              <span class="scale-meaning">{line.meaning}</span>
            </dd>
          </div>
        ))}
      </dl>
      <Why label="Why these numbers?">
        <p>
          These follow Bandura's guide to self-efficacy scales (Bandura 2006). Strength is the
          average of your ratings. Level is how many steps you rate {props.scale.cutoff} or more
          (moderately certain or better). Composite is the average over just those steps, the
          scoring Lee and Bobko (1994) found to predict best. Only rated steps count (
          {props.scale.rated} of {props.scale.steps}).
        </p>
        <p>
          <a href="/how-cando-works">How Cando works</a>
        </p>
      </Why>
    </section>
  );
}

function ArchivedSteps(props: { steps: Step[] }) {
  return (
    <section class="card" aria-labelledby="archived-steps-heading">
      <h2 id="archived-steps-heading">Archived steps</h2>
      <p class="muted">Steps you removed after attempting them: their history stays.</p>
      <ul class="archived-list">
        {props.steps.map((step) => (
          <li key={step.id} class="archived-item">
            <span class="archived-title">{step.title}</span>
            <span class="muted">
              {step.attemptCount} {step.attemptCount === 1 ? "attempt" : "attempts"},{" "}
              {step.successCount} done
              {step.archivedAt !== null && ` · archived ${formatDay(step.archivedAt)}`}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
