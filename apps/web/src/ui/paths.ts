// Addresses of pages, built in one place so every link to them agrees.
const id = (value: string) => encodeURIComponent(value);

export const goalPath = (goalId: string) => `/goals/${id(goalId)}`;
export const attemptPath = (goalId: string, stepId: string) =>
  `/goals/${id(goalId)}/steps/${id(stepId)}/attempt`;
export const doubtPath = (goalId?: string) =>
  goalId === undefined ? "/doubt" : `/doubt?goalId=${id(goalId)}`;
export const milestonePath = (milestoneId: string) => `/milestones/${id(milestoneId)}`;
export const attemptRecordPath = (attemptId: string) => `/attempts/${id(attemptId)}`;
export const evidencePath = (evidenceId: string) => `/evidence/${id(evidenceId)}`;
