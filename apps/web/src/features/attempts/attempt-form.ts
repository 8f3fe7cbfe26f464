import type { Outcome } from "@cando/core";
import { fromLocalDateTime } from "../../ui/local-time";

/** What the log-an-attempt form holds: null for a question not answered yet. */
export type AttemptDraft = {
  confidenceBefore: number | null;
  anxietyBefore: number | null;
  outcome: Outcome | null;
  effort: number | null;
  difficulty: number | null;
  anxietyAfter: number | null;
  minutes: string;
  note: string;
  when: "now" | "earlier";
  /** A datetime-local value, used when `when` is "earlier". */
  earlierAt: string;
};

export const EMPTY_ATTEMPT: AttemptDraft = {
  confidenceBefore: null,
  anxietyBefore: null,
  outcome: null,
  effort: null,
  difficulty: null,
  anxietyAfter: null,
  minutes: "",
  note: "",
  when: "now",
  earlierAt: "",
};

/** The body of `POST /api/attempts`. */
export type AttemptBody = {
  stepId: string;
  idempotencyKey: string;
  attemptedAt?: string;
  confidenceBefore?: number;
  anxietyBefore?: number;
  outcome: Outcome;
  effort: number;
  difficulty: number;
  anxietyAfter?: number;
  minutes?: number;
  note?: string;
};

export type AttemptField =
  | "confidenceBefore"
  | "anxietyBefore"
  | "outcome"
  | "effort"
  | "difficulty"
  | "anxietyAfter"
  | "minutes"
  | "attemptedAt"
  | "note";

/** The form's fields in the order it shows them, with the label a message reads on from. */
export const ATTEMPT_LABELS: Record<AttemptField, string> = {
  confidenceBefore: "Confidence before",
  anxietyBefore: "Anxiety before",
  outcome: "Outcome",
  effort: "Effort",
  difficulty: "How hard it felt",
  anxietyAfter: "Anxiety after",
  minutes: "Time spent",
  attemptedAt: "When",
  note: "Note",
};
export const ATTEMPT_FIELDS = Object.keys(ATTEMPT_LABELS) as AttemptField[];

/** Whole minutes from 0 to 1440, or null when the text is not one. */
function parseMinutes(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return n <= 1440 ? n : null;
}

/** What stops the form from being sent, checked in the browser before the API sees it. */
export function validateAttempt(
  draft: AttemptDraft,
  now: Date,
): Partial<Record<AttemptField, string>> {
  const problems: Partial<Record<AttemptField, string>> = {};
  if (draft.outcome === null) problems.outcome = "Choose how it went: done, partly or not yet.";
  if (draft.effort === null) problems.effort = "Choose how much effort it took, from 1 to 5.";
  if (draft.difficulty === null) problems.difficulty = "Choose how hard it felt, from 1 to 5.";
  if (draft.minutes.trim() !== "" && parseMinutes(draft.minutes) === null) {
    problems.minutes = "Time spent must be a whole number of minutes, from 0 to 1440.";
  }
  if (draft.when === "earlier") {
    const at = fromLocalDateTime(draft.earlierAt);
    if (at === null) problems.attemptedAt = "Enter the date and time it happened.";
    else if (at.getTime() > now.getTime()) problems.attemptedAt = "When cannot be in the future.";
  }
  if (draft.note.length > 2000) problems.note = "Note must be at most 2000 characters.";
  return problems;
}

/**
 * The request body for a valid draft. Unanswered optional questions are left out, and
 * "just now" sends no time, so the server's clock decides.
 */
export function buildAttemptBody(
  draft: AttemptDraft,
  stepId: string,
  idempotencyKey: string,
): AttemptBody {
  if (draft.outcome === null || draft.effort === null || draft.difficulty === null) {
    throw new Error("buildAttemptBody needs a validated draft");
  }
  const body: AttemptBody = {
    stepId,
    idempotencyKey,
    outcome: draft.outcome,
    effort: draft.effort,
    difficulty: draft.difficulty,
  };
  if (draft.confidenceBefore !== null) body.confidenceBefore = draft.confidenceBefore;
  if (draft.anxietyBefore !== null) body.anxietyBefore = draft.anxietyBefore;
  if (draft.anxietyAfter !== null) body.anxietyAfter = draft.anxietyAfter;
  const minutes = parseMinutes(draft.minutes);
  if (minutes !== null) body.minutes = minutes;
  if (draft.note.trim() !== "") body.note = draft.note.trim();
  if (draft.when === "earlier") {
    const at = fromLocalDateTime(draft.earlierAt);
    if (at !== null) body.attemptedAt = at.toISOString();
  }
  return body;
}

/** Where to go after logging: the debrief, carrying the milestones to celebrate there. */
export function debriefPath(attemptId: string, milestoneIds: readonly string[]): string {
  const path = `/attempts/${encodeURIComponent(attemptId)}`;
  return milestoneIds.length === 0
    ? path
    : `${path}?milestone=${milestoneIds.map(encodeURIComponent).join(",")}`;
}

/** The milestone ids carried in `?milestone=a,b`. */
export function milestoneIdsFrom(query: string | undefined): string[] {
  return (query ?? "")
    .split(",")
    .map((id) => id.trim())
    .filter((id) => id !== "");
}

export function percent(p: number): string {
  return `${Math.round(p * 100)}%`;
}

/** The belief held just before, set beside what happened; null when none was stated. */
export function beliefVsOutcome(confidenceBefore: number | null, outcome: Outcome): string | null {
  if (confidenceBefore === null) return null;
  const before = `You were ${confidenceBefore}% certain beforehand`;
  if (outcome === "done") return `${before}, and you did it.`;
  if (outcome === "partly") return `${before}, and you partly did it.`;
  return `${before}. Not this time, yet.`;
}

/** "6 before, 3 after" (either may be missing); null when neither was rated. */
export function anxietyText(before: number | null, after: number | null): string | null {
  const parts = [
    before === null ? null : `${before} before`,
    after === null ? null : `${after} after`,
  ].filter((p) => p !== null);
  return parts.length === 0 ? null : `${parts.join(", ")} (of 10)`;
}
