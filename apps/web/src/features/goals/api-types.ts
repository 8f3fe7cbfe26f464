import type { Attempt, Goal, LadderView, Milestone, StepRating } from "@cando/core";

// Response bodies of the goal and ladder endpoints; the entities come from @cando/core.
export type GoalListResponse = { goals: Goal[] };
export type GoalWithLadderResponse = { goal: Goal; ladder: LadderView };
export type GoalUpdateResponse = { goal: Goal; milestones: Milestone[] };
export type LadderResponse = { ladder: LadderView };
export type StepUpdateResponse = { ladder: LadderView; milestones: Milestone[] };
export type StepRemoveResponse = { ladder: LadderView; archived: boolean };
export type RatingsResponse = { ratings: StepRating[] };
export type AttemptListResponse = { attempts: Attempt[]; nextCursor: string | null };
