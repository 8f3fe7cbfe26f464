import {
  AttemptFinishInput,
  AttemptStart,
  AttemptStartInput,
  EVIDENCE_REVIEW_COUNT,
  Evidence,
  NotFoundError,
  predictSuccess,
  Routine,
  RoutineInput,
  RoutineRun,
  RoutineRunInput,
  rankEvidenceForDoubt,
  ValidationError,
} from "@cando/core";
import {
  type AttemptStartRow,
  type Db,
  deleteAttemptStart,
  deleteRoutine,
  findAttemptByKey,
  findAttemptStartByKey,
  findRoutineFor,
  findRoutineRun,
  insertAttemptStart,
  insertRoutine,
  insertRoutineRun,
  isUniqueViolation,
  linkRoutineRun,
  listAttemptStarts,
  listRoutines,
  lockUser,
  type RoutineRow,
  type RoutineRunRow,
  searchEvidence,
  type UserRow,
  updateRoutine,
} from "@cando/storage";
import { createRoute, z } from "@hono/zod-openapi";
import { access } from "../access";
import { presentEvidence } from "../attempts/present";
import { FUTURE_SLACK_MS, Logged, loggedEarlier, recordAttempt } from "../attempts/record";
import { authenticated } from "../auth/require-user";
import type { App } from "../context";
import { errors, json, jsonBody } from "../http/openapi";
import { readLadderModel, writableLadderModel } from "../ladders/replay";
import { presentStart } from "./present";

const tags = ["prepare"];
const GoalParams = z.object({ goalId: z.string().min(1).max(64) });
const StepParams = z.object({ stepId: z.string().min(1).max(64) });
const StartParams = z.object({ startId: z.string().min(1).max(64) });
const StartsQuery = z.object({ goalId: z.string().max(64).optional() });
const RoutineResponse = z.object({ routine: Routine });

const listRoutinesRoute = createRoute({
  method: "get",
  path: "/api/routines",
  tags,
  summary: "The person's routines: the default (goalId null) and one per goal",
  ...authenticated,
  responses: { 200: json(z.object({ routines: z.array(Routine) }), "Routines."), ...errors(401) },
});

const putDefaultRoutine = createRoute({
  method: "put",
  path: "/api/routines/default",
  tags,
  summary: "Save the default pre-performance routine (ordered blocks)",
  ...authenticated,
  request: { body: jsonBody(RoutineInput) },
  responses: { 200: json(RoutineResponse, "The routine."), ...errors(400, 401, 403) },
});

const putGoalRoutine = createRoute({
  method: "put",
  path: "/api/goals/{goalId}/routine",
  tags,
  summary: "Save the goal's own routine (used instead of the default for its steps)",
  ...authenticated,
  request: { params: GoalParams, body: jsonBody(RoutineInput) },
  responses: { 200: json(RoutineResponse, "The routine."), ...errors(400, 401, 403, 404) },
});

const deleteGoalRoutine = createRoute({
  method: "delete",
  path: "/api/goals/{goalId}/routine",
  tags,
  summary: "Remove the goal's own routine (its steps use the default again)",
  ...authenticated,
  request: { params: GoalParams },
  responses: { 204: { description: "Removed." }, ...errors(401, 403, 404) },
});

const prepareStep = createRoute({
  method: "get",
  path: "/api/steps/{stepId}/prepare",
  tags,
  summary: "What the runner needs before an attempt at a step: its routine and evidence to review",
  description:
    "The goal's own routine, else the default, else null; and the three most relevant pieces of the person's evidence (the same relevance as \"I'm doubting myself\").",
  ...authenticated,
  request: { params: StepParams },
  responses: {
    200: json(
      z.object({
        routine: Routine.nullable(),
        evidence: z.array(Evidence),
        predictedSuccess: z.number().nullable(),
      }),
      "The routine and evidence.",
    ),
    ...errors(401, 404),
  },
});

const recordRun = createRoute({
  method: "post",
  path: "/api/routine-runs",
  tags,
  summary: "Record a routine done (blocks done or skipped, duration, state check)",
  description: "Link it to the attempt that follows by sending its id as `routineRunId` on start.",
  ...authenticated,
  request: { body: jsonBody(RoutineRunInput) },
  responses: {
    201: json(z.object({ routineRun: RoutineRun }), "The run."),
    ...errors(400, 401, 403, 404),
  },
});

