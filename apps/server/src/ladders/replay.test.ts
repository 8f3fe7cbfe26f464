import { LADDER_MODEL_VERSION, replayLadderModel } from "@cando/core";
import { findGoal, type GoalRow, updateGoal } from "@cando/storage";
import { describeEachDatabase } from "@cando/storage/test-support";
import { expect, it } from "vitest";
import {
  attemptBody,
  buildTestApp,
  goalWithLadder,
  signedUp,
  type TestClient,
} from "../test-support";
import { loadLadderFacts } from "./replay";

async function storedGoal(
  db: Parameters<typeof findGoal>[0],
  client: TestClient,
  goalId: string,
): Promise<GoalRow> {
  const userId = (await client.get("/api/me")).body.user.id as string;
  const goal = await findGoal(db, userId, goalId);
  if (!goal) throw new Error("no goal");
  return goal;
}

describeEachDatabase("the ladder model as a replay", (db) => {
  it("stays equal to the replay of its facts through a mixed sequence of API calls", async () => {
    const { app, clock } = buildTestApp(db());
    const ada = await signedUp(app);
    const { goalId, stepIds } = await goalWithLadder(ada, [90, 60, 40, 20]);
    const [s1, s2, s3, s4] = stepIds as [string, string, string, string];

    const expectCacheIsReplay = async (when: string) => {
      const goal = await storedGoal(db(), ada, goalId);
      const replayed = replayLadderModel(await loadLadderFacts(db(), goal));
      expect(JSON.parse(goal.model ?? "null"), when).toEqual(JSON.parse(JSON.stringify(replayed)));
    };

    const log = async (stepId: string, extra: Record<string, unknown> = {}) => {
      const res = await ada.post("/api/attempts", attemptBody(stepId, extra));
      expect(res.status).toBe(201);
      return res.body.attempt.id as string;
    };

    for (const [stepId, outcome] of [
      [s1, "done"],
      [s1, "done"],
      [s2, "partly"],
      [s2, "not_yet"],
    ] as const) {
      clock.advanceMinutes(90);
      await log(stepId, { outcome });
    }
    await expectCacheIsReplay("appended attempts");

    // Backdated: before every attempt so far, and at the same instant as the last one.
    await log(s3, { outcome: "done", attemptedAt: "2026-11-20T08:00:00.000Z" });
    await expectCacheIsReplay("backdated attempt");
    await log(s2, { outcome: "done", attemptedAt: clock.now().toISOString() });
    await expectCacheIsReplay("attempt at the same instant");

    const added = await ada.post(`/api/goals/${goalId}/steps`, {
      title: "A smaller step",
      confidence: 70,
      position: 1,
    });
    expect(added.status).toBe(201);
    await expectCacheIsReplay("step added");
    const newId = added.body.ladder.steps[1].id as string;

    expect(
      (
        await ada.call("PUT", `/api/goals/${goalId}/ladder/order`, {
          stepIds: [s1, s2, newId, s3, s4],
        })
      ).status,
    ).toBe(200);
    await expectCacheIsReplay("reordered");

    expect((await ada.post(`/api/steps/${s3}/ratings`, { confidence: 70 })).status).toBe(201);
    await expectCacheIsReplay("re-rated");

    expect((await ada.patch(`/api/steps/${s2}`, { mastered: true })).status).toBe(200);
    await expectCacheIsReplay("override");

    // s3 has an attempt: it is archived, and its attempt still counts.
    const removed = await ada.call("DELETE", `/api/steps/${s3}`);
    expect(removed.body.archived).toBe(true);
    await expectCacheIsReplay("archived a step with attempts");

    clock.advanceDays(20);
    await log(newId, { outcome: "not_yet" });
    await log(s4, { outcome: "partly", attemptedAt: "2026-11-21T08:00:00.000Z" });
    await expectCacheIsReplay("after the archive");

    const goal = await storedGoal(db(), ada, goalId);
    const model = JSON.parse(goal.model ?? "null");
    expect(model.attempts).toBe(8);
    expect(model.steps.map((s: { id: string }) => s.id)).toEqual([s1, s2, newId, s4]);
    expect(model.steps[1].override).toBe("mastered");
  });

  it("replays a stored model that is damaged or from an older engine instead of failing", async () => {
    const { app, clock } = buildTestApp(db());
    const ada = await signedUp(app);
    const { goalId, stepIds } = await goalWithLadder(ada, [80, 60, 40]);
    const stepId = stepIds[0] ?? "";
    await ada.post("/api/attempts", attemptBody(stepId));
    const good = await storedGoal(db(), ada, goalId);
    const view = (await ada.get(`/api/goals/${goalId}`)).body.ladder;

    // Version 0 never existed; the previous version has today's shape, its numbers from the
    // earlier update rule (here: another ability): both are replayed, not read.
    const older = (version: number) => {
      const stored = JSON.parse(good.model ?? "null");
      return JSON.stringify({ ...stored, version, ability: stored.ability + 1 });
    };
    for (const damaged of ["{not json", older(0), older(LADDER_MODEL_VERSION - 1)]) {
      await updateGoal(db(), good.userId, goalId, { model: damaged });
      const shown = await ada.get(`/api/goals/${goalId}`);
      expect(shown.status).toBe(200);
      expect(shown.body.ladder).toEqual(view);
    }

    clock.advanceMinutes(30);
    expect((await ada.post("/api/attempts", attemptBody(stepId))).status).toBe(201);
    const repaired = await storedGoal(db(), ada, goalId);
    const model = JSON.parse(repaired.model ?? "null");
    expect(model.version).toBe(LADDER_MODEL_VERSION);
    expect(model.attempts).toBe(2);
    expect(model).toEqual(
      JSON.parse(JSON.stringify(replayLadderModel(await loadLadderFacts(db(), repaired)))),
    );
  });
});
