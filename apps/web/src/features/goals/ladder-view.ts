import type { AttemptSummary, LadderView, Step, StepRating } from "@cando/core";
import { OUTCOME_LABELS } from "@cando/core/constants";

type Scale = LadderView["scale"];

export type ScaleLine = { name: string; value: string; meaning: string };

/** The ladder's efficacy scale (Bandura's format), one plain line per measure. */
export function scaleLines(scale: Scale): ScaleLine[] {
  const whole = (n: number | null) => (n === null ? "–" : String(Math.round(n)));
  return [
    {
      name: "Strength",
      value: whole(scale.strength),
      meaning:
        scale.strength === null
          ? "The mean of your confidence ratings, once you rate a step."
          : `The mean of your confidence ratings over ${scale.rated} rated ${scale.rated === 1 ? "step" : "steps"}.`,
    },
    {
      name: "Level",
      value: `${scale.level} of ${scale.steps}`,
      meaning: `How many steps you rated ${scale.cutoff} or more: moderately certain you can do them or better.`,
    },
    {
      name: "Composite",
      value: whole(scale.composite),
      meaning:
        scale.composite === null
          ? `The mean confidence over the steps rated ${scale.cutoff} or more, once there are some.`
          : `The mean confidence over the steps rated ${scale.cutoff} or more.`,
    },
  ];
}

export type MasteryAction = { label: string; mastered: boolean | null };

/**
 * The mastery choices that change something for this step. The rule decides unless the person
 * overrides it; an override can always go back to the rule.
 */
export function masteryActions(step: Pick<Step, "mastered" | "masteredOverride">): MasteryAction[] {
  const actions: MasteryAction[] = [];
  if (step.masteredOverride !== true && !step.mastered) {
    actions.push({ label: "Mark mastered", mastered: true });
  }
  if (step.masteredOverride !== false && step.mastered) {
    actions.push({ label: "Mark not mastered", mastered: false });
  }
  if (step.masteredOverride !== null) actions.push({ label: "Back to the rule", mastered: null });
  return actions;
}

/** How a step's mastery was decided, in words, for the badge beside it. */
export function masteryNote(step: Pick<Step, "mastered" | "masteredOverride">): string | null {
  if (step.masteredOverride === true) return "Mastered (your call)";
  if (step.masteredOverride === false) return "Not mastered (your call)";
  return step.mastered ? "Mastered" : null;
}

/** A step's confidence ratings, oldest first. */
export function ratingsOf(ratings: StepRating[], stepId: string): StepRating[] {
  return ratings
    .filter((r) => r.stepId === stepId)
    .sort((a, b) => (a.ratedAt < b.ratedAt ? -1 : a.ratedAt > b.ratedAt ? 1 : 0));
}

export type AttemptRow = {
  id: string;
  attemptedAt: string;
  stepTitle: string;
  outcome: string;
  debriefed: boolean;
};

/** A goal's attempts for the list under the ladder: newest first, with the step's title. */
export function attemptRows(attempts: AttemptSummary[], steps: Step[]): AttemptRow[] {
  const titles = new Map(steps.map((s) => [s.id, s.title]));
  return attempts
    .slice()
    .sort((a, b) => (a.attemptedAt < b.attemptedAt ? 1 : a.attemptedAt > b.attemptedAt ? -1 : 0))
    .map((a) => ({
      id: a.id,
      attemptedAt: a.attemptedAt,
      stepTitle: titles.get(a.stepId) ?? "A removed step",
      outcome: OUTCOME_LABELS[a.outcome],
      debriefed: a.debriefed,
    }));
}

/** Where a new step can go: before step 1, after each step (the end last, and the default). */
export function positionOptions(steps: Pick<Step, "title">[]): { value: string; label: string }[] {
  const options = [{ value: "0", label: "At the start (easiest)" }];
  steps.forEach((step, i) => {
    if (i === steps.length - 1) return;
    options.push({ value: String(i + 1), label: `After step ${i + 1}: ${step.title}` });
  });
  options.push({ value: String(steps.length), label: "At the end (hardest)" });
  return options;
}
