import { sql } from "kysely";
import { type Db, dbKind } from "../db";
import type { RoleModelStepsTable, RoleModelsTable } from "../schema";

export type RoleModelRow = RoleModelsTable;
export type RoleModelStepRow = RoleModelStepsTable;

/** A role model's step with the ladder step it is linked to (null when unlinked). */
export type RoleModelStepView = RoleModelStepRow & {
  stepTitle: string | null;
  goalId: string | null;
  goalStatement: string | null;
};

/** A person's role models, most similar first, then by name. */
export async function listRoleModels(db: Db, userId: string): Promise<RoleModelRow[]> {
  return db
    .selectFrom("roleModels")
    .selectAll()
    .where("userId", "=", userId)
    .orderBy("similarity", "desc")
    .orderBy("name")
    .orderBy("id")
    .execute();
}

export async function findRoleModel(
  db: Db,
  userId: string,
  id: string,
): Promise<RoleModelRow | undefined> {
  return db
    .selectFrom("roleModels")
    .selectAll()
    .where("userId", "=", userId)
    .where("id", "=", id)
    .executeTakeFirst();
}

/** The role model, locked until the transaction ends (PostgreSQL): for its step limit. */
export async function lockRoleModel(
  db: Db,
  userId: string,
  id: string,
): Promise<RoleModelRow | undefined> {
  const query = db
    .selectFrom("roleModels")
    .selectAll()
    .where("userId", "=", userId)
    .where("id", "=", id);
  return (dbKind(db) === "postgres" ? query.forUpdate() : query).executeTakeFirst();
}

export async function countRoleModels(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom("roleModels")
    .select(sql<number>`cast(count(*) as integer)`.as("n"))
    .where("userId", "=", userId)
    .executeTakeFirst();
  return row?.n ?? 0;
}

export async function insertRoleModel(db: Db, row: RoleModelRow): Promise<void> {
  await db.insertInto("roleModels").values(row).execute();
}

export async function updateRoleModel(
  db: Db,
  userId: string,
  id: string,
  patch: Partial<Omit<RoleModelRow, "id" | "userId" | "createdAt">>,
): Promise<void> {
  await db
    .updateTable("roleModels")
    .set(patch)
    .where("userId", "=", userId)
    .where("id", "=", id)
    .execute();
}

/** Deletes a role model and its steps. */
export async function deleteRoleModel(db: Db, userId: string, id: string): Promise<void> {
  await db
    .deleteFrom("roleModelSteps")
    .where("userId", "=", userId)
    .where("roleModelId", "=", id)
    .execute();
  await db.deleteFrom("roleModels").where("userId", "=", userId).where("id", "=", id).execute();
}

/**
 * Steps of a person's role models (of the given ones, or all), in the order they were entered,
 * each with the ladder step it is linked to: one query, however many role models.
 */
export async function listRoleModelSteps(
  db: Db,
  userId: string,
  roleModelIds?: readonly string[],
): Promise<RoleModelStepView[]> {
  if (roleModelIds !== undefined && roleModelIds.length === 0) return [];
  let query = db
    .selectFrom("roleModelSteps as r")
    .leftJoin("steps", "steps.id", "r.stepId")
    .leftJoin("goals", "goals.id", "steps.goalId")
    .selectAll("r")
    .select(["steps.title as stepTitle", "goals.id as goalId", "goals.statement as goalStatement"])
    .where("r.userId", "=", userId);
  if (roleModelIds !== undefined) query = query.where("r.roleModelId", "in", roleModelIds);
  return query.orderBy("r.createdAt").orderBy("r.id").execute();
}

