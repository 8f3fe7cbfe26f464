import { type LadderModel, type LadderStepState, predictLadder } from "./ladder-model";
import { type MasteryOptions, masteryOf } from "./mastery";
import { logit, percent } from "./math";

/** Target success probability: "challenging yet achievable", between Math Garden's 0.75 and the 85% rule (Wilson et al. 2019). */
export const RECOMMEND_TARGET = 0.8;
/** Suggest a split after this many setbacks in a row on the current step (at most 3 are kept) … */
export const SPLIT_AFTER_SETBACKS = 3;
/** … when its predicted success is below this … */
export const SPLIT_BELOW = 0.5;
/** … and the step before it is already predicted at this or more (nothing lies in between). */
export const SPLIT_GAP_ABOVE = 0.9;

export type RecommendationAction =
  | "repeat"
  | "step_up"
  | "step_back"
  | "skip_ahead"
  | "split"
  | "goal_reached";

export type Recommendation = {
  action: RecommendationAction;
  /** The step to attempt next (for "goal_reached", the goal step). */
  stepId: string;
  stepIndex: number;
  predictedSuccess: number;
  target: number;
  /** The step the recommendation is relative to: the last attempted one, or the first. */
  currentStepId: string;
  currentPredictedSuccess: number;
  /** For "split": the step to add a smaller step before; otherwise null. */
  splitStepId: string | null;
  /** Plain-language reason with the numbers, for the app to show. */
  reason: string;
};

export type RecommendOptions = {
  target?: number;
  splitAfterSetbacks?: number;
  splitBelow?: number;
  splitGapAbove?: number;
  mastery?: MasteryOptions;
  /** Names to use in the reason (step id → title); "step N" otherwise. */
  stepLabels?: Readonly<Record<string, string>>;
};

/** Before any attempt, a step may be skipped only if the person rated it at least this. */
export const SKIP_UNTRIED_MIN_RATING = 90;

/**
 * Recommends the next step: the unmastered step whose predicted success is closest to the target
 * (default 0.8), named as repeat / step up / step back / skip ahead relative to the current step;
 * "split" after repeated setbacks on a step well below target right above an easy one (practise
 * the step below meanwhile); and "goal_reached" once the last step is mastered. It never
 * contradicts itself: right after a success it never moves down; before any attempt it never
 * skips a step the person rated below 90; a mastered step is only suggested again after repeated
 * setbacks on the current step (the split), and the reason says so with the counts.
 */
export function recommendNext(model: LadderModel, options: RecommendOptions = {}): Recommendation {
  const target = options.target ?? RECOMMEND_TARGET;
  const splitAfter = Math.min(options.splitAfterSetbacks ?? SPLIT_AFTER_SETBACKS, 3);
  const steps = model.steps;
  const ps = predictLadder(model).map((x) => x.predictedSuccess);
  const found = steps.findIndex((s) => s.id === model.currentStepId);
  const ctx: Context = { model, options, ps, target, current: Math.max(found, 0) };
  const c = ctx.current;
  const goal = steps.length - 1;

  const goalMastery = masteryOf(steps[goal] ?? emptyStep, at(ps, goal), options.mastery);
  if (goalMastery.mastered) {
    const how =
      goalMastery.decidedBy === "override"
        ? "you marked it mastered"
        : `predicted success ${percent(at(ps, goal))}, ${goalMastery.recentDone} of your last 3 attempts done`;
    return build(
      ctx,
      "goal_reached",
      goal,
      `You have reached your goal (${how}). Celebrate it, then keep it up or set a new goal.`,
    );
  }

  // Closest on the logit scale, where equal distances are equal steps of ability: in probability
  // terms 0.92 looks nearer to 0.8 than 0.66 does, yet it is the bigger mismatch.
  const targetLogit = logit(target);
  const untried = model.attempts === 0;
  // Right after a success, moving down would contradict it: only the current step or above.
  const lowest = model.currentStepId !== null && steps[c]?.recent.at(-1) === "done" ? c : 0;
  // Before any attempt, the steps the person did not rate 90 or more are not skipped.
  let highest = goal;
  if (untried) {
    highest = steps.findIndex((s) => !s.override && (s.rating ?? 0) < SKIP_UNTRIED_MIN_RATING);
    if (highest < 0) highest = goal;
  }
  let k = goal;
  let best = Infinity;
  for (let i = lowest; i <= highest; i++) {
    const step = steps[i];
    if (!step || masteryOf(step, at(ps, i), options.mastery).mastered) continue;
    const distance = Math.abs(logit(at(ps, i)) - targetLogit);
    if (distance < best) {
      best = distance;
      k = i;
    }
  }
  const closest = `predicted success ${percent(at(ps, k))}, the closest to your ${percent(target)} target`;

  const setbacks = (steps[c]?.recent ?? []).slice(-splitAfter);
  if (
    setbacks.length >= splitAfter &&
    setbacks.every((o) => o === "not_yet") &&
    at(ps, c) < (options.splitBelow ?? SPLIT_BELOW) &&
    (c === 0 ||
      at(ps, c - 1) >= (options.splitGapAbove ?? SPLIT_GAP_ABOVE) ||
      masteryOf(steps[c - 1] ?? emptyStep, at(ps, c - 1), options.mastery).mastered)
  ) {
    const gap =
      c === 0
        ? "it is the first step"
        : at(ps, c - 1) >= (options.splitGapAbove ?? SPLIT_GAP_ABOVE)
          ? `${label(ctx, c - 1)} is already at ${percent(at(ps, c - 1))}`
          : `${label(ctx, c - 1)} is already mastered`;
    // Meanwhile consolidate on the step below (not the failing one); on the first step, nothing
    // lies below, so the person tries it again once the smaller step is in place.
    const practise = c === 0 ? c : c - 1;
    const meanwhile =
      c === 0
        ? `start with the smaller step, then try ${label(ctx, c)} again`
        : `consolidate with ${label(ctx, practise)} (predicted success ${percent(at(ps, practise))})`;
    return build(
      ctx,
      "split",
      practise,
      `${capitalise(label(ctx, c))} has not gone your way in your last ${splitAfter} attempts (${splitAfter} of ${splitAfter} not yet) and is predicted at ${percent(at(ps, c))}, while ${gap}: add a smaller step before it. Meanwhile, ${meanwhile}.`,
      c,
    );
  }

  if (k === c && !untried) {
    return build(ctx, "repeat", k, `Repeat ${label(ctx, k)}: ${closest}.`);
  }
  if (untried) {
    const easy =
      k === 0
        ? ""
        : ` You rated ${k === 1 ? label(ctx, 0) : `${label(ctx, 0)} to ${label(ctx, k - 1)}`} at ${SKIP_UNTRIED_MIN_RATING}% or more: easy wins do not build belief.`;
    return build(
      ctx,
      k === 0 ? "repeat" : k === 1 ? "step_up" : "skip_ahead",
      k,
      `Start with ${label(ctx, k)}: ${closest}.${easy}`,
    );
  }
  if (k === c + 1) {
    return build(
      ctx,
      "step_up",
      k,
      `Step up to ${label(ctx, k)}: ${closest} (${label(ctx, c)} is now at ${percent(at(ps, c))}).`,
    );
  }
  if (k > c + 1) {
    let lowestP = 1;
    for (let i = c + 1; i < k; i++) lowestP = Math.min(lowestP, at(ps, i));
    const one = k === c + 2;
    const between = one ? label(ctx, c + 1) : `${label(ctx, c + 1)} to ${label(ctx, k - 1)}`;
    const mastered = steps
      .slice(c + 1, k)
      .every((s, j) => masteryOf(s, at(ps, c + 1 + j), options.mastery).mastered);
    return build(
      ctx,
      "skip_ahead",
      k,
      mastered
        ? `Skip ahead to ${label(ctx, k)}: ${closest}. ${capitalise(between)} ${one ? "is" : "are"} already mastered.`
        : `Skip ahead to ${label(ctx, k)}: ${closest}. ${capitalise(between)} ${one ? "is" : "are"} predicted at ${percent(lowestP)} or more, and easy wins do not build belief.`,
    );
  }
  return build(
    ctx,
    "step_back",
    k,
    `Step back to ${label(ctx, k)}: ${closest}; ${label(ctx, c)} is at ${percent(at(ps, c))} for now.`,
  );
}

