import { LADDER_MODEL_VERSION, parseLadderModel, replayLadderModel } from "@cando/core";
import { findGoal, updateGoal } from "@cando/storage";
import { describeEachDatabase } from "@cando/storage/test-support";
import { expect, it } from "vitest";
import { attemptBody, buildTestApp, goalWithLadder, signedUp } from "../test-support";
import { loadLadderFacts } from "./replay";
import { upgradeLadderModels } from "./upgrade";

describeEachDatabase("bringing stored ladder models up to the engine's version", (db) => {
  it("replays and saves models of an older version or damaged, in batches, and leaves current ones", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const userId = (await ada.get("/api/me")).body.user.id as string;
    const goals: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { goalId, stepIds } = await goalWithLadder(ada, [80, 60, 40]);
      expect((await ada.post("/api/attempts", attemptBody(stepIds[0] as string))).status).toBe(201);
      goals.push(goalId);
    }
    const stored = async (goalId: string) => {
      const goal = await findGoal(db(), userId, goalId);
      if (!goal) throw new Error("no goal");
      return goal;
    };
    const current = await stored(goals[0] as string);
    const older = JSON.stringify({
      ...JSON.parse(current.model ?? "null"),
      version: LADDER_MODEL_VERSION - 1,
      ability: 2,
    });
    // Three of five made unusable: two of an older engine, one damaged; two stay current.
    const stale = [goals[0], goals[2], goals[4]] as string[];
    await updateGoal(db(), userId, goals[0] as string, { model: older });
    await updateGoal(db(), userId, goals[2] as string, { model: older });
    await updateGoal(db(), userId, goals[4] as string, { model: "{not json" });
    const untouched = await stored(goals[1] as string);

    expect(await upgradeLadderModels(db(), 2)).toBe(3);
    for (const goalId of stale) {
      const goal = await stored(goalId);
      const model = parseLadderModel(JSON.parse(goal.model ?? "null"));
      expect(model.version).toBe(LADDER_MODEL_VERSION);
      expect(model).toEqual(
        JSON.parse(JSON.stringify(replayLadderModel(await loadLadderFacts(db(), goal)))),
      );
    }
    expect(await stored(goals[1] as string)).toEqual(untouched);
    // Done once: a second run finds nothing to do.
    expect(await upgradeLadderModels(db(), 2)).toBe(0);
  });

  it("replays each goal once when two servers start at the same moment", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const userId = (await ada.get("/api/me")).body.user.id as string;
    const goals: { goalId: string; updatedAt: string }[] = [];
    for (let i = 0; i < 6; i++) {
      const { goalId, stepIds } = await goalWithLadder(ada, [70, 50, 30]);
      expect((await ada.post("/api/attempts", attemptBody(stepIds[1] as string))).status).toBe(201);
      const goal = await findGoal(db(), userId, goalId);
      if (!goal) throw new Error("no goal");
      const older = JSON.stringify({
        ...JSON.parse(goal.model ?? "null"),
        version: LADDER_MODEL_VERSION - 1,
      });
      await updateGoal(db(), userId, goalId, { model: older });
      goals.push({ goalId, updatedAt: (await findGoal(db(), userId, goalId))?.updatedAt ?? "" });
    }
    // Two upgrades at once, each through its own connections on PostgreSQL (as two processes):
    // every goal is replayed by exactly one of them, under the goal's lock.
    const [first, second] = await Promise.all([
      upgradeLadderModels(db(), 4),
      upgradeLadderModels(db(), 4),
    ]);
    expect(first + second).toBe(6);
    for (const { goalId, updatedAt } of goals) {
      const goal = await findGoal(db(), userId, goalId);
      if (!goal) throw new Error("no goal");
      expect(parseLadderModel(JSON.parse(goal.model ?? "null")).version).toBe(LADDER_MODEL_VERSION);
      expect(goal.updatedAt).toBe(updatedAt);
    }
  });
});
