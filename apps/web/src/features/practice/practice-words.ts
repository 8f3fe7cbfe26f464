import type { PracticeSummary } from "@cando/core";
import { PRACTICE_MAX_MINUTES } from "@cando/core/constants";

/** The consistency score as a whole percentage. */
export function scorePercent(score: number): string {
  return `${Math.round(score * 100)}%`;
}

/** "Practised 3 of the last 7 days and 12 of the last 30." */
export function daysSentence(p: PracticeSummary): string {
  if (p.lastPractised === null) return "No practice logged yet.";
  return `Practised ${p.last7} of the last 7 days and ${p.last30} of the last 30.`;
}

/** "65 minutes in the last 7 days, of a 150-minute weekly target." */
export function minutesSentence(p: PracticeSummary): string {
  const base = `${p.minutesLast7} minute${p.minutesLast7 === 1 ? "" : "s"} in the last 7 days`;
  if (p.weeklyTarget === null) return `${base}.`;
  const met = p.minutesLast7 >= p.weeklyTarget ? " Target met." : "";
  return `${base}, of a ${p.weeklyTarget}-minute weekly target.${met}`;
}

/** Today's practice in a few words: done, rest, or not yet. */
export function todaySentence(p: PracticeSummary): string {
  if (p.minutesToday > 0) return `${p.minutesToday} minutes practised today.`;
  if (p.restToday) return "A planned rest day: resting is part of the plan.";
  return "Not practised yet today.";
}

/** Minutes typed by a person: a whole number from 1 to the maximum, else a message. */
export function parseMinutes(text: string): { minutes: number } | { problem: string } {
  const trimmed = text.trim();
  if (trimmed === "") return { problem: "Enter the minutes you practised" };
  if (!/^\d+$/.test(trimmed)) return { problem: "Minutes must be a whole number" };
  const minutes = Number(trimmed);
  if (minutes < 1 || minutes > PRACTICE_MAX_MINUTES)
    return { problem: `Minutes must be from 1 to ${PRACTICE_MAX_MINUTES}` };
  return { minutes };
}
