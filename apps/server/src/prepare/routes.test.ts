import { listAttempts, listRoutineRuns } from "@cando/storage";
import { describeEachDatabase } from "@cando/storage/test-support";
import { expect, it, onTestFinished } from "vitest";
import {
  attemptBody,
  buildTestApp,
  goalWithLadder,
  serveTestApp,
  signedUp,
  TestClient,
} from "../test-support";

const routine = {
  name: "Before a talk",
  blocks: [
    { kind: "breathing", preset: "resonance", duration: { unit: "minutes", minutes: 1 } },
    { kind: "evidence" },
    { kind: "rehearsal", script: "I stand, breathe, begin slowly", seconds: 60 },
    { kind: "warmup", items: ["water", "notes"] },
    { kind: "state_check" },
  ],
};
const finishBody = { outcome: "done", effort: 4, difficulty: 3, anxietyAfter: 2, minutes: 12 };

describeEachDatabase("prepare API", (db) => {
  it("saves an attempt in two phases: before now, how it went hours later", async () => {
    const { app, clock } = buildTestApp(db());
    const ada = await signedUp(app);
    const { goalId, stepIds } = await goalWithLadder(ada);
    const stepId = stepIds[1] as string;
    const predicted = (await ada.get(`/api/goals/${goalId}`)).body.ladder.steps[1].predictedSuccess;

    const started = await ada.post("/api/attempt-starts", {
      stepId,
      idempotencyKey: "start-key-0001",
      confidenceBefore: 60,
      anxietyBefore: 7,
      energyBefore: 6,
      sleepHours: 6.5,
    });
    expect(started.status).toBe(201);
    expect(started.body.attemptStart).toMatchObject({
      goalId,
      stepId,
      stepTitle: "Step 2",
      confidenceBefore: 60,
      anxietyBefore: 7,
      energyBefore: 6,
      sleepHours: 6.5,
    });
    expect(started.body.attemptStart.predictedSuccess).toBeCloseTo(predicted, 10);
    const startId = started.body.attemptStart.id as string;
    // A retried start returns the first.
    const again = await ada.post("/api/attempt-starts", {
      stepId,
      idempotencyKey: "start-key-0001",
      confidenceBefore: 60,
    });
    expect(again.status).toBe(200);
    expect(again.body.attemptStart.id).toBe(startId);

    // In progress: listed, and counted nowhere.
    expect((await ada.get(`/api/attempt-starts?goalId=${goalId}`)).body.attemptStarts).toHaveLength(
      1,
    );
    expect((await ada.get("/api/attempts")).body.attempts).toHaveLength(0);
    expect((await ada.get(`/api/goals/${goalId}`)).body.ladder.steps[1].attemptCount).toBe(0);

    clock.advanceMinutes(180);
    // Another attempt logged in one go meanwhile is marked as rated afterwards.
    const oneGo = await ada.post("/api/attempts", attemptBody(stepIds[0] as string));
    expect(oneGo.body.attempt.confidenceRated).toBe("after");

    const finished = await ada.post(`/api/attempt-starts/${startId}/finish`, finishBody);
    expect(finished.status).toBe(201);
    expect(finished.body.attempt).toMatchObject({
      stepId,
      attemptedAt: clock.now().toISOString(),
      confidenceBefore: 60,
      anxietyBefore: 7,
      anxietyAfter: 2,
      energyBefore: 6,
      sleepHours: 6.5,
      confidenceRated: "before",
      outcome: "done",
    });
    expect(finished.body.attempt.predictedSuccess).toBeCloseTo(predicted, 10);
    expect(finished.body.ladder.steps[1]).toMatchObject({ attemptCount: 1, successCount: 1 });
    // A retried finish returns the same attempt; the start is gone.
    const retried = await ada.post(`/api/attempt-starts/${startId}/finish`, finishBody);
    expect(retried.status).toBe(200);
    expect(retried.body.attempt.id).toBe(finished.body.attempt.id);
    expect((await ada.get("/api/attempt-starts")).body.attemptStarts).toEqual([]);
    expect((await ada.get("/api/attempts")).body.attempts).toHaveLength(2);

    const insights = (await ada.get("/api/insights")).body.preparation;
    expect(insights.ratedBefore).toMatchObject({ before: 1, after: 1, unknown: 0 });
  });

  // Through a real server: in process (app.request) parallel requests were seen to run one after
  // another, so a race could not show.
  it("finishes parallel requests once, and discards an attempt in progress", async () => {
    const served = await serveTestApp(db());
    onTestFinished(() => served.close());
    const ada = await signedUp(TestClient.http(served.baseUrl));
    const { stepIds } = await goalWithLadder(ada);
    const start = async () =>
      (await ada.post("/api/attempt-starts", { stepId: stepIds[0], anxietyBefore: 5 })).body
        .attemptStart.id as string;
    const first = await start();
    const raced = await Promise.all(
      [0, 1, 2].map(() => ada.post(`/api/attempt-starts/${first}/finish`, finishBody)),
    );
    expect(raced.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    expect(new Set(raced.map((r) => r.body.attempt.id)).size).toBe(1);
    const userId = (await ada.get("/api/me")).body.user.id;
    expect(await listAttempts(db(), userId)).toHaveLength(1);

    // Three starts with one key, at once: one start.
    const raced2 = await Promise.all(
      [0, 1, 2].map(() =>
        ada.post("/api/attempt-starts", { stepId: stepIds[0], idempotencyKey: "raced-start-01" }),
      ),
    );
    expect(new Set(raced2.map((r) => r.body.attemptStart.id)).size).toBe(1);
    expect((await ada.get("/api/attempt-starts")).body.attemptStarts).toHaveLength(1);
    await ada.call("DELETE", `/api/attempt-starts/${raced2[0]?.body.attemptStart.id}`);

    const second = await start();
    expect((await ada.call("DELETE", `/api/attempt-starts/${second}`)).status).toBe(204);
    expect((await ada.call("DELETE", `/api/attempt-starts/${second}`)).status).toBe(404);
    expect((await ada.post(`/api/attempt-starts/${second}/finish`, finishBody)).status).toBe(404);
    expect(await listAttempts(db(), userId)).toHaveLength(1);
  });

  it("refuses a finish dated before the start or in the future, keeping the start", async () => {
    const { app, clock } = buildTestApp(db());
    const ada = await signedUp(app);
    const { stepIds } = await goalWithLadder(ada);
    const startId = (await ada.post("/api/attempt-starts", { stepId: stepIds[0] })).body
      .attemptStart.id;
    const early = new Date(clock.now().getTime() - 60_000).toISOString();
    const res = await ada.post(`/api/attempt-starts/${startId}/finish`, {
      ...finishBody,
      attemptedAt: early,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([
      { path: "attemptedAt", message: "is before the attempt was started" },
    ]);
    clock.advanceMinutes(30);
    const late = new Date(clock.now().getTime() + 3_600_000).toISOString();
    const future = await ada.post(`/api/attempt-starts/${startId}/finish`, {
      ...finishBody,
      attemptedAt: late,
    });
    expect(future.body.error.fields[0].path).toBe("attemptedAt");
    expect((await ada.get("/api/attempt-starts")).body.attemptStarts).toHaveLength(1);
    // Dated between start and now: the attempt sits at its attempted time.
    const between = new Date(clock.now().getTime() - 10 * 60_000).toISOString();
    const ok = await ada.post(`/api/attempt-starts/${startId}/finish`, {
      ...finishBody,
      attemptedAt: between,
    });
    expect(ok.status).toBe(201);
    expect(ok.body.attempt.attemptedAt).toBe(between);
  });

  it("keeps routines: a default, one per goal, the goal's used for its steps", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const { goalId, stepIds } = await goalWithLadder(ada);
    const stepId = stepIds[0] as string;
    expect((await ada.get(`/api/steps/${stepId}/prepare`)).body.routine).toBeNull();

    const saved = await ada.call("PUT", "/api/routines/default", routine);
    expect(saved.status).toBe(200);
    expect(saved.body.routine).toMatchObject({ goalId: null, name: "Before a talk" });
    expect(saved.body.routine.blocks).toHaveLength(5);
    const renamed = await ada.call("PUT", "/api/routines/default", { ...routine, name: "Calm" });
    expect(renamed.body.routine.id).toBe(saved.body.routine.id);
    expect((await ada.get(`/api/steps/${stepId}/prepare`)).body.routine.name).toBe("Calm");

    const own = await ada.call("PUT", `/api/goals/${goalId}/routine`, {
      name: "For talks",
      blocks: [{ kind: "breathing", preset: "box", duration: { unit: "cycles", cycles: 4 } }],
    });
    expect(own.status).toBe(200);
    expect((await ada.get(`/api/steps/${stepId}/prepare`)).body.routine.name).toBe("For talks");
    expect((await ada.get("/api/routines")).body.routines).toHaveLength(2);
    expect((await ada.call("DELETE", `/api/goals/${goalId}/routine`)).status).toBe(204);
    expect((await ada.get(`/api/steps/${stepId}/prepare`)).body.routine.name).toBe("Calm");
  });

  it.each([
    [
      { preset: "custom", inhale: 4, exhale: 0, duration: { unit: "cycles", cycles: 3 } },
      "blocks.0.exhale",
    ],
    [
      { preset: "custom", inhale: 4, exhale: 600, duration: { unit: "cycles", cycles: 3 } },
      "blocks.0.exhale",
    ],
    [{ preset: "custom", exhale: 6, duration: { unit: "cycles", cycles: 3 } }, "blocks.0.inhale"],
    [{ preset: "box", duration: { unit: "cycles", cycles: 100 } }, "blocks.0.duration.cycles"],
    [{ preset: "box", duration: { unit: "minutes", minutes: 45 } }, "blocks.0.duration.minutes"],
    [{ preset: "box" }, "blocks.0.duration"],
    [{ preset: "box", duration: { unit: "hours", hours: 1 } }, "blocks.0.duration.unit"],
    [{ preset: "slow", duration: { unit: "cycles", cycles: 3 } }, "blocks.0.preset"],
  ])("refuses a breathing block %j naming %s, storing nothing", async (block, field) => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const res = await ada.call("PUT", "/api/routines/default", {
      name: "r",
      blocks: [{ kind: "breathing", ...block }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toEqual([field]);
    expect((await ada.get("/api/routines")).body.routines).toEqual([]);
  });

  it("stores a routine run and links it to the attempt that followed", async () => {
    const { app, clock } = buildTestApp(db());
    const ada = await signedUp(app);
    const { stepIds } = await goalWithLadder(ada);
    const routineId = (await ada.call("PUT", "/api/routines/default", routine)).body.routine.id;
    const startedAt = clock.now().toISOString();
    clock.advanceMinutes(4);
    const run = await ada.post("/api/routine-runs", {
      routineId,
      stepId: stepIds[0],
      startedAt,
      durationSeconds: 240,
      blocks: routine.blocks.map((b, i) => ({ kind: b.kind, done: i !== 3 })),
      anxiety: 6,
      energy: 7,
      sleepHours: 7.5,
    });
    expect(run.status).toBe(201);
    expect(run.body.routineRun).toMatchObject({
      blocksDone: 4,
      durationSeconds: 240,
      anxiety: 6,
      sleepHours: 7.5,
      attemptId: null,
    });
    const runId = run.body.routineRun.id;
    const startId = (
      await ada.post("/api/attempt-starts", { stepId: stepIds[0], routineRunId: runId })
    ).body.attemptStart.id;
    clock.advanceMinutes(60);
    const attempt = (await ada.post(`/api/attempt-starts/${startId}/finish`, finishBody)).body
      .attempt;
    const userId = (await ada.get("/api/me")).body.user.id;
    const runs = await listRoutineRuns(
      db(),
      userId,
      startedAt,
      new Date(clock.now().getTime() + 1).toISOString(),
    );
    expect(runs.map((r) => [r.id, r.attemptId])).toEqual([[runId, attempt.id]]);
    expect(await listRoutineRuns(db(), userId, "2000-01-01T00:00:00.000Z", startedAt)).toEqual([]);
    const insights = (await ada.get("/api/insights")).body.preparation;
    expect(insights.routine.withRoutine.count).toBe(1);
  });

  it("a deleted goal takes its routine, runs and attempts in progress with it", async () => {
    const { app, clock } = buildTestApp(db());
    const ada = await signedUp(app);
    const { goalId, stepIds } = await goalWithLadder(ada);
    const kept = await goalWithLadder(ada);
    await ada.call("PUT", "/api/routines/default", routine);
    await ada.call("PUT", `/api/goals/${goalId}/routine`, routine);
    const run = await ada.post("/api/routine-runs", {
      stepId: stepIds[0],
      startedAt: clock.now().toISOString(),
      durationSeconds: 60,
      blocks: [{ kind: "breathing", done: true }],
    });
    const startId = (
      await ada.post("/api/attempt-starts", {
        stepId: stepIds[0],
        routineRunId: run.body.routineRun.id,
      })
    ).body.attemptStart.id;
    await ada.post(`/api/attempt-starts/${startId}/finish`, finishBody);
    await ada.post("/api/attempt-starts", { stepId: stepIds[1] });
    await ada.post("/api/attempt-starts", { stepId: kept.stepIds[0] });
    expect((await ada.call("DELETE", `/api/goals/${goalId}`)).status).toBe(200);
    expect(
      (await ada.get("/api/routines")).body.routines.map((r: { goalId: null }) => r.goalId),
    ).toEqual([null]);
    const starts = (await ada.get("/api/attempt-starts")).body.attemptStarts;
    expect(starts.map((s: { goalId: string }) => s.goalId)).toEqual([kept.goalId]);
    const userId = (await ada.get("/api/me")).body.user.id;
    expect(
      await listRoutineRuns(db(), userId, "2000-01-01T00:00:00.000Z", "2100-01-01T00:00:00.000Z"),
    ).toEqual([]);
  });

  it("keeps other people's routines, runs and starts out of reach (404)", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const bob = await signedUp(app);
    const { goalId, stepIds } = await goalWithLadder(ada);
    const startId = (await ada.post("/api/attempt-starts", { stepId: stepIds[0] })).body
      .attemptStart.id;
    expect((await bob.post(`/api/attempt-starts/${startId}/finish`, finishBody)).status).toBe(404);
    expect((await bob.call("DELETE", `/api/attempt-starts/${startId}`)).status).toBe(404);
    expect((await bob.post("/api/attempt-starts", { stepId: stepIds[0] })).status).toBe(404);
    expect((await bob.call("PUT", `/api/goals/${goalId}/routine`, routine)).status).toBe(404);
    expect((await bob.get(`/api/steps/${stepIds[0]}/prepare`)).status).toBe(404);
    expect((await bob.get("/api/attempt-starts")).body.attemptStarts).toEqual([]);
    const adaRun = (
      await ada.post("/api/routine-runs", {
        startedAt: "2026-11-22T08:00:00.000Z",
        durationSeconds: 60,
        blocks: [{ kind: "breathing", done: true }],
      })
    ).body.routineRun.id;
    const { stepIds: bobSteps } = await goalWithLadder(bob);
    const linked = await bob.post("/api/attempt-starts", {
      stepId: bobSteps[0],
      routineRunId: adaRun,
    });
    expect(linked.status).toBe(400);
    expect(linked.body.error.fields[0].path).toBe("routineRunId");
    const anonymous = await app.request("/api/attempt-starts");
    expect(anonymous.status).toBe(401);
  });
});
