import type { Db } from "../db";
import type { AttemptRow } from "./attempts";

/** What a goal's page lists and charts of each attempt: no free text, so each row stays small. */
export type AttemptSummaryRow = Pick<
  AttemptRow,
  "id" | "stepId" | "attemptedAt" | "createdAt" | "outcome" | "predictedSuccess"
> & { debriefed: boolean };

/**
 * A goal's attempts, newest first, `limit` rows after the cursor (the sort key of the last row
 * of the previous page): an index range on (goal_id, attempted_at) and one debrief probe per row,
 * whatever the history's length.
 */
export async function listAttemptSummaries(
  db: Db,
  goalId: string,
  page: { limit: number; after?: readonly string[] | undefined },
): Promise<AttemptSummaryRow[]> {
  let query = db
    .selectFrom("attempts")
    .select((eb) => [
      "attempts.id",
      "attempts.stepId",
      "attempts.attemptedAt",
      "attempts.createdAt",
      "attempts.outcome",
      "attempts.predictedSuccess",
      // A scalar subquery (the debrief's own key, or null), not EXISTS: PostgreSQL may answer an
      // EXISTS with a hash of every debrief (a scan that grows with history) where this is one
      // index probe per attempt on the page.
      eb
        .selectFrom("debriefs")
        .select("debriefs.attemptId")
        .whereRef("debriefs.attemptId", "=", "attempts.id")
        .as("debriefOf"),
    ])
    .where("attempts.goalId", "=", goalId);
  const [at, created, id] = page.after ?? [];
  if (at !== undefined && created !== undefined && id !== undefined)
    query = query.where((eb) =>
      eb(
        eb.refTuple("attempts.attemptedAt", "attempts.createdAt", "attempts.id"),
        "<",
        eb.tuple(at, created, id),
      ),
    );
  const rows = await query
    .orderBy("attempts.attemptedAt", "desc")
    .orderBy("attempts.createdAt", "desc")
    .orderBy("attempts.id", "desc")
    .limit(page.limit)
    .execute();
  return rows.map(({ debriefOf, ...r }) => ({ ...r, debriefed: debriefOf !== null }));
}
