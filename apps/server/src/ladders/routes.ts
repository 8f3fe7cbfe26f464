import {
  ConflictError,
  LADDER_MAX_STEPS,
  LADDER_MIN_STEPS,
  LadderInput,
  LadderView,
  Milestone,
  StepInput,
  StepOrderInput,
  StepRating,
  StepRatingInput,
  StepUpdate,
  setStepOverride,
  ValidationError,
} from "@cando/core";
import {
  countAttemptsOfStep,
  type Db,
  deleteStep,
  type GoalRow,
  insertStepRating,
  insertSteps,
  listStepRatings,
  listSteps,
  type NewStepRow,
  type StepRow,
  setStepPositions,
  type UserRow,
  updateStep,
} from "@cando/storage";
import { createRoute, z } from "@hono/zod-openapi";
import { access } from "../access";
import { authenticated } from "../auth/require-user";
import type { App, AppDeps } from "../context";
import { GoalParams } from "../goals/routes";
import { errors, json, jsonBody } from "../http/openapi";
import { recordMilestones } from "../milestones/record";
import { activeOnly, ladderView, syncLadderModel } from "./ladder";
import { saveModel, writableLadderModel } from "./replay";

const StepParams = z.object({ stepId: z.string().min(1).max(64) });
const LadderResponse = z.object({ ladder: LadderView });
const tags = ["ladders"];

const build = createRoute({
  method: "put",
  path: "/api/goals/{goalId}/ladder",
  tags,
  summary: `Build the ladder: ${LADDER_MIN_STEPS}–${LADDER_MAX_STEPS} steps, easiest first, each rated for confidence`,
  ...authenticated,
  request: { params: GoalParams, body: jsonBody(LadderInput) },
  responses: { 201: json(LadderResponse, "The new ladder."), ...errors(400, 401, 403, 404, 409) },
});

const addStep = createRoute({
  method: "post",
  path: "/api/goals/{goalId}/steps",
  tags,
  summary: "Add a step to the ladder (at `position`, default the end)",
  ...authenticated,
  request: {
    params: GoalParams,
    body: jsonBody(
      StepInput.extend({ position: z.number().int().min(0).max(LADDER_MAX_STEPS).optional() }),
    ),
  },
  responses: { 201: json(LadderResponse, "The ladder."), ...errors(400, 401, 403, 404) },
});

const reorder = createRoute({
  method: "put",
  path: "/api/goals/{goalId}/ladder/order",
  tags,
  summary: "Reorder the ladder's active steps (every active step, once)",
  ...authenticated,
  request: { params: GoalParams, body: jsonBody(StepOrderInput) },
  responses: { 200: json(LadderResponse, "The ladder."), ...errors(400, 401, 403, 404) },
});

const ratings = createRoute({
  method: "get",
  path: "/api/goals/{goalId}/ratings",
  tags,
  summary: "Confidence ratings of the ladder's steps over time",
  ...authenticated,
  request: { params: GoalParams },
  responses: {
    200: json(z.object({ ratings: z.array(StepRating) }), "History, oldest first."),
    ...errors(401, 404),
  },
});

const editStep = createRoute({
  method: "patch",
  path: "/api/steps/{stepId}",
  tags,
  summary: "Edit a step, or override its mastery (true, false, or null for the rule)",
  ...authenticated,
  request: { params: StepParams, body: jsonBody(StepUpdate) },
  responses: {
    200: json(LadderResponse.extend({ milestones: z.array(Milestone) }), "The ladder."),
    ...errors(400, 401, 403, 404),
  },
});

const removeStep = createRoute({
  method: "delete",
  path: "/api/steps/{stepId}",
  tags,
  summary: "Remove a step; one with attempts is archived with its history, never deleted",
  ...authenticated,
  request: { params: StepParams },
  responses: {
    200: json(LadderResponse.extend({ archived: z.boolean() }), "The ladder."),
    ...errors(400, 401, 403, 404),
  },
});

const rate = createRoute({
  method: "post",
  path: "/api/steps/{stepId}/ratings",
  tags,
  summary: "Re-rate confidence in a step (kept as history)",
  ...authenticated,
  request: { params: StepParams, body: jsonBody(StepRatingInput) },
  responses: { 201: json(LadderResponse, "The ladder."), ...errors(400, 401, 403, 404) },
});

