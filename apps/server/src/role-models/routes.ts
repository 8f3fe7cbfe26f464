import {
  ConflictError,
  LinkedStep,
  ROLE_MODEL_LIMIT,
  ROLE_MODEL_STEP_LIMIT,
  RoleModel,
  RoleModelInput,
  RoleModelPatch,
  RoleModelStepInput,
  RoleModelStepPatch,
  roleModelNudge,
  StepRoleModel,
} from "@cando/core";
import {
  countRoleModelSteps,
  countRoleModels,
  type Db,
  deleteRoleModel,
  deleteRoleModelStep,
  insertRoleModel,
  insertRoleModelStep,
  linkableSteps,
  listRoleModelSteps,
  listRoleModels,
  lockUser,
  type RoleModelRow,
  type RoleModelStepView,
  roleModelStepsOfGoal,
  type UserRow,
  updateRoleModel,
  updateRoleModelStep,
} from "@cando/storage";
import { createRoute, z } from "@hono/zod-openapi";
import { access } from "../access";
import { authenticated } from "../auth/require-user";
import type { App } from "../context";
import { errors, json, jsonBody } from "../http/openapi";

const tags = ["role models"];
const IdParam = z.string().min(1).max(64);
const ModelParams = z.object({ roleModelId: IdParam });
const StepParams = z.object({ roleModelStepId: IdParam });
const GoalParams = z.object({ goalId: IdParam });
const One = z.object({ roleModel: RoleModel });

const list = createRoute({
  method: "get",
  path: "/api/role-models",
  tags,
  summary: "My role models, most similar first, each with what they did",
  ...authenticated,
  responses: {
    200: json(
      z.object({
        roleModels: z.array(RoleModel),
        linkable: z.array(LinkedStep).describe("Steps of my active goals a step can be linked to"),
      }),
      "The role models.",
    ),
    ...errors(401),
  },
});

const create = createRoute({
  method: "post",
  path: "/api/role-models",
  tags,
  summary: "Keep a role model (a gentle nudge when their start was not similar; never refused)",
  ...authenticated,
  request: { body: jsonBody(RoleModelInput) },
  responses: { 201: json(One, "The role model."), ...errors(400, 401, 403, 409) },
});

const show = createRoute({
  method: "get",
  path: "/api/role-models/{roleModelId}",
  tags,
  summary: "One role model and what they did",
  ...authenticated,
  request: { params: ModelParams },
  responses: { 200: json(One, "The role model."), ...errors(401, 404) },
});

const patch = createRoute({
  method: "patch",
  path: "/api/role-models/{roleModelId}",
  tags,
  summary: "Change a role model",
  ...authenticated,
  request: { params: ModelParams, body: jsonBody(RoleModelPatch) },
  responses: { 200: json(One, "The role model."), ...errors(400, 401, 403, 404) },
});

const remove = createRoute({
  method: "delete",
  path: "/api/role-models/{roleModelId}",
  tags,
  summary: "Delete a role model and what they did",
  ...authenticated,
  request: { params: ModelParams },
  responses: {
    200: json(z.object({ deleted: z.literal(true) }), "Deleted."),
    ...errors(401, 403, 404),
  },
});

const addStep = createRoute({
  method: "post",
  path: "/api/role-models/{roleModelId}/steps",
  tags,
  summary: "Add what a role model did, optionally linked to a step of my ladder",
  ...authenticated,
  request: { params: ModelParams, body: jsonBody(RoleModelStepInput) },
  responses: { 201: json(One, "The role model."), ...errors(400, 401, 403, 404, 409) },
});

const patchStep = createRoute({
  method: "patch",
  path: "/api/role-model-steps/{roleModelStepId}",
  tags,
  summary: "Change what a role model did, or its link to my ladder (null unlinks)",
  ...authenticated,
  request: { params: StepParams, body: jsonBody(RoleModelStepPatch) },
  responses: { 200: json(One, "The role model."), ...errors(400, 401, 403, 404) },
});

const removeStep = createRoute({
  method: "delete",
  path: "/api/role-model-steps/{roleModelStepId}",
  tags,
  summary: "Delete one thing a role model did",
  ...authenticated,
  request: { params: StepParams },
  responses: { 200: json(One, "The role model."), ...errors(401, 403, 404) },
});

const ofGoal = createRoute({
  method: "get",
  path: "/api/goals/{goalId}/role-models",
  tags,
  summary: "Who did the steps of this goal's ladder (for the step cards)",
  ...authenticated,
  request: { params: GoalParams },
  responses: {
    200: json(z.object({ steps: z.array(StepRoleModel) }), "Role models per step."),
    ...errors(401, 404),
  },
});

