import type { Attempt, Outcome } from "@cando/core";
import { fromLocalDateTime, localDateTime } from "../../ui/local-time";
import type { AttemptField } from "./attempt-form";

/** The correct-an-attempt form: every answer is there already, from the attempt as logged. */
export type EditDraft = {
  outcome: Outcome;
  attemptedAt: string;
  confidenceBefore: number | null;
  anxietyBefore: number | null;
  effort: number;
  difficulty: number;
  anxietyAfter: number | null;
  minutes: string;
  note: string;
};

/** The body of `PATCH /api/attempts/:id`: only what changed. */
export type AttemptPatch = Partial<{
  outcome: Outcome;
  attemptedAt: string;
  confidenceBefore: number | null;
  anxietyBefore: number | null;
  effort: number;
  difficulty: number;
  anxietyAfter: number | null;
  minutes: number | null;
  note: string;
}>;

export function draftFromAttempt(attempt: Attempt): EditDraft {
  return {
    outcome: attempt.outcome,
    attemptedAt: localDateTime(new Date(attempt.attemptedAt)),
    confidenceBefore: attempt.confidenceBefore,
    anxietyBefore: attempt.anxietyBefore,
    effort: attempt.effort,
    difficulty: attempt.difficulty,
    anxietyAfter: attempt.anxietyAfter,
    minutes: attempt.minutes === null ? "" : String(attempt.minutes),
    note: attempt.note,
  };
}

/**
 * What the corrected draft changes, or the problems that stop it being sent. A time left as it
 * was shown (to the minute) is not a change, so the stored seconds are kept.
 */
export function editPatch(
  draft: EditDraft,
  attempt: Attempt,
  now: Date,
): { patch: AttemptPatch; problems: Partial<Record<AttemptField, string>> } {
  const problems: Partial<Record<AttemptField, string>> = {};
  const patch: AttemptPatch = {};
  if (draft.outcome !== attempt.outcome) patch.outcome = draft.outcome;
  if (draft.attemptedAt !== localDateTime(new Date(attempt.attemptedAt))) {
    const at = fromLocalDateTime(draft.attemptedAt);
    if (at === null) problems.attemptedAt = "Enter the date and time it happened.";
    else if (at.getTime() > now.getTime()) problems.attemptedAt = "When cannot be in the future.";
    else patch.attemptedAt = at.toISOString();
  }
  for (const key of [
    "confidenceBefore",
    "anxietyBefore",
    "effort",
    "difficulty",
    "anxietyAfter",
  ] as const) {
    if (draft[key] !== attempt[key]) Object.assign(patch, { [key]: draft[key] });
  }
  const minutesText = draft.minutes.trim();
  const minutes = minutesText === "" ? null : /^\d+$/.test(minutesText) ? Number(minutesText) : NaN;
  if (Number.isNaN(minutes) || (minutes !== null && minutes > 1440)) {
    problems.minutes = "Time spent must be a whole number of minutes, from 0 to 1440.";
  } else if (minutes !== attempt.minutes) {
    patch.minutes = minutes;
  }
  if (draft.note.length > 2000) problems.note = "Note must be at most 2000 characters.";
  else if (draft.note.trim() !== attempt.note) patch.note = draft.note.trim();
  return { patch, problems };
}

/** What deleting an attempt takes with it, in words, for the confirmation. */
export function deletionConsequences(attempt: Attempt, evidenceTitle: string | null): string[] {
  const lines: string[] = [];
  if (attempt.debrief !== null) lines.push("its debrief");
  if (evidenceTitle !== null)
    lines.push(`the evidence “${evidenceTitle}” it added to your journal`);
  return lines;
}
