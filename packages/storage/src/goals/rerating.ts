import type { Db } from "../db";

export type AttemptSinceRating = {
  stepId: string;
  outcome: string;
  attemptedAt: string;
  predictedSuccess: number | null;
};

/**
 * The attempts on a goal's steps made since each step's latest confidence rating (a month's
 * worth, not the history): what happened since the person last rated, for the re-rating.
 */
export async function attemptsSinceLatestRatings(
  db: Db,
  goalId: string,
): Promise<AttemptSinceRating[]> {
  const latest = db
    .selectFrom("stepRatings")
    .innerJoin("steps", "steps.id", "stepRatings.stepId")
    .select(["stepRatings.stepId", (eb) => eb.fn.max("stepRatings.ratedAt").as("ratedAt")])
    .where("steps.goalId", "=", goalId)
    .groupBy("stepRatings.stepId")
    .as("latest");
  const rows = await db
    .selectFrom("attempts")
    .innerJoin(latest, "latest.stepId", "attempts.stepId")
    .select([
      "attempts.stepId",
      "attempts.outcome",
      "attempts.attemptedAt",
      "attempts.predictedSuccess",
    ])
    .where("attempts.goalId", "=", goalId)
    .whereRef("attempts.attemptedAt", ">=", "latest.ratedAt")
    .orderBy("attempts.attemptedAt")
    .orderBy("attempts.id")
    .execute();
  return rows.map((r) => ({
    ...r,
    predictedSuccess: r.predictedSuccess === null ? null : Number(r.predictedSuccess),
  }));
}
