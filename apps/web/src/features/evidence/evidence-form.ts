import type { Evidence } from "@cando/core";
import { isRealDay } from "../../ui/local-time";

/** The accomplishment form: by hand (all fields) or editing (no domain or goal). */
export type EvidenceDraft = {
  domainId: string;
  goalId: string;
  title: string;
  body: string;
  occurredOn: string;
  ownership: number | null;
};

export type EvidenceField = "domainId" | "goalId" | "title" | "body" | "occurredOn" | "ownership";

export const EVIDENCE_LABELS: Record<EvidenceField, string> = {
  domainId: "Domain",
  goalId: "Goal",
  title: "Title",
  body: "What happened",
  occurredOn: "Date",
  ownership: "Your own doing",
};
export const EVIDENCE_FIELDS = Object.keys(EVIDENCE_LABELS) as EvidenceField[];

export function emptyEvidence(domainId: string, goalId: string, today: string): EvidenceDraft {
  return { domainId, goalId, title: "", body: "", occurredOn: today, ownership: null };
}

export function draftFromEvidence(evidence: Evidence): EvidenceDraft {
  return {
    domainId: evidence.domainId,
    goalId: evidence.goalId ?? "",
    title: evidence.title,
    body: evidence.body,
    occurredOn: evidence.occurredOn,
    ownership: evidence.ownership,
  };
}

/** Checked in the browser before the API sees it; `today` is the reader's `YYYY-MM-DD`. */
export function validateEvidence(
  draft: EvidenceDraft,
  today: string,
): Partial<Record<EvidenceField, string>> {
  const problems: Partial<Record<EvidenceField, string>> = {};
  if (draft.domainId === "") problems.domainId = "Choose the domain it belongs to.";
  const title = draft.title.trim();
  if (title === "") problems.title = "Give it a short title.";
  else if (title.length > 200) problems.title = "Title must be at most 200 characters.";
  if (draft.body.trim().length > 4000) {
    problems.body = "What happened must be at most 4000 characters.";
  }
  if (!isRealDay(draft.occurredOn)) problems.occurredOn = "Enter the date it happened.";
  else if (draft.occurredOn > today) problems.occurredOn = "Date cannot be in the future.";
  if (draft.ownership === null) {
    problems.ownership = "Choose how much of it was your own doing, from 0 to 100.";
  }
  return problems;
}

export type EvidenceInputBody = {
  domainId: string;
  goalId?: string;
  title: string;
  body: string;
  occurredOn: string;
  ownership: number;
};

/** The body of `POST /api/evidence` for a valid draft. */
export function evidenceInput(draft: EvidenceDraft): EvidenceInputBody {
  if (draft.ownership === null) throw new Error("evidenceInput needs a validated draft");
  const body: EvidenceInputBody = {
    domainId: draft.domainId,
    title: draft.title.trim(),
    body: draft.body.trim(),
    occurredOn: draft.occurredOn,
    ownership: draft.ownership,
  };
  if (draft.goalId !== "") body.goalId = draft.goalId;
  return body;
}

export type EvidencePatch = Partial<Pick<Evidence, "title" | "body" | "occurredOn" | "ownership">>;

/** The body of `PATCH /api/evidence/:id`: only what changed; null when nothing did. */
export function evidencePatch(original: Evidence, draft: EvidenceDraft): EvidencePatch | null {
  const patch: EvidencePatch = {};
  if (draft.title.trim() !== original.title) patch.title = draft.title.trim();
  if (draft.body.trim() !== original.body) patch.body = draft.body.trim();
  if (draft.occurredOn !== original.occurredOn) patch.occurredOn = draft.occurredOn;
  if (draft.ownership !== null && draft.ownership !== original.ownership) {
    patch.ownership = draft.ownership;
  }
  return Object.keys(patch).length === 0 ? null : patch;
}

/** The 0–100 ownership scale's words. */
export const OWNERSHIP_ANCHORS = [
  { value: 0, text: "None of it" },
  { value: 50, text: "Half" },
  { value: 100, text: "All of it" },
] as const;
