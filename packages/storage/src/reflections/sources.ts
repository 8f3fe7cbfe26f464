import type { Db } from "../db";

/** A person's week, as instants [from, to) computed in their time zone. */
export type SourceWindow = { userId: string; from: string; to: string };

/**
 * The week's four sources of efficacy, each counted by its own small function so each can be
 * plugged in where its table lives.
 */

/** Mastery experiences: successes that took real effort (at least `minEffort` of 5). */
export async function countMasteryExperiences(
  db: Db,
  window: SourceWindow,
  minEffort: number,
): Promise<number> {
  const row = await db
    .selectFrom("attempts")
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .where("userId", "=", window.userId)
    .where("attemptedAt", ">=", window.from)
    .where("attemptedAt", "<", window.to)
    .where("outcome", "=", "done")
    .where("effort", ">=", minEffort)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * Vicarious experience: role models watched this week. Seam: role models are recorded by the
 * `social` branch; until its table is here, nothing counts.
 */
export async function countRoleModelExperiences(_db: Db, _window: SourceWindow): Promise<number> {
  return 0;
}

/**
 * Social persuasion: supporters' feedback received this week. Seam: feedback is recorded by the
 * `social` branch; until its table is here, nothing counts.
 */
export async function countSupporterFeedback(_db: Db, _window: SourceWindow): Promise<number> {
  return 0;
}

/** Physiological and emotional state: pre-performance routines finished this week (Prepare). */
export async function countRoutineRuns(db: Db, window: SourceWindow): Promise<number> {
  const row = await db
    .selectFrom("routineRuns")
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .where("userId", "=", window.userId)
    .where("finishedAt", ">=", window.from)
    .where("finishedAt", "<", window.to)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