export function presentRoleModel(row: RoleModelRow, steps: RoleModelStepView[]): RoleModel {
  return {
    id: row.id,
    name: row.name,
    relation: row.relation,
    similarity: row.similarity,
    ahead: row.ahead,
    knownFrom: row.knownFrom,
    nudge: roleModelNudge(row.similarity),
    steps: steps
      .filter((s) => s.roleModelId === row.id)
      .map((s) => ({
        id: s.id,
        roleModelId: s.roleModelId,
        what: s.what,
        timing: s.timing,
        step:
          s.stepId !== null && s.stepTitle !== null && s.goalId !== null
            ? {
                id: s.stepId,
                title: s.stepTitle,
                goalId: s.goalId,
                goalStatement: s.goalStatement ?? "",
              }
            : null,
        createdAt: s.createdAt,
        updatedAt: s.updatedAt,
      })),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

async function loadOne(db: Db, user: UserRow, roleModelId: string): Promise<RoleModel> {
  const row = await access.roleModel(db, user, roleModelId);
  return presentRoleModel(row, await listRoleModelSteps(db, user.id, [row.id]));
}

/** A linked step must be one of the person's own steps (another person's is a 404). */
async function checkedStepId(db: Db, user: UserRow, stepId: string | null | undefined) {
  if (stepId === undefined || stepId === null) return stepId;
  return (await access.step(db, user, stepId)).id;
}

export function registerRoleModelRoutes(app: App): void {
  app.openapi(list, async (c) => {
    const { db } = c.var.deps;
    const user = c.var.user;
    const rows = await listRoleModels(db, user.id);
    // Every role model's steps in one query.
    const steps = await listRoleModelSteps(db, user.id);
    const linkable = await linkableSteps(db, user.id);
    return c.json({ roleModels: rows.map((r) => presentRoleModel(r, steps)), linkable }, 200);
  });

  app.openapi(create, async (c) => {
    const input = c.req.valid("json");
    const { db, clock, newId } = c.var.deps;
    const user = c.var.user;
    const roleModel = await db.transaction().execute(async (trx) => {
      await lockUser(trx, user.id);
      if ((await countRoleModels(trx, user.id)) >= ROLE_MODEL_LIMIT) {
        throw new ConflictError(
          "role_model_limit",
          `You keep ${ROLE_MODEL_LIMIT} role models already; delete one to add another.`,
        );
      }
      const now = clock.now().toISOString();
      const row: RoleModelRow = {
        id: newId(),
        userId: user.id,
        ...input,
        createdAt: now,
        updatedAt: now,
      };
      await insertRoleModel(trx, row);
      return presentRoleModel(row, []);
    });
    return c.json({ roleModel }, 201);
  });

  app.openapi(show, async (c) => {
    const { roleModelId } = c.req.valid("param");
    return c.json({ roleModel: await loadOne(c.var.deps.db, c.var.user, roleModelId) }, 200);
  });

  app.openapi(patch, async (c) => {
    const { roleModelId } = c.req.valid("param");
    const input = c.req.valid("json");
    const { db, clock } = c.var.deps;
    const user = c.var.user;
    const roleModel = await db.transaction().execute(async (trx) => {
      const row = await access.roleModelForUpdate(trx, user, roleModelId);
      await updateRoleModel(trx, user.id, row.id, {
        ...input,
        updatedAt: clock.now().toISOString(),
      });
      return loadOne(trx, user, row.id);
    });
    return c.json({ roleModel }, 200);
  });

  app.openapi(remove, async (c) => {
    const { roleModelId } = c.req.valid("param");
    const { db } = c.var.deps;
    const user = c.var.user;
    await db.transaction().execute(async (trx) => {
      const row = await access.roleModelForUpdate(trx, user, roleModelId);
      await deleteRoleModel(trx, user.id, row.id);
    });
    return c.json({ deleted: true as const }, 200);
  });

  app.openapi(addStep, async (c) => {
    const { roleModelId } = c.req.valid("param");
    const input = c.req.valid("json");
    const { db, clock, newId } = c.var.deps;
    const user = c.var.user;
    const roleModel = await db.transaction().execute(async (trx) => {
      // Locked: parallel adds cannot pass the limit together.
      const row = await access.roleModelForUpdate(trx, user, roleModelId);
      const stepId = (await checkedStepId(trx, user, input.stepId)) ?? null;
      if ((await countRoleModelSteps(trx, row.id)) >= ROLE_MODEL_STEP_LIMIT) {
        throw new ConflictError(
          "role_model_step_limit",
          `A role model keeps at most ${ROLE_MODEL_STEP_LIMIT} steps.`,
        );
      }
      const now = clock.now().toISOString();
      await insertRoleModelStep(trx, {
        id: newId(),
        roleModelId: row.id,
        userId: user.id,
        what: input.what,
        timing: input.timing,
        stepId,
        createdAt: now,
        updatedAt: now,
      });
      return loadOne(trx, user, row.id);
    });
    return c.json({ roleModel }, 201);
  });

  app.openapi(patchStep, async (c) => {
    const { roleModelStepId } = c.req.valid("param");
    const input = c.req.valid("json");
    const { db, clock } = c.var.deps;
    const user = c.var.user;
    const roleModel = await db.transaction().execute(async (trx) => {
      const found = await access.roleModelStep(trx, user, roleModelStepId);
      await access.roleModelForUpdate(trx, user, found.roleModelId);
      const stepId = await checkedStepId(trx, user, input.stepId);
      await updateRoleModelStep(trx, user.id, found.id, {
        ...(input.what === undefined ? {} : { what: input.what }),
        ...(input.timing === undefined ? {} : { timing: input.timing }),
        ...(stepId === undefined ? {} : { stepId }),
        updatedAt: clock.now().toISOString(),
      });
      return loadOne(trx, user, found.roleModelId);
    });
    return c.json({ roleModel }, 200);
  });

  app.openapi(removeStep, async (c) => {
    const { roleModelStepId } = c.req.valid("param");
    const { db } = c.var.deps;
    const user = c.var.user;
    const roleModel = await db.transaction().execute(async (trx) => {
      const found = await access.roleModelStep(trx, user, roleModelStepId);
      await access.roleModelForUpdate(trx, user, found.roleModelId);
      await deleteRoleModelStep(trx, user.id, found.id);
      return loadOne(trx, user, found.roleModelId);
    });
    return c.json({ roleModel }, 200);
  });

  app.openapi(ofGoal, async (c) => {
    const { goalId } = c.req.valid("param");
    const { db } = c.var.deps;
    const user = c.var.user;
    const goal = await access.goal(db, user, goalId);
    return c.json({ steps: await roleModelStepsOfGoal(db, user.id, goal.id) }, 200);
  });
}
