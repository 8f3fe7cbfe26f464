import { sql } from "kysely";
import { type Db, dbKind } from "../db";

/** How many of each client's latest attempts the coach view reads (calibration, runs, flags). */
export const COACH_RECENT_ATTEMPTS = 30;

export type CoachGrantRow = {
  grantId: string;
  goalId: string;
  ownerId: string;
  ownerEmail: string;
  statement: string;
  status: string;
  model: string | null;
  targetPercent: number;
  sharedAt: string;
};

export type CoachAttemptRow = {
  goalId: string;
  attemptedAt: string;
  outcome: string;
  confidenceBefore: number | null;
  /** The debrief's cause ratings, null without a debrief. */
  effort: number | null;
  strategy: number | null;
  ability: number | null;
  luck: number | null;
  help: number | null;
  easy: number | null;
  reattribution: string | null;
  dismissedFlags: string | null;
};

/**
 * Everything the coach view reads, in three queries whatever the number of clients or the length
 * of their histories: the coach's live grants with goal and client; each goal's latest
 * `COACH_RECENT_ATTEMPTS` attempts with their debriefs (a window function, the same on SQLite and
 * PostgreSQL); and the goals' active steps.
 */
export async function loadCoachClients(
  db: Db,
  coachId: string,
): Promise<{
  grants: CoachGrantRow[];
  attempts: CoachAttemptRow[];
  steps: { id: string; goalId: string; title: string }[];
}> {
  const grants = await db
    .selectFrom("grants")
    .innerJoin("goals", "goals.id", "grants.goalId")
    .innerJoin("users", "users.id", "grants.userId")
    .select([
      "grants.id as grantId",
      "grants.goalId",
      "users.id as ownerId",
      "users.email as ownerEmail",
      "goals.statement",
      "goals.status",
      "goals.model",
      "users.targetPercent",
      "grants.createdAt as sharedAt",
    ])
    .where("grants.supporterId", "=", coachId)
    .where("grants.role", "=", "coach")
    .where("grants.revokedAt", "is", null)
    .execute();
  if (grants.length === 0) return { grants, attempts: [], steps: [] };
  const goalIds = grants.map((g) => g.goalId);
  const columns = sql`r.goal_id as "goalId", r.attempted_at as "attemptedAt", r.outcome,
      r.confidence_before as "confidenceBefore", d.effort, d.strategy, d.ability, d.luck, d.help,
      d.easy, d.reattribution, d.dismissed_flags as "dismissedFlags"`;
  // PostgreSQL: one index scan (attempts_goal) of at most N rows per goal, however long the
  // history. SQLite (one person's laptop, no LATERAL): a window function over the goals' attempts.
  const { rows: attempts } =
    dbKind(db) === "postgres"
      ? await sql<CoachAttemptRow>`
    select ${columns}
    from unnest(${goalIds}::text[]) as g(goal_id)
    cross join lateral (
      select a.id, a.goal_id, a.attempted_at, a.outcome, a.confidence_before
      from attempts a
      where a.goal_id = g.goal_id
      order by a.attempted_at desc, a.id desc
      limit ${COACH_RECENT_ATTEMPTS}
    ) r
    left join debriefs d on d.attempt_id = r.id
    order by r.goal_id, r.attempted_at desc, r.id desc`.execute(db)
      : await sql<CoachAttemptRow>`
    select ${columns}
    from (
      select a.id, a.goal_id, a.attempted_at, a.outcome, a.confidence_before,
        row_number() over (partition by a.goal_id order by a.attempted_at desc, a.id desc) as rn
      from attempts a
      where a.goal_id in (${sql.join(goalIds)})
    ) r
    left join debriefs d on d.attempt_id = r.id
    where r.rn <= ${COACH_RECENT_ATTEMPTS}
    order by r.goal_id, r.attempted_at desc, r.id desc`.execute(db);
  const steps = await db
    .selectFrom("steps")
    .select(["id", "goalId", "title"])
    .where("goalId", "in", goalIds)
    .where("archivedAt", "is", null)
    .execute();
  return { grants, attempts, steps };
}
