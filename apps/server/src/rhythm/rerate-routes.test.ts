import { describeEachDatabase } from "@cando/storage/test-support";
import { expect, it } from "vitest";
import { attemptBody, buildTestApp, goalWithLadder, signedUp, TestClient } from "../test-support";

type Since = {
  stepId: string;
  lastRating: { confidence: number; ratedAt: string } | null;
  attempts: number;
  done: number;
  partly: number;
  notYet: number;
  estimateThen: number | null;
  estimateNow: number;
};

describeEachDatabase("re-rating API", (db) => {
  it("shows each step's last rating and only what happened since it", async () => {
    const { app, clock } = buildTestApp(db());
    const ada = await signedUp(app);
    const { goalId, stepIds } = await goalWithLadder(ada);
    const [s1, s2] = stepIds as [string, string];
    const rated = clock.now().toISOString();
    clock.advanceDays(2);
    const a1 = await ada.post("/api/attempts", attemptBody(s1, { outcome: "done", effort: 4 }));
    clock.advanceDays(1);
    await ada.post("/api/attempts", attemptBody(s1, { outcome: "not_yet" }));
    clock.advanceDays(1);
    await ada.post("/api/attempts", attemptBody(s1, { outcome: "partly" }));
    // Backdated before the ladder's ratings: not "since".
    await ada.post(
      "/api/attempts",
      attemptBody(s2, { outcome: "done", attemptedAt: "2026-11-01T10:00:00.000Z" }),
    );

    const res = await ada.get(`/api/goals/${goalId}/rerating`);
    expect(res.status).toBe(200);
    const steps = res.body.steps as Since[];
    expect(steps.map((s) => s.stepId)).toEqual(stepIds);
    const ladder = (await ada.get(`/api/goals/${goalId}`)).body.ladder;
    expect(steps[0]).toEqual({
      stepId: s1,
      lastRating: { confidence: 80, ratedAt: rated },
      attempts: 3,
      done: 1,
      partly: 1,
      notYet: 1,
      estimateThen: a1.body.attempt.predictedSuccess,
      estimateNow: ladder.steps[0].predictedSuccess,
    });
    expect(steps[0]?.estimateThen).toEqual(expect.any(Number));
    expect(steps[1]).toMatchObject({ attempts: 0, estimateThen: null });

    // Rating again starts a new month: nothing has happened since.
    clock.advanceDays(1);
    expect((await ada.post(`/api/steps/${s1}/ratings`, { confidence: 90 })).status).toBe(201);
    const after = (await ada.get(`/api/goals/${goalId}/rerating`)).body.steps as Since[];
    expect(after[0]).toMatchObject({
      lastRating: { confidence: 90, ratedAt: clock.now().toISOString() },
      attempts: 0,
      estimateThen: null,
    });
  });

  it("keeps each person's ladder their own and needs a session", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const bob = await signedUp(app);
    const { goalId } = await goalWithLadder(ada);
    const other = await bob.get(`/api/goals/${goalId}/rerating`);
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe("goal_not_found");
    expect((await new TestClient(app).get(`/api/goals/${goalId}/rerating`)).status).toBe(401);
  });
});
