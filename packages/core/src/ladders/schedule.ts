import { DAY_MS } from "../time";
import { FIRST_STEP_WITHIN_DAYS } from "./rules";

const day = (d: string) => Date.parse(`${d}T00:00:00Z`);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The date the ladder form proposes for the first step: three days from today, well inside a week. */
export function proposeFirstStepDate(today: string): string {
  return iso(day(today) + 3 * DAY_MS);
}

/** A gentle warning when the first step is planned later than a week out (product.md). */
export function firstStepDateWarning(today: string, plannedDate: string | null): string | null {
  if (plannedDate === null) return null;
  const days = Math.round((day(plannedDate) - day(today)) / DAY_MS);
  if (days > FIRST_STEP_WITHIN_DAYS) {
    return `The first step is ${days} days away. Starting within a week keeps momentum: could a smaller first step fit sooner?`;
  }
  if (days < 0) return "That date has passed. Pick a day in the coming week.";
  return null;
}