const start = createRoute({
  method: "post",
  path: "/api/attempt-starts",
  tags,
  summary: "Start an attempt: save the before part now (confidence, anxiety, energy, sleep)",
  description:
    "An attempt in progress counts nowhere until it is finished. Send an `idempotencyKey`: a retried start returns the first (200).",
  ...authenticated,
  request: { body: jsonBody(AttemptStartInput) },
  responses: {
    201: json(z.object({ attemptStart: AttemptStart }), "The attempt in progress."),
    200: json(z.object({ attemptStart: AttemptStart }), "This key was already used: that start."),
    ...errors(400, 401, 403, 404),
  },
});

const listStarts = createRoute({
  method: "get",
  path: "/api/attempt-starts",
  tags,
  summary: "Attempts in progress, oldest first (optionally of one goal)",
  ...authenticated,
  request: { query: StartsQuery },
  responses: {
    200: json(z.object({ attemptStarts: z.array(AttemptStart) }), "Attempts in progress."),
    ...errors(401, 404),
  },
});

const finish = createRoute({
  method: "post",
  path: "/api/attempt-starts/{startId}/finish",
  tags,
  summary: "Finish an attempt in progress: how it went. It becomes an attempt, rated beforehand",
  description:
    "The attempt keeps the before ratings and the prediction it was started at. A retried finish returns the attempt (200).",
  ...authenticated,
  request: { params: StartParams, body: jsonBody(AttemptFinishInput) },
  responses: {
    201: json(Logged, "The attempt, the updated ladder, and any milestones it reached."),
    200: json(Logged, "Already finished: the attempt it became."),
    ...errors(400, 401, 403, 404),
  },
});

const discard = createRoute({
  method: "delete",
  path: "/api/attempt-starts/{startId}",
  tags,
  summary: "Discard an attempt in progress",
  ...authenticated,
  request: { params: StartParams },
  responses: { 204: { description: "Discarded." }, ...errors(401, 403, 404) },
});

