import type { AttemptStart } from "@cando/core";
import type { AttemptStartRow } from "@cando/storage";

/** An attempt in progress as the API shows it, with its step's and goal's names. */
export function presentStart(
  row: AttemptStartRow,
  names: { stepTitle: string; goalStatement: string },
): AttemptStart {
  const num = (x: number | null) => (x === null ? null : Number(x));
  return {
    id: row.id,
    goalId: row.goalId,
    stepId: row.stepId,
    stepTitle: names.stepTitle,
    goalStatement: names.goalStatement,
    confidenceBefore: row.confidenceBefore,
    anxietyBefore: row.anxietyBefore,
    energyBefore: row.energyBefore,
    sleepHours: num(row.sleepHours),
    routineRunId: row.routineRunId,
    predictedSuccess: num(row.predictedSuccess),
    startedAt: row.startedAt,
  };
}
