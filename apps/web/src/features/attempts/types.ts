import type { Attempt, Evidence, Goal, LadderView, Milestone, NextStep } from "@cando/core";

// Response bodies of the attempts and goals API this feature reads.
export type GoalWithLadderResponse = { goal: Goal; ladder: LadderView };
export type AttemptLoggedResponse = {
  attempt: Attempt;
  ladder: LadderView;
  milestones: Milestone[];
};
export type AttemptResponse = { attempt: Attempt };
export type AttemptListResponse = { attempts: Attempt[] };
export type DebriefSavedResponse = {
  attempt: Attempt;
  evidence: Evidence | null;
  next: NextStep | null;
};
export type MilestoneListResponse = { milestones: Milestone[] };
