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

/** Vicarious experience: role models and their steps recorded or changed this week. */
export async function countRoleModelExperiences(db: Db, window: SourceWindow): Promise<number> {
  // Counted in SQL (the same rows `roleModelEntriesBetween` lists): created or changed this week.
  const count = async (table: "roleModels" | "roleModelSteps") => {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number | string>().as("n"))
      .where("userId", "=", window.userId)
      .where((eb) =>
        eb.or([
          eb.and([eb("createdAt", ">=", window.from), eb("createdAt", "<", window.to)]),
          eb.and([eb("updatedAt", ">=", window.from), eb("updatedAt", "<", window.to)]),
        ]),
      )
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  };
  return (await count("roleModels")) + (await count("roleModelSteps"));
}

/**
 * Social persuasion: supporters' feedback received this week and not hidden. (How much each
 * counts by the supporter's credibility is core's `persuasionWeight`; the week shows the count.)
 */
export async function countSupporterFeedback(db: Db, window: SourceWindow): Promise<number> {
  // Counted in SQL on (user_id, created_at): a week's count never loads the feedback itself.
  const row = await db
    .selectFrom("feedback")
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .where("userId", "=", window.userId)
    .where("createdAt", ">=", window.from)
    .where("createdAt", "<", window.to)
    .where("hiddenAt", "is", null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
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
