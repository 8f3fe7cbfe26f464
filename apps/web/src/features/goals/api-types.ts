import type {
  Attempt,
  AttemptStart,
  AttemptSummary,
  Domain,
  Goal,
  LadderView,
  Milestone,
  StepRating,
  StepRoleModel,
} from "@cando/core";

// Response bodies of the goal and ladder endpoints; the entities come from @cando/core.
export type GoalListResponse = { goals: Goal[] };
export type GoalWithLadderResponse = { goal: Goal; ladder: LadderView };
export type GoalUpdateResponse = { goal: Goal; milestones: Milestone[] };
export type LadderResponse = { ladder: LadderView };
export type StepUpdateResponse = { ladder: LadderView; milestones: Milestone[] };
export type StepRemoveResponse = { ladder: LadderView; archived: boolean };
export type RatingsResponse = { ratings: StepRating[] };
export type AttemptListResponse = { attempts: Attempt[]; nextCursor: string | null };
export type AttemptSummaryPage = { attempts: AttemptSummary[]; nextCursor: string | null };
/** `GET /api/goals/:id/overview`: what the goal's page shows, in one answer. */
export type GoalOverviewResponse = GoalWithLadderResponse & {
  domains: Domain[];
  ratings: StepRating[];
  roleModels: StepRoleModel[];
  attemptStarts: AttemptStart[];
} & AttemptSummaryPage;
