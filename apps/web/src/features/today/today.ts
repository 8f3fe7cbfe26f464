import type { TodayResponse } from "@cando/core";

/**
 * What Today leads with: a first run (no goal at all yet), nothing active (every goal paused,
 * reached or dropped), or the next steps of the active goals.
 */
export function todayMode(
  today: Pick<TodayResponse, "items" | "goalsWithoutLadder">,
  /** All the person's goals, whatever their status. */
  goalCount: number,
): "first_run" | "none_active" | "active" {
  if (today.items.length > 0 || today.goalsWithoutLadder.length > 0) return "active";
  return goalCount === 0 ? "first_run" : "none_active";
}

/** Whether a planned day has passed, comparing `YYYY-MM-DD` texts (they sort as dates). */
export function isPast(day: string, today: string): boolean {
  return day < today;
}
