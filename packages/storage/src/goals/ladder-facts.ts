import { AttemptOutcome, type LadderFactStep, type LadderFacts, StepOverride } from "@cando/core";
import { listAttemptFacts } from "../attempts/attempts";
import type { Db } from "../db";
import { listSteps } from "./steps";

/**
 * The facts a goal's ladder model is replayed from (`replayLadderModel`), in two queries however
 * long the history. Steps in ladder order: active ones by position; an archived step keeps the
 * position it had, so it sorts just after the active step that holds that position now.
 */
export async function listLadderFacts(db: Db, goalId: string): Promise<LadderFacts> {
  const steps = await listSteps(db, goalId);
  const attempts = await listAttemptFacts(db, goalId);
  const ordered = [...steps].sort(
    (a, b) =>
      a.position - b.position ||
      Number(a.archivedAt !== null) - Number(b.archivedAt !== null) ||
      compareText(a.createdAt, b.createdAt) ||
      compareText(a.id, b.id),
  );
  return {
    steps: ordered.map(
      (s): LadderFactStep => ({
        id: s.id,
        confidence: s.confidence,
        addedAt: s.createdAt,
        archived: s.archivedAt !== null,
        override: overrideOf(s.masteryOverride),
      }),
    ),
    attempts: attempts.map((a) => ({
      id: a.id,
      stepId: a.stepId,
      outcome: AttemptOutcome.parse(a.outcome),
      at: a.attemptedAt,
    })),
  };
}

function overrideOf(value: string | null): StepOverride | null {
  const parsed = StepOverride.safeParse(value);
  return parsed.success ? parsed.data : null;
}

// Code-unit order, the same whatever the database's collation.
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** When the latest step of a goal was put on its ladder (null without steps): see `foldsLast`. */
export async function lastStepAddedAt(db: Db, goalId: string): Promise<string | null> {
  const row = await db
    .selectFrom("steps")
    .select((eb) => eb.fn.max("createdAt").as("at"))
    .where("goalId", "=", goalId)
    .executeTakeFirst();
  return row?.at ?? null;
}
