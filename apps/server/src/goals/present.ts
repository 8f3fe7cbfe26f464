import { coachGoal, type Goal, type GoalStatus } from "@cando/core";
import type { GoalRow } from "@cando/storage";

export function presentGoal(row: GoalRow): Goal {
  return {
    id: row.id,
    domainId: row.domainId,
    statement: row.statement,
    outcome: row.outcome,
    context: row.context,
    targetDate: row.targetDate,
    status: row.status as GoalStatus,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    reachedAt: row.reachedAt,
    coaching: coachGoal(row.statement, row.outcome),
  };
}