export function presentRoutine(row: RoutineRow): Routine {
  return {
    id: row.id,
    goalId: row.goalId,
    name: row.name,
    blocks: JSON.parse(row.blocks) as Routine["blocks"],
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function presentRoutineRun(row: RoutineRunRow): RoutineRun {
  return {
    id: row.id,
    routineId: row.routineId,
    goalId: row.goalId,
    stepId: row.stepId,
    attemptId: row.attemptId,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    durationSeconds: row.durationSeconds,
    blocks: JSON.parse(row.blocks) as RoutineRun["blocks"],
    blocksDone: row.blocksDone,
    anxiety: row.anxiety,
    energy: row.energy,
    sleepHours: row.sleepHours === null ? null : Number(row.sleepHours),
  };
}

/** The attempt a start becomes is keyed by the start, so a retried finish finds it. */
const finishKey = (startId: string) => `start:${startId}`;

/** Saves the default routine (goalId null) or a goal's, creating or replacing it. */
async function saveRoutine(
  db: Db,
  deps: { newId: () => string; clock: { now(): Date } },
  user: UserRow,
  goalId: string | null,
  input: RoutineInput,
): Promise<RoutineRow> {
  return db.transaction().execute(async (trx) => {
    // One default and one per goal: serialize the person's routine writes.
    await lockUser(trx, user.id);
    if (goalId !== null) await access.goal(trx, user, goalId);
    const now = deps.clock.now().toISOString();
    const blocks = JSON.stringify(input.blocks);
    const existing = await findRoutineFor(trx, user.id, goalId);
    if (existing) {
      await updateRoutine(trx, user.id, existing.id, { name: input.name, blocks, updatedAt: now });
      return { ...existing, name: input.name, blocks, updatedAt: now };
    }
    const row: RoutineRow = {
      id: deps.newId(),
      userId: user.id,
      goalId,
      name: input.name,
      blocks,
      createdAt: now,
      updatedAt: now,
    };
    await insertRoutine(trx, row);
    return row;
  });
}

export function registerPrepareRoutes(app: App): void {
  app.openapi(listRoutinesRoute, async (c) => {
    const rows = await listRoutines(c.var.deps.db, c.var.user.id);
    return c.json({ routines: rows.map(presentRoutine) }, 200);
  });

  app.openapi(putDefaultRoutine, async (c) => {
    const row = await saveRoutine(c.var.deps.db, c.var.deps, c.var.user, null, c.req.valid("json"));
    return c.json({ routine: presentRoutine(row) }, 200);
  });

  app.openapi(putGoalRoutine, async (c) => {
    const { goalId } = c.req.valid("param");
    const row = await saveRoutine(
      c.var.deps.db,
      c.var.deps,
      c.var.user,
      goalId,
      c.req.valid("json"),
    );
    return c.json({ routine: presentRoutine(row) }, 200);
  });

  app.openapi(deleteGoalRoutine, async (c) => {
    const { goalId } = c.req.valid("param");
    const { db } = c.var.deps;
    const user = c.var.user;
    await db.transaction().execute(async (trx) => {
      await access.goal(trx, user, goalId);
      const routine = await findRoutineFor(trx, user.id, goalId);
      if (routine) await deleteRoutine(trx, user.id, routine.id);
    });
    return c.body(null, 204);
  });

  app.openapi(prepareStep, async (c) => {
    const { stepId } = c.req.valid("param");
    const { db } = c.var.deps;
    const user = c.var.user;
    const step = await access.step(db, user, stepId);
    const goal = await access.goal(db, user, step.goalId);
    const routine =
      (await findRoutineFor(db, user.id, goal.id)) ?? (await findRoutineFor(db, user.id, null));
    const evidence = rankEvidenceForDoubt(
      (await searchEvidence(db, user.id)).map(presentEvidence),
      { stepId: step.id, goalId: goal.id, domainId: goal.domainId },
      EVIDENCE_REVIEW_COUNT,
    );
    const model = await readLadderModel(db, goal);
    return c.json(
      {
        routine: routine ? presentRoutine(routine) : null,
        evidence,
        predictedSuccess: model ? predictSuccess(model, step.id) : null,
      },
      200,
    );
  });

  app.openapi(recordRun, async (c) => {
    const input = c.req.valid("json");
    const { db, clock, newId } = c.var.deps;
    const user = c.var.user;
    const row = await db.transaction().execute(async (trx) => {
      const step = input.stepId ? await access.step(trx, user, input.stepId) : undefined;
      if (input.routineId) {
        const routines = await listRoutines(trx, user.id);
        if (!routines.some((r) => r.id === input.routineId))
          throw new ValidationError([
            { path: "routineId", message: "is not one of your routines" },
          ]);
      }
      const now = clock.now();
      if (Date.parse(input.startedAt) > now.getTime() + FUTURE_SLACK_MS)
        throw new ValidationError([{ path: "startedAt", message: "is in the future" }]);
      const run: RoutineRunRow = {
        id: newId(),
        userId: user.id,
        routineId: input.routineId ?? null,
        goalId: step?.goalId ?? null,
        stepId: step?.id ?? null,
        attemptId: null,
        startedAt: new Date(input.startedAt).toISOString(),
        finishedAt: now.toISOString(),
        durationSeconds: input.durationSeconds,
        blocks: JSON.stringify(input.blocks),
        blocksDone: input.blocks.filter((b) => b.done).length,
        anxiety: input.anxiety ?? null,
        energy: input.energy ?? null,
        sleepHours: input.sleepHours ?? null,
      };
      await insertRoutineRun(trx, run);
      return run;
    });
    return c.json({ routineRun: presentRoutineRun(row) }, 201);
  });

  app.openapi(start, async (c) => {
    const input = c.req.valid("json");
    const { db, clock, newId } = c.var.deps;
    const user = c.var.user;
    const names = async (row: AttemptStartRow) => {
      const step = await access.step(db, user, row.stepId);
      const goal = await access.goal(db, user, row.goalId);
      return { stepTitle: step.title, goalStatement: goal.statement };
    };
    const replay = async () => {
      const key = input.idempotencyKey;
      const existing = key ? await findAttemptStartByKey(db, user.id, key) : undefined;
      return existing ? presentStart(existing, await names(existing)) : undefined;
    };
    const earlier = await replay();
    if (earlier) return c.json({ attemptStart: earlier }, 200);
    try {
      const row = await db.transaction().execute(async (trx) => {
        const step = await access.step(trx, user, input.stepId);
        // The goal's lock orders this start with attempts on the same ladder, so the prediction
        // it keeps is the one in force when it was made.
        const goal = await access.goalForUpdate(trx, user, step.goalId);
        if (step.archivedAt !== null)
          throw new ValidationError([{ path: "stepId", message: "is archived" }]);
        const now = clock.now();
        const model = await writableLadderModel(trx, goal, now.toISOString());
        if (!model) throw new ValidationError([{ path: "stepId", message: "is not on a ladder" }]);
        if (input.routineRunId) {
          if (!(await findRoutineRun(trx, user.id, input.routineRunId)))
            throw new ValidationError([
              { path: "routineRunId", message: "is not one of your routine runs" },
            ]);
        }
        const row: AttemptStartRow = {
          id: newId(),
          userId: user.id,
          goalId: goal.id,
          stepId: step.id,
          idempotencyKey: input.idempotencyKey ?? null,
          confidenceBefore: input.confidenceBefore ?? null,
          anxietyBefore: input.anxietyBefore ?? null,
          energyBefore: input.energyBefore ?? null,
          sleepHours: input.sleepHours ?? null,
          routineRunId: input.routineRunId ?? null,
          predictedSuccess: predictSuccess(model, step.id),
          startedAt: now.toISOString(),
        };
        await insertAttemptStart(trx, row);
        return presentStart(row, { stepTitle: step.title, goalStatement: goal.statement });
      });
      return c.json({ attemptStart: row }, 201);
    } catch (error) {
      if (isUniqueViolation(error)) {
        const winner = await replay();
        if (winner) return c.json({ attemptStart: winner }, 200);
      }
      throw error;
    }
  });

  app.openapi(listStarts, async (c) => {
    const { goalId } = c.req.valid("query");
    const { db } = c.var.deps;
    const user = c.var.user;
    if (goalId) await access.goal(db, user, goalId);
    const rows = await listAttemptStarts(db, user.id, goalId ? { goalId } : {});
    return c.json({ attemptStarts: rows.map((r) => presentStart(r, r)) }, 200);
  });

  app.openapi(finish, async (c) => {
    const { startId } = c.req.valid("param");
    const input = c.req.valid("json");
    const deps = c.var.deps;
    const { db } = deps;
    const user = c.var.user;

    try {
      const finished = await db.transaction().execute(async (trx) => {
        const found = await findStartOrFinished(trx, user, startId);
        if (found === "finished") return undefined;
        // Lock the goal, then read the start again: a parallel finish or discard waits here.
        const goal = await access.goalForUpdate(trx, user, found.goalId);
        const started = await findStartOrFinished(trx, user, startId);
        if (started === "finished") return undefined;
        // The same path as logging in one go, keeping what was rated before and its prediction.
        const { row, ...recorded } = await recordAttempt(trx, deps, goal, {
          ...input,
          stepId: started.stepId,
          idempotencyKey: finishKey(started.id),
          before: {
            confidenceBefore: started.confidenceBefore,
            anxietyBefore: started.anxietyBefore,
            confidenceRated: "before",
            energyBefore: started.energyBefore,
            sleepHours: started.sleepHours === null ? null : Number(started.sleepHours),
          },
          predictedSuccess:
            started.predictedSuccess === null ? null : Number(started.predictedSuccess),
          startedAt: started.startedAt,
          refuseArchived: false,
          ladderPath: "startId",
        });
        await deleteAttemptStart(trx, user.id, started.id);
        if (started.routineRunId) await linkRoutineRun(trx, started.routineRunId, row.id);
        return recorded;
      });
      if (finished) return c.json(finished, 201);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    // Finished already (a retry, or a parallel finish that won).
    const earlier = await loggedEarlier(db, deps, user, finishKey(startId));
    if (!earlier) throw new NotFoundError("attempt_in_progress");
    return c.json(earlier, 200);
  });

  app.openapi(discard, async (c) => {
    const { startId } = c.req.valid("param");
    const { db } = c.var.deps;
    const user = c.var.user;
    await db.transaction().execute(async (trx) => {
      const found = await access.attemptStart(trx, user, startId);
      await access.goalForUpdate(trx, user, found.goalId);
      await deleteAttemptStart(trx, user.id, found.id);
    });
    return c.body(null, 204);
  });
}

/** The start, or "finished" when it already became an attempt; else 404. */
async function findStartOrFinished(
  db: Db,
  user: UserRow,
  startId: string,
): Promise<AttemptStartRow | "finished"> {
  try {
    return await access.attemptStart(db, user, startId);
  } catch (error) {
    if (await findAttemptByKey(db, user.id, finishKey(startId))) return "finished";
    throw error;
  }
}
