import {
  Attempt,
  type AttemptFinishInput,
  foldsLast,
  type LadderModel,
  LadderView,
  Milestone,
  NotFoundError,
  predictSuccess,
  updateWithAttempt,
  ValidationError,
} from "@cando/core";
import {
  type AttemptRow,
  type Db,
  findAttemptByKey,
  findDebrief,
  type GoalRow,
  insertAttempt,
  listStepsAndMilestones,
  type UserRow,
} from "@cando/storage";
import { z } from "@hono/zod-openapi";
import { access } from "../access";
import type { AppDeps } from "../context";
import { ladderView } from "../ladders/ladder";
import { rebuildLadderModel, saveModel, writableLadderModel } from "../ladders/replay";
import { recordMilestones } from "../milestones/record";
import { presentAttempt } from "./present";

/** What recording an attempt answers, whichever way it was recorded. */
export const Logged = z.object({
  attempt: Attempt,
  ladder: LadderView,
  milestones: z.array(Milestone),
});
export type Logged = z.infer<typeof Logged>;

/** A little slack for clocks that disagree; beyond it "attemptedAt" is refused as future. */
export const FUTURE_SLACK_MS = 5 * 60_000;

/** The attempt an idempotency key recorded, answered as it was (a retry): undefined if none. */
export async function loggedEarlier(
  db: Db,
  deps: Pick<AppDeps, "clock">,
  user: UserRow,
  key: string,
): Promise<Logged | undefined> {
  const existing = await findAttemptByKey(db, user.id, key);
  if (!existing) return undefined;
  const goal = await access.goal(db, user, existing.goalId);
  return {
    attempt: presentAttempt(existing, await findDebrief(db, existing.id)),
    ladder: await ladderView(db, goal, deps.clock.now()),
    milestones: [],
  };
}

/** An attempt to record: how it went, and what was known before it (logged in one go or started). */
export interface AttemptToRecord extends AttemptFinishInput {
  stepId: string;
  idempotencyKey: string | null;
  before: Pick<AttemptRow, "confidenceBefore" | "anxietyBefore" | "confidenceRated"> &
    Partial<Pick<AttemptRow, "energyBefore" | "sleepHours">>;
  /** The prediction it was made at; undefined: the model's now. */
  predictedSuccess?: number | null;
  /** When it was started: it cannot have happened earlier. */
  startedAt?: string;
  /** Refuse an archived step (logging); a started attempt may finish on one. */
  refuseArchived: boolean;
  /** The field a "not on a ladder" error names. */
  ladderPath: string;
}

/**
 * The one path that records an attempt, for logging in one go (attempts/routes.ts) and finishing
 * an attempt in progress (prepare/routes.ts): inside the caller's transaction, with the goal
 * already locked (`access.goalForUpdate` or `access.goalOfStepForUpdate`). It reads the goal's
 * steps and its milestones' state once (the step, when the ladder last changed, which milestones
 * exist, all from that one read), inserts the attempt and moves the model: an attempt after all
 * others is folded in, a backdated one replays it. Then the milestones, and the ladder to show.
 */
export async function recordAttempt(
  trx: Db,
  deps: Pick<AppDeps, "clock" | "newId">,
  goal: GoalRow,
  input: AttemptToRecord,
  /** The person's target success rate (0–1) when the caller read it with the lock; else read. */
  target?: number,
): Promise<Logged & { row: AttemptRow }> {
  // The steps and the milestones' state in one read, under the lock.
  const { steps, milestones: milestonesBefore } = await listStepsAndMilestones(trx, goal.id);
  const step = steps.find((s) => s.id === input.stepId);
  if (!step) throw new NotFoundError("step");
  if (input.refuseArchived && step.archivedAt !== null)
    throw new ValidationError([{ path: "stepId", message: "is archived" }]);
  const now = deps.clock.now();
  const model = await writableLadderModel(trx, goal, now.toISOString());
  if (!model)
    throw new ValidationError([{ path: input.ladderPath, message: "is not on a ladder" }]);
  const at = input.attemptedAt ? new Date(input.attemptedAt) : now;
  if (at.getTime() > now.getTime() + FUTURE_SLACK_MS)
    throw new ValidationError([{ path: "attemptedAt", message: "is in the future" }]);
  if (input.startedAt && at.getTime() < Date.parse(input.startedAt))
    throw new ValidationError([
      { path: "attemptedAt", message: "is before the attempt was started" },
    ]);
  const row: AttemptRow = {
    id: deps.newId(),
    userId: goal.userId,
    goalId: goal.id,
    stepId: step.id,
    idempotencyKey: input.idempotencyKey,
    attemptedAt: at.toISOString(),
    outcome: input.outcome,
    effort: input.effort,
    difficulty: input.difficulty,
    anxietyAfter: input.anxietyAfter ?? null,
    minutes: input.minutes ?? null,
    note: input.note,
    predictedSuccess:
      input.predictedSuccess === undefined
        ? predictSuccess(model, step.id)
        : input.predictedSuccess,
    createdAt: now.toISOString(),
    ...input.before,
  };
  await insertAttempt(trx, row);
  // The same as `lastStepAddedAt`, from the steps already read (archived ones count too).
  const lastAdded = steps.reduce<string | null>(
    (latest, s) => (latest === null || s.createdAt > latest ? s.createdAt : latest),
    null,
  );
  let next: LadderModel | null;
  if (foldsLast(model, row.attemptedAt, lastAdded)) {
    next = updateWithAttempt(model, {
      stepId: step.id,
      outcome: input.outcome,
      at: row.attemptedAt,
    });
    await saveModel(trx, goal, next, now.toISOString());
  } else {
    next = await rebuildLadderModel(trx, goal, now.toISOString());
  }
  if (!next) throw new ValidationError([{ path: input.ladderPath, message: "is not on a ladder" }]);
  const milestones = await recordMilestones(
    trx,
    deps,
    goal,
    next,
    row.attemptedAt,
    steps,
    milestonesBefore,
  );
  // The steps as they are now, without reading them again: the insert's trigger added this
  // attempt to its step's counts (and nothing else here changes a step).
  const done = input.outcome === "done" ? 1 : 0;
  const stepsNow = steps.map((s) =>
    s.id === step.id
      ? { ...s, attemptCount: s.attemptCount + 1, successCount: s.successCount + done }
      : s,
  );
  return {
    row,
    attempt: presentAttempt(row, undefined),
    ladder: await ladderView(trx, goal, now, target, stepsNow),
    milestones,
  };
}
