import { expect, it } from "vitest";
import { deleteGoal, insertDomains, insertGoal, insertSteps, insertUser } from "../index";
import { countRoleModelExperiences } from "../reflections/sources";
import {
  buildDomain,
  buildGoal,
  buildStep,
  buildUser,
  describeEachDatabase,
} from "../test-support";
import {
  deleteRoleModel,
  insertRoleModel,
  insertRoleModelStep,
  listRoleModelSteps,
  listRoleModels,
  type RoleModelRow,
  type RoleModelStepRow,
  roleModelEntriesBetween,
  roleModelStepsOfGoal,
  updateRoleModelStep,
} from "./role-models";

const model = (userId: string, id: string, over: Partial<RoleModelRow> = {}): RoleModelRow => ({
  id,
  userId,
  name: id,
  relation: "",
  similarity: 70,
  ahead: "",
  knownFrom: "",
  createdAt: "2026-11-20T09:00:00.000Z",
  updatedAt: "2026-11-20T09:00:00.000Z",
  ...over,
});

const step = (
  userId: string,
  roleModelId: string,
  id: string,
  over: Partial<RoleModelStepRow> = {},
): RoleModelStepRow => ({
  id,
  roleModelId,
  userId,
  what: `did ${id}`,
  timing: "",
  stepId: null,
  createdAt: "2026-11-20T09:00:00.000Z",
  updatedAt: "2026-11-20T09:00:00.000Z",
  ...over,
});

describeEachDatabase("role models", (db) => {
  async function person() {
    const user = buildUser();
    await insertUser(db(), user);
    const domain = buildDomain(user.id);
    await insertDomains(db(), [domain]);
    const goal = buildGoal(user.id, domain.id);
    await insertGoal(db(), goal);
    const steps = [
      buildStep(user.id, goal.id, { position: 0 }),
      buildStep(user.id, goal.id, { position: 1 }),
    ];
    await insertSteps(db(), steps);
    return { user, goal, steps };
  }

  it("lists most similar first, with steps linked to the ladder; a deleted goal unlinks them", async () => {
    const { user, goal, steps } = await person();
    const other = await person();
    await insertRoleModel(db(), model(user.id, "rm-far", { name: "Famous", similarity: 10 }));
    await insertRoleModel(db(), model(user.id, "rm-near", { name: "Sam", similarity: 80 }));
    await insertRoleModel(db(), model(other.user.id, "rm-other", { similarity: 99 }));
    await insertRoleModelStep(
      db(),
      step(user.id, "rm-near", "s1", { stepId: steps[1]?.id ?? null, timing: "third month" }),
    );
    await insertRoleModelStep(db(), step(user.id, "rm-far", "s2"));
    await insertRoleModelStep(db(), step(other.user.id, "rm-other", "s3"));

    expect((await listRoleModels(db(), user.id)).map((m) => m.id)).toEqual(["rm-near", "rm-far"]);
    const linked = await listRoleModelSteps(db(), user.id);
    expect(linked.map((s) => [s.id, s.stepTitle !== null, s.goalId])).toEqual([
      ["s1", true, goal.id],
      ["s2", false, null],
    ]);
    expect(await roleModelStepsOfGoal(db(), user.id, goal.id)).toEqual([
      {
        stepId: steps[1]?.id,
        roleModelId: "rm-near",
        roleModelStepId: "s1",
        name: "Sam",
        similarity: 80,
        what: "did s1",
        timing: "third month",
      },
    ]);
    expect(await roleModelStepsOfGoal(db(), other.user.id, goal.id)).toEqual([]);

    await db()
      .transaction()
      .execute((trx) => deleteGoal(trx, user.id, goal.id));
    const after = await listRoleModelSteps(db(), user.id, ["rm-near"]);
    expect(after.map((s) => [s.id, s.stepId])).toEqual([["s1", null]]);

    await deleteRoleModel(db(), user.id, "rm-near");
    expect((await listRoleModelSteps(db(), user.id)).map((s) => s.id)).toEqual(["s2"]);
  });

  it("gives the entries created or updated in [from, to), newest first, only the person's", async () => {
    const { user } = await person();
    const other = await person();
    const at = (t: string) => `2026-11-${t}.000Z`;
    await insertRoleModel(
      db(),
      model(user.id, "rm-old", { createdAt: at("01T09:00:00"), updatedAt: at("01T09:00:00") }),
    );
    await insertRoleModel(
      db(),
      model(user.id, "rm-edited", { createdAt: at("01T09:00:00"), updatedAt: at("17T10:00:00") }),
    );
    await insertRoleModel(
      db(),
      model(user.id, "rm-new", { createdAt: at("16T00:00:00"), updatedAt: at("16T00:00:00") }),
    );
    await insertRoleModel(
      db(),
      model(user.id, "rm-late", { createdAt: at("23T00:00:00"), updatedAt: at("23T00:00:00") }),
    );
    await insertRoleModelStep(
      db(),
      step(user.id, "rm-old", "s-week", {
        createdAt: at("18T08:00:00"),
        updatedAt: at("18T08:00:00"),
      }),
    );
    await insertRoleModelStep(
      db(),
      step(user.id, "rm-old", "s-before", {
        createdAt: at("02T08:00:00"),
        updatedAt: at("02T08:00:00"),
      }),
    );
    await updateRoleModelStep(db(), user.id, "s-before", { updatedAt: at("19T08:00:00") });
    await insertRoleModel(
      db(),
      model(other.user.id, "rm-theirs", {
        createdAt: at("18T00:00:00"),
        updatedAt: at("18T00:00:00"),
      }),
    );

    const entries = await roleModelEntriesBetween(
      db(),
      user.id,
      at("16T00:00:00"),
      at("23T00:00:00"),
    );
    expect(entries.map((e) => [e.kind, e.id, e.at])).toEqual([
      ["step", "s-before", at("19T08:00:00")],
      ["step", "s-week", at("18T08:00:00")],
      ["roleModel", "rm-edited", at("17T10:00:00")],
      ["roleModel", "rm-new", at("16T00:00:00")],
    ]);
    expect(entries[0]).toMatchObject({
      roleModelId: "rm-old",
      what: "did s-before",
      name: "rm-old",
    });
    // The week's vicarious source counts the same entries in SQL.
    expect(
      await countRoleModelExperiences(db(), {
        userId: user.id,
        from: at("16T00:00:00"),
        to: at("23T00:00:00"),
      }),
    ).toBe(4);
  });
});
