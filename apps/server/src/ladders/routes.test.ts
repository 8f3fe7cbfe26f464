import { LADDER_MODEL_VERSION } from "@cando/core";
import { findGoal, listSteps } from "@cando/storage";
import { describeEachDatabase } from "@cando/storage/test-support";
import { expect, it } from "vitest";
import { attemptBody, buildTestApp, goalWithLadder, signedUp, TestClient } from "../test-support";

type StepJson = { id: string; title: string; predictedSuccess: number; confidence: number | null };

describeEachDatabase("ladders API", (db) => {
  it("builds a ladder with the efficacy scale, predictions and a first recommendation", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const { goalId } = await goalWithLadder(ada, [90, 60, 40, 20, null]);
    const { ladder } = (await ada.get(`/api/goals/${goalId}`)).body;
    expect(ladder.steps.map((s: StepJson) => s.confidence)).toEqual([90, 60, 40, 20, null]);
    expect(ladder.scale).toMatchObject({
      steps: 5,
      rated: 4,
      strength: 52.5,
      level: 2,
      composite: 75,
      ceiling: false,
    });
    const ps = ladder.steps.map((s: StepJson) => s.predictedSuccess);
    expect([...ps].sort((a, b) => b - a)).toEqual(ps); // harder steps never look easier
    // The step whose predicted success is closest to the 0.8 target: here the first (90%).
    expect(ladder.recommendation).toMatchObject({ stepIndex: 0, stepId: ladder.steps[0].id });
    expect(ladder.recommendation.reason).toMatch(/\d+%/);
    const goal = await findGoal(db(), (await ada.get("/api/me")).body.user.id, goalId);
    expect(JSON.parse(goal?.model ?? "null")).toMatchObject({
      version: LADDER_MODEL_VERSION,
      steps: expect.any(Array),
    });
  });

  it("flags a ceiling when most steps are rated 90+, and warns about a late first step", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const { goalId, stepIds } = await goalWithLadder(ada, [100, 90, 90, 60]);
    await ada.patch(`/api/steps/${stepIds[0]}`, { plannedDate: "2026-12-10" });
    const { ladder } = (await ada.get(`/api/goals/${goalId}`)).body;
    expect(ladder.scale.ceiling).toBe(true);
    expect(ladder.firstStepWarning).toMatch(/18 days away/);
  });

  it("refuses a second build, and ladders of fewer than 3 or more than 15 steps", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const { goalId } = await goalWithLadder(ada);
    const again = await ada.call("PUT", `/api/goals/${goalId}/ladder`, {
      steps: [{ title: "a" }, { title: "b" }, { title: "c" }],
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("ladder_exists");
    const domainId = (await ada.get("/api/domains")).body.domains[1].id;
    const fresh = (await ada.post("/api/goals", { domainId, statement: "I can run 5 km" })).body
      .goal.id;
    const two = await ada.call("PUT", `/api/goals/${fresh}/ladder`, {
      steps: [{ title: "a" }, { title: "b" }],
    });
    expect(two.body.error.fields).toEqual([{ path: "steps", message: "needs at least 3 steps" }]);
    const many = Array.from({ length: 16 }, (_, i) => ({ title: `s${i}` }));
    expect(
      (await ada.call("PUT", `/api/goals/${fresh}/ladder`, { steps: many })).body.error.fields[0]
        .path,
    ).toBe("steps");
    const badRating = await ada.call("PUT", `/api/goals/${fresh}/ladder`, {
      steps: [{ title: "a", confidence: 45 }, { title: "b" }, { title: "" }],
    });
    expect(badRating.body.error.fields).toEqual([
      { path: "steps.0.confidence", message: expect.stringContaining("multiple of 10") },
      { path: "steps.2.title", message: "is required" },
    ]);
    expect(await listSteps(db(), fresh)).toEqual([]);
  });

  it("adds, reorders and re-rates steps, keeping confidence history", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const { goalId, stepIds } = await goalWithLadder(ada, [80, 60, 40]);
    const added = await ada.post(`/api/goals/${goalId}/steps`, {
      title: "Practice alone",
      confidence: 90,
      position: 0,
    });
    expect(added.status).toBe(201);
    expect(added.body.ladder.steps.map((s: StepJson) => s.title)).toEqual([
      "Practice alone",
      "Step 1",
      "Step 2",
      "Step 3",
    ]);
    const order = [stepIds[1], stepIds[0], stepIds[2], added.body.ladder.steps[0].id];
    const reordered = await ada.call("PUT", `/api/goals/${goalId}/ladder/order`, {
      stepIds: order,
    });
    expect(reordered.body.ladder.steps.map((s: StepJson) => s.id)).toEqual(order);
    const partial = await ada.call("PUT", `/api/goals/${goalId}/ladder/order`, {
      stepIds: order.slice(1),
    });
    expect(partial.body.error.fields[0].path).toBe("stepIds");
    await ada.post(`/api/steps/${stepIds[0]}/ratings`, { confidence: 100 });
    const history = (await ada.get(`/api/goals/${goalId}/ratings`)).body.ratings;
    expect(
      history
        .filter((r: { stepId: string }) => r.stepId === stepIds[0])
        .map((r: { confidence: number }) => r.confidence),
    ).toEqual([80, 100]);
    expect((await ada.post(`/api/steps/${stepIds[0]}/ratings`, { confidence: 101 })).status).toBe(
      400,
    );
  });

  it("deletes an unattempted step, archives an attempted one, and keeps at least 3", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const { goalId, stepIds } = await goalWithLadder(ada, [80, 60, 40, 30, 20]);
    await ada.post("/api/attempts", attemptBody(stepIds[1] as string));
    const deleted = await ada.call("DELETE", `/api/steps/${stepIds[4]}`);
    expect(deleted.body).toMatchObject({ archived: false });
    const archived = await ada.call("DELETE", `/api/steps/${stepIds[1]}`);
    expect(archived.body.archived).toBe(true);
    expect(archived.body.ladder.archivedSteps).toMatchObject([{ id: stepIds[1], attemptCount: 1 }]);
    expect(archived.body.ladder.steps).toHaveLength(3);
    const tooFew = await ada.call("DELETE", `/api/steps/${stepIds[0]}`);
    expect(tooFew.status).toBe(400);
    expect(tooFew.body.error.fields[0].message).toMatch(/at least 3 steps/);
    expect((await ada.get("/api/attempts")).body.attempts).toHaveLength(1);
    const rows = await listSteps(db(), goalId);
    expect(rows.map((r) => r.id)).not.toContain(stepIds[4]);
  });

  it("lets the person override mastery, which is celebrated as a milestone", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const { stepIds } = await goalWithLadder(ada);
    const res = await ada.patch(`/api/steps/${stepIds[0]}`, { mastered: true });
    expect(res.body.ladder.steps[0]).toMatchObject({ mastered: true, masteredOverride: true });
    expect(res.body.milestones).toMatchObject([{ kind: "step_mastered", stepId: stepIds[0] }]);
    const back = await ada.patch(`/api/steps/${stepIds[0]}`, { mastered: null });
    expect(back.body.ladder.steps[0]).toMatchObject({ mastered: false, masteredOverride: null });
    expect((await ada.patch(`/api/steps/${stepIds[0]}`, { mastered: "yes" })).status).toBe(400);
  });

  it("hides another person's ladder and steps on every route (404) and refuses anonymous callers", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const bob = await signedUp(app);
    const { goalId, stepIds } = await goalWithLadder(ada);
    const step = stepIds[0];
    const calls = [
      [
        "PUT",
        `/api/goals/${goalId}/ladder`,
        { steps: [{ title: "a" }, { title: "b" }, { title: "c" }] },
      ],
      ["POST", `/api/goals/${goalId}/steps`, { title: "x" }],
      ["PUT", `/api/goals/${goalId}/ladder/order`, { stepIds }],
      ["GET", `/api/goals/${goalId}/ratings`, undefined],
      ["PATCH", `/api/steps/${step}`, { title: "mine now" }],
      ["DELETE", `/api/steps/${step}`, undefined],
      ["POST", `/api/steps/${step}/ratings`, { confidence: 10 }],
    ] as const;
    for (const [method, path, body] of calls) {
      const res = await bob.call(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body.error.code).toMatch(/^(goal|step)_not_found$/);
    }
    const anonymous = new TestClient(app);
    for (const [method, path, body] of calls) {
      expect((await anonymous.call(method, path, body)).status, `${method} ${path}`).toBe(401);
    }
    const { ladder } = (await ada.get(`/api/goals/${goalId}`)).body;
    expect(ladder.steps.map((s: StepJson) => [s.title, s.confidence])).toEqual([
      ["Step 1", 80],
      ["Step 2", 60],
      ["Step 3", 40],
      ["Step 4", 20],
    ]);
  });
});
