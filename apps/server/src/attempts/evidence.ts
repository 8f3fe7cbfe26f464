import { type AttributionInput, analyzeAttribution, isoDay } from "@cando/core";
import type { AttemptRow, EvidenceRow, GoalRow, StepRow } from "@cando/storage";

/**
 * The evidence a debriefed success becomes: titled by its step, in the person's own words, owned
 * in proportion to the internal causes they credited. Built once, when the success is debriefed
 * (or corrected into a success); later edits are the person's own.
 */
export function evidenceOfSuccess(args: {
  id: string;
  attempt: AttemptRow;
  goal: GoalRow;
  step: StepRow;
  debrief: { didWell: string; capability: string; attributions: AttributionInput };
  now: string;
}): EvidenceRow {
  const { attempt, goal, step, debrief, now } = args;
  const internal = analyzeAttribution("done", debrief.attributions).internal;
  return {
    id: args.id,
    userId: attempt.userId,
    source: "attempt",
    attemptId: attempt.id,
    domainId: goal.domainId,
    goalId: goal.id,
    stepId: step.id,
    title: step.title,
    body: [debrief.didWell, debrief.capability].filter((t) => t.length > 0).join("\n\n"),
    occurredOn: isoDay(new Date(attempt.attemptedAt)),
    ownership: internal === null ? 100 : Math.round(internal * 100),
    effort: attempt.effort,
    reattribution: null,
    createdAt: now,
    updatedAt: now,
  };
}
