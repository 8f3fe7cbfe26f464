import type { Outcome, SharedGoalView } from "@cando/core";
import {
  type Db,
  listAttempts,
  listAudits,
  listDebriefs,
  listDomains,
  searchEvidence,
  searchReflections,
} from "@cando/storage";
import type { GoalReader } from "../access";
import { presentDebrief, presentEvidence } from "../attempts/present";
import { presentGoal } from "../goals/present";
import { ladderView } from "../ladders/ladder";
import { presentReflection } from "../reflections/week";

/** How many recent reflections a shared view holds. */
const SHARED_REFLECTIONS = 12;

/**
 * A goal as its reader may see it: the goal, ladder (with the next step) and outcomes always;
 * each optional section only when the reader's sections allow it, and then loaded at all — what
 * is not granted is never read from the database, so it cannot leak into the response.
 */
export async function sharedGoalView(
  db: Db,
  reader: GoalReader,
  ownerEmail: string,
  now: Date,
): Promise<SharedGoalView> {
  const { goal, sections } = reader;
  const attempts = await listAttempts(db, goal.userId, { goalId: goal.id });
  const outcomeOf = new Map(attempts.map((a) => [a.id, a.outcome as Outcome]));
  const debriefs = sections.debriefs
    ? (await listDebriefs(db, [...outcomeOf.keys()])).map((d) =>
        presentDebrief(d, outcomeOf.get(d.attemptId) ?? "done"),
      )
    : null;
  const evidence = sections.evidence
    ? (await searchEvidence(db, goal.userId, { goalId: goal.id })).map(presentEvidence)
    : null;
  const audits = sections.audits
    ? {
        domains: (await listDomains(db, goal.userId)).map((d) => ({ id: d.id, name: d.name })),
        audits: await listAudits(db, goal.userId),
      }
    : null;
  const reflections = sections.reflections
    ? (await searchReflections(db, goal.userId, undefined, SHARED_REFLECTIONS)).map(
        presentReflection,
      )
    : null;
  return {
    viewer: reader.viewer,
    ownerEmail,
    sections,
    goal: presentGoal(goal),
    ladder: await ladderView(db, goal, now),
    outcomes: attempts
      .map((a) => ({
        id: a.id,
        stepId: a.stepId,
        attemptedAt: a.attemptedAt,
        outcome: a.outcome as Outcome,
      }))
      .reverse(),
    debriefs,
    evidence,
    audits,
    reflections,
  };
}
