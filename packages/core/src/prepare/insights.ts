// What anxiety really predicts, from the person's own attempts: the drop from before to after,
// success with and without the routine, nerves before successes, and how many confidence ratings
// were given beforehand. Each comparison is claimed only with enough data, by the rule the anxiety
// measure uses (engine/anxiety.ts). Plain words, never a medical claim.
import {
  ANXIETY_HIGH_AT,
  ANXIETY_MIN_ATTEMPTS,
  ANXIETY_MIN_PER_GROUP,
  type AnxietyGroup,
} from "../engine/anxiety";
import { mean } from "../engine/math";
import { type AttemptOutcome, outcomeScore } from "../engine/outcome";

export type ConfidenceRated = "before" | "after";

export type PrepAttempt = {
  outcome: AttemptOutcome;
  anxietyBefore: number | null;
  anxietyAfter: number | null;
  confidenceBefore: number | null;
  /** null: logged before Cando recorded when confidence was rated. */
  confidenceRated: ConfidenceRated | null;
  withRoutine: boolean;
};

export type PreparationInsights = {
  anxietyDrop: {
    attempts: number;
    meanBefore: number | null;
    meanAfter: number | null;
    /** meanBefore − meanAfter, on the 0–10 scale; positive = anxiety fell. */
    drop: number | null;
    enough: boolean;
    sentence: string;
  };
  routine: {
    withRoutine: AnxietyGroup;
    without: AnxietyGroup;
    /** withRoutine.successPercent − without.successPercent, in points. */
    difference: number | null;
    enough: boolean;
    sentence: string;
  };
  nerves: {
    successes: number;
    anxiousSuccesses: number;
    highAt: number;
    enough: boolean;
    sentence: string;
  };
  ratedBefore: { before: number; after: number; unknown: number; sentence: string };
};

const round1 = (x: number) => Math.round(x * 10) / 10;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function group(list: readonly PrepAttempt[]): AnxietyGroup {
  const rate = mean(list.map((a) => outcomeScore(a.outcome)));
  return { count: list.length, successPercent: rate === null ? null : rate * 100 };
}

export function preparationInsights(attempts: readonly PrepAttempt[]): PreparationInsights {
  // Anxiety before vs after.
  const paired = attempts.filter((a) => a.anxietyBefore !== null && a.anxietyAfter !== null);
  const meanBefore = mean(paired.map((a) => a.anxietyBefore as number));
  const meanAfter = mean(paired.map((a) => a.anxietyAfter as number));
  const drop = meanBefore === null || meanAfter === null ? null : meanBefore - meanAfter;
  const dropEnough = paired.length >= ANXIETY_MIN_ATTEMPTS;
  let dropSentence: string;
  if (!dropEnough) {
    dropSentence = `${plural(paired.length, "attempt")} with anxiety rated both before and after so far; with ${ANXIETY_MIN_ATTEMPTS} Cando can show how it changes.`;
  } else {
    const b = round1(meanBefore as number);
    const a = round1(meanAfter as number);
    const d = round1(drop as number);
    dropSentence =
      d > 0
        ? `Over ${paired.length} attempts your anxiety averaged ${b} of 10 before and ${a} after: it fell by ${d} once you were doing it.`
        : d < 0
          ? `Over ${paired.length} attempts your anxiety averaged ${b} of 10 before and ${a} after: it rose by ${-d}.`
          : `Over ${paired.length} attempts your anxiety averaged ${b} of 10 both before and after.`;
  }

  // Success with and without the routine.
  const withRoutine = group(attempts.filter((a) => a.withRoutine));
  const without = group(attempts.filter((a) => !a.withRoutine));
  const difference =
    withRoutine.successPercent === null || without.successPercent === null
      ? null
      : withRoutine.successPercent - without.successPercent;
  const routineEnough =
    attempts.length >= ANXIETY_MIN_ATTEMPTS &&
    withRoutine.count >= ANXIETY_MIN_PER_GROUP &&
    without.count >= ANXIETY_MIN_PER_GROUP;
  const part = (g: AnxietyGroup, label: string) =>
    g.successPercent === null
      ? `no attempts ${label}`
      : `${Math.round(g.successPercent)}% success over ${plural(g.count, "attempt")} ${label}`;
  const routineFacts = `${part(withRoutine, "after the routine")}; ${part(without, "without it")}.`;
  const routineLead = routineFacts.charAt(0).toUpperCase() + routineFacts.slice(1);
  const routineSentence = routineEnough
    ? `${routineLead} The routine is for managing your state; this is what has followed it so far.`
    : `${routineLead} Cando compares them once there are ${ANXIETY_MIN_PER_GROUP} of each and ${ANXIETY_MIN_ATTEMPTS} in all.`;

  // Nerves before successes: anxiety is not inability.
  const successes = attempts.filter((a) => a.outcome === "done" && a.anxietyBefore !== null);
  const anxious = successes.filter((a) => (a.anxietyBefore as number) >= ANXIETY_HIGH_AT);
  const nervesEnough =
    attempts.filter((a) => a.anxietyBefore !== null).length >= ANXIETY_MIN_ATTEMPTS &&
    successes.length >= ANXIETY_MIN_PER_GROUP;
  const nervesSentence = nervesEnough
    ? `In ${anxious.length} of your ${successes.length} successes you rated anxiety ${ANXIETY_HIGH_AT} or more beforehand${anxious.length > 0 ? ": feeling nervous did not stop you." : "."}`
    : `${plural(successes.length, "success")} with anxiety rated beforehand so far; Cando speaks of them once there are ${ANXIETY_MIN_PER_GROUP}.`;

  // When confidence was rated.
  const rated = attempts.filter((a) => a.confidenceBefore !== null);
  const before = rated.filter((a) => a.confidenceRated === "before").length;
  const after = rated.filter((a) => a.confidenceRated === "after").length;
  const unknown = rated.length - before - after;
  const ratedSentence =
    rated.length === 0
      ? "No confidence ratings yet."
      : `${before} of your ${plural(rated.length, "confidence rating")} ${before === 1 ? "was" : "were"} given before the attempt (started with "Start an attempt")${after > 0 ? `; ${after} in one go afterwards` : ""}${unknown > 0 ? `; ${unknown} from before Cando kept track` : ""}.`;

  return {
    anxietyDrop: {
      attempts: paired.length,
      meanBefore,
      meanAfter,
      drop,
      enough: dropEnough,
      sentence: dropSentence,
    },
    routine: {
      withRoutine,
      without,
      difference,
      enough: routineEnough,
      sentence: routineSentence,
    },
    nerves: {
      successes: successes.length,
      anxiousSuccesses: anxious.length,
      highAt: ANXIETY_HIGH_AT,
      enough: nervesEnough,
      sentence: nervesSentence,
    },
    ratedBefore: { before, after, unknown, sentence: ratedSentence },
  };
}
