import {
  addDays,
  PRACTICE_YEAR_DAYS,
  type PracticeEntry,
  type PracticeSummary,
  summarisePractice,
} from "@cando/core";
import { type Db, type PracticeEntryRow, practiceFacts } from "@cando/storage";

/**
 * Practice summaries of some goals, read as per-day sums of the last year (SQL aggregates, at most
 * one row per goal and day): the cost does not grow with the length of the history.
 */
export async function practiceSummaries(
  db: Db,
  userId: string,
  goalIds: readonly string[],
  today: string,
): Promise<Map<string, PracticeSummary>> {
  const from = addDays(today, -(PRACTICE_YEAR_DAYS - 1));
  const { days, rest, targets } = await practiceFacts(db, userId, goalIds, from, today);
  const out = new Map<string, PracticeSummary>();
  for (const goalId of goalIds) {
    const facts = summarisePractice(
      days.filter((d) => d.goalId === goalId),
      rest.filter((r) => r.goalId === goalId).map((r) => r.day),
      today,
    );
    out.set(goalId, {
      goalId,
      today,
      ...facts.score,
      minutesToday: facts.minutesToday,
      minutesLast7: facts.minutesLast7,
      weeklyTarget: targets.get(goalId) ?? null,
      restToday: facts.restToday,
    });
  }
  return out;
}

export async function practiceSummary(
  db: Db,
  userId: string,
  goalId: string,
  today: string,
): Promise<PracticeSummary> {
  const summary = (await practiceSummaries(db, userId, [goalId], today)).get(goalId);
  if (!summary) throw new Error("a summary is built for every goal asked");
  return summary;
}

export function presentPracticeEntry(row: PracticeEntryRow): PracticeEntry {
  return {
    id: row.id,
    goalId: row.goalId,
    day: row.day,
    minutes: row.minutes,
    what: row.what,
    note: row.note,
    createdAt: row.createdAt,
  };
}