export async function findRoleModelStep(
  db: Db,
  userId: string,
  id: string,
): Promise<RoleModelStepRow | undefined> {
  return db
    .selectFrom("roleModelSteps")
    .selectAll()
    .where("userId", "=", userId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function countRoleModelSteps(db: Db, roleModelId: string): Promise<number> {
  const row = await db
    .selectFrom("roleModelSteps")
    .select(sql<number>`cast(count(*) as integer)`.as("n"))
    .where("roleModelId", "=", roleModelId)
    .executeTakeFirst();
  return row?.n ?? 0;
}

export async function insertRoleModelStep(db: Db, row: RoleModelStepRow): Promise<void> {
  await db.insertInto("roleModelSteps").values(row).execute();
}

export async function updateRoleModelStep(
  db: Db,
  userId: string,
  id: string,
  patch: Partial<Pick<RoleModelStepRow, "what" | "timing" | "stepId" | "updatedAt">>,
): Promise<void> {
  await db
    .updateTable("roleModelSteps")
    .set(patch)
    .where("userId", "=", userId)
    .where("id", "=", id)
    .execute();
}

export async function deleteRoleModelStep(db: Db, userId: string, id: string): Promise<void> {
  await db.deleteFrom("roleModelSteps").where("userId", "=", userId).where("id", "=", id).execute();
}

/** The steps a role model's step can be linked to: those of active goals, in ladder order. */
export async function linkableSteps(
  db: Db,
  userId: string,
): Promise<{ id: string; title: string; goalId: string; goalStatement: string }[]> {
  return db
    .selectFrom("steps")
    .innerJoin("goals", "goals.id", "steps.goalId")
    .select(["steps.id", "steps.title", "goals.id as goalId", "goals.statement as goalStatement"])
    .where("steps.userId", "=", userId)
    .where("steps.archivedAt", "is", null)
    .where("goals.status", "=", "active")
    .orderBy("goals.createdAt", "desc")
    .orderBy("goals.id")
    .orderBy("steps.position")
    .limit(500)
    .execute();
}

/** Who did the steps of one goal's ladder: the role-model steps linked to them, with the name. */
export async function roleModelStepsOfGoal(
  db: Db,
  userId: string,
  goalId: string,
): Promise<
  {
    stepId: string;
    roleModelId: string;
    roleModelStepId: string;
    name: string;
    similarity: number;
    what: string;
    timing: string;
  }[]
> {
  const rows = await db
    .selectFrom("roleModelSteps as r")
    .innerJoin("steps", "steps.id", "r.stepId")
    .innerJoin("roleModels as m", "m.id", "r.roleModelId")
    .select([
      "steps.id as stepId",
      "m.id as roleModelId",
      "r.id as roleModelStepId",
      "m.name",
      "m.similarity",
      "r.what",
      "r.timing",
    ])
    .where("r.userId", "=", userId)
    .where("steps.goalId", "=", goalId)
    .orderBy("m.similarity", "desc")
    .orderBy("r.createdAt")
    .orderBy("r.id")
    .execute();
  return rows;
}

/** One role model or role-model step a person entered or changed in a period. */
export type RoleModelEntry = {
  kind: "roleModel" | "step";
  id: string;
  roleModelId: string;
  name: string;
  /** What they did (a step), or null for the role model itself. */
  what: string | null;
  /** When it was last written (created or updated). */
  at: string;
};

/**
 * The role-model entries of a person created or updated in [from, to) (instants): the week's
 * vicarious source. Role models and their steps each count once, newest first, at most `limit`.
 */
export async function roleModelEntriesBetween(
  db: Db,
  userId: string,
  from: string,
  to: string,
  limit = 200,
): Promise<RoleModelEntry[]> {
  const models = await db
    .selectFrom("roleModels")
    .select(["id", "name", "updatedAt", "createdAt"])
    .where("userId", "=", userId)
    .where((eb) =>
      eb.or([
        eb.and([eb("createdAt", ">=", from), eb("createdAt", "<", to)]),
        eb.and([eb("updatedAt", ">=", from), eb("updatedAt", "<", to)]),
      ]),
    )
    .limit(limit)
    .execute();
  const steps = await db
    .selectFrom("roleModelSteps as r")
    .innerJoin("roleModels as m", "m.id", "r.roleModelId")
    .select(["r.id", "r.roleModelId", "m.name", "r.what", "r.updatedAt", "r.createdAt"])
    .where("r.userId", "=", userId)
    .where((eb) =>
      eb.or([
        eb.and([eb("r.createdAt", ">=", from), eb("r.createdAt", "<", to)]),
        eb.and([eb("r.updatedAt", ">=", from), eb("r.updatedAt", "<", to)]),
      ]),
    )
    .limit(limit)
    .execute();
  const latest = (created: string, updated: string) =>
    updated >= from && updated < to ? updated : created;
  const entries: RoleModelEntry[] = [
    ...models.map((m) => ({
      kind: "roleModel" as const,
      id: m.id,
      roleModelId: m.id,
      name: m.name,
      what: null,
      at: latest(m.createdAt, m.updatedAt),
    })),
    ...steps.map((s) => ({
      kind: "step" as const,
      id: s.id,
      roleModelId: s.roleModelId,
      name: s.name,
      what: s.what,
      at: latest(s.createdAt, s.updatedAt),
    })),
  ];
  entries.sort((a, b) => (a.at === b.at ? a.id.localeCompare(b.id) : a.at < b.at ? 1 : -1));
  return entries.slice(0, limit);
}