// Helpers are plain functions at module level: recommendNext runs once per attempt in the
// simulator and in lists, so it avoids building closures on every call.

type Context = {
  model: LadderModel;
  options: RecommendOptions;
  ps: readonly number[];
  target: number;
  current: number;
};

const emptyStep: LadderStepState = {
  id: "",
  rating: null,
  difficulty: 0,
  variance: 1,
  attempts: 0,
  recent: [],
  mastered: false,
  override: null,
};

function at(ps: readonly number[], i: number): number {
  return ps[i] ?? 0;
}

function label(ctx: Context, i: number): string {
  const id = ctx.model.steps[i]?.id ?? "";
  return ctx.options.stepLabels?.[id] ?? `step ${i + 1}`;
}

function build(
  ctx: Context,
  action: RecommendationAction,
  k: number,
  reason: string,
  split: number | null = null,
): Recommendation {
  const steps = ctx.model.steps;
  return {
    action,
    stepId: steps[k]?.id ?? "",
    stepIndex: k,
    predictedSuccess: at(ctx.ps, k),
    target: ctx.target,
    currentStepId: steps[ctx.current]?.id ?? "",
    currentPredictedSuccess: at(ctx.ps, ctx.current),
    splitStepId: split === null ? null : (steps[split]?.id ?? null),
    reason,
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A smaller step to add before a step that keeps failing: where it goes and a suggested rating. */
export type SplitSuggestion = {
  /** The step the new one goes right before. */
  beforeStepId: string;
  /** The step it comes right after (null when it becomes the first step). */
  afterStepId: string | null;
  /** A confidence to start from (0–100, steps of 10): the success predicted midway between the two. */
  suggestedConfidence: number;
};

/**
 * Where a smaller step goes when `stepId` keeps failing, and the confidence to suggest for it:
 * midway (in logits) between the step below and the failing one, so it is a real stretch from the
 * step below and a real help towards the next; for the first step, one logit easier than it.
 */
export function suggestSplit(model: LadderModel, stepId: string): SplitSuggestion {
  const ps = predictLadder(model);
  const i = ps.findIndex((x) => x.stepId === stepId);
  const here = logit(ps[i]?.predictedSuccess ?? 0.5);
  const below = i > 0 ? logit(ps[i - 1]?.predictedSuccess ?? 0.5) : here + 2;
  const mid = 100 / (1 + Math.exp(-(here + below) / 2));
  return {
    beforeStepId: ps[i]?.stepId ?? stepId,
    afterStepId: i > 0 ? (ps[i - 1]?.stepId ?? null) : null,
    suggestedConfidence: Math.min(90, Math.max(10, Math.round(mid / 10) * 10)),
  };
}
