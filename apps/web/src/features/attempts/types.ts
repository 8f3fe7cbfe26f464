import type {
  Attempt,
  AttemptRemoval,
  Evidence,
  Goal,
  LadderView,
  Milestone,
  NextStep,
  Undo,
} from "@cando/core";

// Response bodies of the attempts and goals API this feature reads.
export type GoalWithLadderResponse = { goal: Goal; ladder: LadderView };
export type AttemptLoggedResponse = {
  attempt: Attempt;
  ladder: LadderView;
  milestones: Milestone[];
};
export type AttemptResponse = { attempt: Attempt };
export type AttemptListResponse = { attempts: Attempt[]; nextCursor: string | null };
export type DebriefSavedResponse = {
  attempt: Attempt;
  evidence: Evidence | null;
  next: NextStep | null;
};
export type MilestoneListResponse = { milestones: Milestone[] };
export type AttemptEditedResponse = {
  attempt: Attempt;
  ladder: LadderView;
  milestones: Milestone[];
  removedEvidenceIds: string[];
};
export type AttemptDeletedResponse = {
  ladder: LadderView;
  removed: AttemptRemoval;
  undo: Undo;
};
export type EvidenceListResponse = { evidence: Evidence[]; nextCursor: string | null };