function stepRow(
  deps: AppDeps,
  user: UserRow,
  goal: GoalRow,
  input: StepInput,
  position: number,
  now: string,
): NewStepRow {
  return {
    id: deps.newId(),
    userId: user.id,
    goalId: goal.id,
    title: input.title,
    description: input.description,
    position,
    confidence: input.confidence ?? null,
    plannedDate: input.plannedDate ?? null,
    archivedAt: null,
    masteryOverride: null,
    createdAt: now,
  };
}

async function recordRating(
  db: Db,
  deps: AppDeps,
  stepId: string,
  confidence: number | null,
  now: string,
) {
  if (confidence === null) return;
  await insertStepRating(db, { id: deps.newId(), stepId, confidence, ratedAt: now });
}

/**
 * A step to change, with its goal locked first (`access.goalForUpdate`); the step is read again
 * under the lock, so a parallel change to it is seen.
 */
async function stepForUpdate(trx: Db, user: UserRow, stepId: string) {
  const goal = await access.goalForUpdate(trx, user, (await access.step(trx, user, stepId)).goalId);
  return { goal, step: await access.step(trx, user, stepId) };
}

export function registerLadderRoutes(app: App): void {
  app.openapi(build, async (c) => {
    const { goalId } = c.req.valid("param");
    const { steps } = c.req.valid("json");
    const { db, clock } = c.var.deps;
    const user = c.var.user;
    const ladder = await db.transaction().execute(async (trx) => {
      const goal = await access.goalForUpdate(trx, user, goalId);
      if (activeOnly(await listSteps(trx, goal.id)).length > 0) {
        throw new ConflictError(
          "ladder_exists",
          "This goal already has a ladder: add, edit or reorder its steps.",
        );
      }
      const now = clock.now().toISOString();
      const rows = steps.map((s, i) => stepRow(c.var.deps, user, goal, s, i, now));
      await insertSteps(trx, rows);
      for (const r of rows) await recordRating(trx, c.var.deps, r.id, r.confidence, now);
      await syncLadderModel(trx, goal, now);
      return ladderView(trx, goal, clock.now());
    });
    return c.json({ ladder }, 201);
  });

  app.openapi(addStep, async (c) => {
    const { goalId } = c.req.valid("param");
    const { position, ...input } = c.req.valid("json");
    const { db, clock } = c.var.deps;
    const user = c.var.user;
    const ladder = await db.transaction().execute(async (trx) => {
      const goal = await access.goalForUpdate(trx, user, goalId);
      const active = activeOnly(await listSteps(trx, goal.id));
      if (active.length >= LADDER_MAX_STEPS) {
        throw new ValidationError([
          { path: "steps", message: `a ladder can have at most ${LADDER_MAX_STEPS} steps` },
        ]);
      }
      const now = clock.now().toISOString();
      const at = Math.min(position ?? active.length, active.length);
      const row = stepRow(c.var.deps, user, goal, input, at, now);
      await insertSteps(trx, [row]);
      await recordRating(trx, c.var.deps, row.id, row.confidence, now);
      const order = active.map((s) => s.id);
      order.splice(at, 0, row.id);
      await setStepPositions(trx, user.id, order);
      await syncLadderModel(trx, goal, now);
      return ladderView(trx, goal, clock.now());
    });
    return c.json({ ladder }, 201);
  });

  app.openapi(reorder, async (c) => {
    const { goalId } = c.req.valid("param");
    const { stepIds } = c.req.valid("json");
    const { db, clock } = c.var.deps;
    const user = c.var.user;
    const ladder = await db.transaction().execute(async (trx) => {
      const goal = await access.goalForUpdate(trx, user, goalId);
      const active = activeOnly(await listSteps(trx, goal.id)).map((s) => s.id);
      const same =
        stepIds.length === active.length &&
        new Set(stepIds).size === active.length &&
        stepIds.every((id) => active.includes(id));
      if (!same) {
        throw new ValidationError([
          { path: "stepIds", message: "must list every active step of this ladder exactly once" },
        ]);
      }
      await setStepPositions(trx, user.id, stepIds);
      await syncLadderModel(trx, goal, clock.now().toISOString());
      return ladderView(trx, goal, clock.now());
    });
    return c.json({ ladder }, 200);
  });

  app.openapi(ratings, async (c) => {
    const { goalId } = c.req.valid("param");
    const goal = await access.goal(c.var.deps.db, c.var.user, goalId);
    const rows = await listStepRatings(c.var.deps.db, goal.id);
    return c.json(
      { ratings: rows.map(({ stepId, confidence, ratedAt }) => ({ stepId, confidence, ratedAt })) },
      200,
    );
  });

  app.openapi(editStep, async (c) => {
    const { stepId } = c.req.valid("param");
    const patch = c.req.valid("json");
    const { db, clock } = c.var.deps;
    const user = c.var.user;
    const result = await db.transaction().execute(async (trx) => {
      const { goal, step } = await stepForUpdate(trx, user, stepId);
      const changes: Partial<StepRow> = {};
      if (patch.title !== undefined) changes.title = patch.title;
      if (patch.description !== undefined) changes.description = patch.description;
      if (patch.plannedDate !== undefined) changes.plannedDate = patch.plannedDate;
      if (Object.keys(changes).length > 0) await updateStep(trx, user.id, step.id, changes);
      let milestones: Milestone[] = [];
      if (patch.mastered !== undefined) {
        const now = clock.now().toISOString();
        const model = await writableLadderModel(trx, goal, now);
        if (!model || step.archivedAt !== null) {
          throw new ValidationError([
            { path: "mastered", message: "an archived step cannot be marked" },
          ]);
        }
        const override =
          patch.mastered === null ? null : patch.mastered ? "mastered" : "unmastered";
        // The override is a fact on the step; the model (its cache) takes it as it is.
        await updateStep(trx, user.id, step.id, { masteryOverride: override });
        const next = setStepOverride(model, step.id, override);
        await saveModel(trx, goal, next, now);
        milestones = await recordMilestones(trx, c.var.deps, goal, next);
      }
      return { ladder: await ladderView(trx, goal, clock.now()), milestones };
    });
    return c.json(result, 200);
  });

  app.openapi(removeStep, async (c) => {
    const { stepId } = c.req.valid("param");
    const { db, clock } = c.var.deps;
    const user = c.var.user;
    const result = await db.transaction().execute(async (trx) => {
      const { goal, step } = await stepForUpdate(trx, user, stepId);
      const active = activeOnly(await listSteps(trx, goal.id));
      if (step.archivedAt === null && active.length <= LADDER_MIN_STEPS) {
        throw new ValidationError([
          {
            path: "stepId",
            message: `a ladder needs at least ${LADDER_MIN_STEPS} steps; add one before removing this`,
          },
        ]);
      }
      const now = clock.now().toISOString();
      // A step with attempts keeps its history: archive it instead of deleting.
      const archived = (await countAttemptsOfStep(trx, step.id)) > 0;
      if (archived) await updateStep(trx, user.id, step.id, { archivedAt: step.archivedAt ?? now });
      else await deleteStep(trx, user.id, step.id);
      await setStepPositions(
        trx,
        user.id,
        active.filter((s) => s.id !== step.id).map((s) => s.id),
      );
      await syncLadderModel(trx, goal, now);
      return { ladder: await ladderView(trx, goal, clock.now()), archived };
    });
    return c.json(result, 200);
  });

  app.openapi(rate, async (c) => {
    const { stepId } = c.req.valid("param");
    const { confidence } = c.req.valid("json");
    const { db, clock } = c.var.deps;
    const user = c.var.user;
    const ladder = await db.transaction().execute(async (trx) => {
      const { goal, step } = await stepForUpdate(trx, user, stepId);
      const now = clock.now().toISOString();
      await updateStep(trx, user.id, step.id, { confidence });
      await recordRating(trx, c.var.deps, step.id, confidence, now);
      // The model starts from the ratings, so a new rating changes it: replay.
      await syncLadderModel(trx, goal, now);
      return ladderView(trx, goal, clock.now());
    });
    return c.json({ ladder }, 201);
  });
}
