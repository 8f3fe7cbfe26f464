import { listAttempts } from "@cando/storage";
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

const attributions = { effort: 3, strategy: 3, ability: 1, luck: 0, help: 0, easy: 0 };

describeEachDatabase("attempts API", (db) => {
  it("logs an attempt, stores the prediction it was made at, and moves the model", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const { goalId, stepIds } = await goalWithLadder(ada);
    const before = (await ada.get(`/api/goals/${goalId}`)).body.ladder.steps[1].predictedSuccess;
    const res = await ada.post(
      "/api/attempts",
      attemptBody(stepIds[1] as string, { minutes: 25, note: "went fine" }),
    );
    expect(res.status).toBe(201);
    expect(res.body.attempt).toMatchObject({
      outcome: "done",
      minutes: 25,
      note: "went fine",
      debrief: null,
    });
    expect(res.body.attempt.predictedSuccess).toBeCloseTo(before, 10);
    const after = res.body.ladder.steps[1];
    expect(after.predictedSuccess).toBeGreaterThan(before);
    expect(after).toMatchObject({ attemptCount: 1, successCount: 1 });
  });

  it("steps up after a run of successes and steps back after a run of setbacks", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const { stepIds } = await goalWithLadder(ada, [70, 50, 30, 20, 10]);
    let ladder = (await ada.get("/api/today")).body.items[0].recommendation;
    expect(ladder.stepIndex).toBe(0);
    let rec = ladder;
    // Successes never send the advice down, and a run of them moves it up.
    for (let i = 0; i < 8 && rec.stepIndex === 0; i++) {
      rec = (await ada.post("/api/attempts", attemptBody(stepIds[0] as string))).body.ladder
        .recommendation;
      expect(rec.stepIndex).toBeGreaterThanOrEqual(0);
    }
    expect(["step_up", "skip_ahead"]).toContain(rec.action);
    expect(rec.stepIndex).toBeGreaterThan(0);
    const up = rec.stepIndex as number;
    for (let i = 0; i < 4; i++) {
      rec = (
        await ada.post("/api/attempts", attemptBody(stepIds[up] as string, { outcome: "not_yet" }))
      ).body.ladder.recommendation;
    }
    expect(["step_back", "split"]).toContain(rec.action);
    // Either way the next attempt is an easier step: the split practises the one below meanwhile.
    expect(rec.stepIndex).toBeLessThan(up);
    ladder = (await ada.get("/api/today")).body.items[0].recommendation;
    expect(ladder).toEqual(rec);
  });

  // Through a real server: in process (app.request) parallel requests were seen to run one after
  // another, so a race could not show.
  it("never doubles an attempt when a submit is retried with the same idempotency key", async () => {
    const served = await serveTestApp(db());
    onTestFinished(() => served.close());
    const ada = await signedUp(TestClient.http(served.baseUrl));
    const { stepIds } = await goalWithLadder(ada);
    const body = attemptBody(stepIds[0] as string, { idempotencyKey: "retry-key-0001" });
    const first = await ada.post("/api/attempts", body);
    const retried = await ada.post("/api/attempts", body);
    expect(first.status).toBe(201);
    expect(retried.status).toBe(200);
    expect(retried.body.attempt.id).toBe(first.body.attempt.id);
    const raced = await Promise.all(
      Array.from({ length: 8 }, () =>
        ada.post("/api/attempts", { ...body, idempotencyKey: "raced-key-0002" }),
      ),
    );
    expect(raced.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(raced.map((r) => r.body.attempt.id)).size).toBe(1);
    const userId = (await ada.get("/api/me")).body.user.id;
    expect(await listAttempts(db(), userId)).toHaveLength(2);
    expect((await ada.get("/api/goals")).body.goals).toHaveLength(1);
  });

  type Body = (step: string) => Record<string, unknown>;
  it.each<[string, Body, string, string]>([
    [
      "no outcome",
      (s) => ({ ...attemptBody(s), outcome: undefined }),
      "outcome",
      "must be done, partly or not_yet",
    ],
    [
      "a made-up outcome",
      (s) => attemptBody(s, { outcome: "maybe" }),
      "outcome",
      "must be done, partly or not_yet",
    ],
    ["effort 6", (s) => attemptBody(s, { effort: 6 }), "effort", "at most 5"],
    ["anxiety 11", (s) => attemptBody(s, { anxietyBefore: 11 }), "anxietyBefore", "at most 10"],
    [
      "confidence 55",
      (s) => attemptBody(s, { confidenceBefore: 55 }),
      "confidenceBefore",
      "multiple of 10",
    ],
    ["minutes as text", (s) => attemptBody(s, { minutes: "ten" }), "minutes", "must be a number"],
    [
      "a short idempotency key",
      (s) => attemptBody(s, { idempotencyKey: "abc" }),
      "idempotencyKey",
      "at least 8",
    ],
    [
      "a future date",
      (s) => attemptBody(s, { attemptedAt: "2026-11-23T09:00:00Z" }),
      "attemptedAt",
      "in the future",
    ],
    [
      "a date without zone",
      (s) => attemptBody(s, { attemptedAt: "yesterday" }),
      "attemptedAt",
      "ISO-8601",
    ],
  ])(
    "refuses %s with 400 naming the field, and stores nothing",
    async (_label, body, path, message) => {
      const { app } = buildTestApp(db());
      const ada = await signedUp(app);
      const { stepIds } = await goalWithLadder(ada);
      const res = await ada.post("/api/attempts", body(stepIds[0] as string));
      expect(res.status).toBe(400);
      expect(res.body.error.fields).toContainEqual({
        path,
        message: expect.stringContaining(message),
      });
      expect((await ada.get("/api/attempts")).body.attempts).toEqual([]);
    },
  );

  it("accepts a backdated attempt and refuses one at an archived step", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const { stepIds } = await goalWithLadder(ada, [80, 60, 40, 20]);
    const past = await ada.post(
      "/api/attempts",
      attemptBody(stepIds[3] as string, { attemptedAt: "2026-11-20T18:30:00+01:00" }),
    );
    expect(past.body.attempt.attemptedAt).toBe("2026-11-20T17:30:00.000Z");
    await ada.call("DELETE", `/api/steps/${stepIds[3]}`);
    const archived = await ada.post("/api/attempts", attemptBody(stepIds[3] as string));
    expect(archived.body.error.fields).toEqual([{ path: "stepId", message: "is archived" }]);
  });

  it("answers a retry with the attempt its key logged, even when the step was archived since", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const { stepIds } = await goalWithLadder(ada, [80, 60, 40, 20]);
    const body = attemptBody(stepIds[3] as string, { idempotencyKey: "archived-retry-01" });
    const first = await ada.post("/api/attempts", body);
    expect(first.status).toBe(201);
    await ada.call("DELETE", `/api/steps/${stepIds[3]}`);
    const retried = await ada.post("/api/attempts", body);
    expect(retried.status).toBe(200);
    expect(retried.body.attempt.id).toBe(first.body.attempt.id);
    // A new key at the archived step is still refused.
    const fresh = await ada.post("/api/attempts", { ...body, idempotencyKey: "archived-new-01" });
    expect(fresh.body.error.fields).toEqual([{ path: "stepId", message: "is archived" }]);
  });

  it("debriefs again without a second piece of evidence, and makes it again once deleted", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const { stepIds } = await goalWithLadder(ada);
    const attempt = (await ada.post("/api/attempts", attemptBody(stepIds[0] as string))).body
      .attempt;
    const debrief = {
      didWell: "Kept eye contact",
      capability: "I can hold a room",
      differently: "",
      attributions: { effort: 4, strategy: 3, ability: 2, luck: 0, help: 0, easy: 0 },
    };
    const first = await ada.call("PUT", `/api/attempts/${attempt.id}/debrief`, debrief);
    const again = await ada.call("PUT", `/api/attempts/${attempt.id}/debrief`, debrief);
    expect(again.body.evidence.id).toBe(first.body.evidence.id);
    expect(again.body.attempt.debrief.createdAt).toBe(first.body.attempt.debrief.createdAt);
    expect((await ada.get("/api/evidence")).body.evidence).toHaveLength(1);
    await ada.call("DELETE", `/api/evidence/${first.body.evidence.id}`);
    const remade = await ada.call("PUT", `/api/attempts/${attempt.id}/debrief`, debrief);
    expect(remade.body.evidence.id).not.toBe(first.body.evidence.id);
    expect((await ada.get("/api/evidence")).body.evidence).toHaveLength(1);
  });

  it("debriefs a success into evidence (once) and names a discounted success gently", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const { stepIds, goalId } = await goalWithLadder(ada);
    const attempt = (
      await ada.post("/api/attempts", attemptBody(stepIds[0] as string, { effort: 4 }))
    ).body.attempt;
    const res = await ada.call("PUT", `/api/attempts/${attempt.id}/debrief`, {
      didWell: "Kept eye contact",
      capability: "I can hold a room for five minutes",
      differently: "Slow down at the start",
      attributions: { effort: 1, strategy: 0, ability: 0, luck: 4, help: 1, easy: 3 },
    });
    expect(res.status).toBe(200);
    expect(res.body.attempt.debrief.prompts).toMatchObject([
      { flag: "discounted_success", dismissed: false },
    ]);
    expect(res.body.evidence).toMatchObject({
      source: "attempt",
      attemptId: attempt.id,
      goalId,
      stepId: stepIds[0],
      title: "Step 1",
      effort: 4,
      occurredOn: "2026-11-22",
    });
    expect(res.body.evidence.body).toContain("Kept eye contact");
    // What next names the step, its chance and the reason, as the ladder does.
    const ladder = (await ada.get(`/api/goals/${goalId}`)).body.ladder;
    expect(res.body.next.recommendation).toEqual(ladder.recommendation);
    expect(res.body.next.stepTitle).toBe(
      ladder.steps.find((s: { id: string }) => s.id === ladder.recommendation.stepId).title,
    );
    expect(res.body.next.recommendation.reason).toContain(res.body.next.stepTitle);
    expect(res.body.next.why.sentence.length).toBeGreaterThan(0);
    const again = await ada.call("PUT", `/api/attempts/${attempt.id}/debrief`, {
      attributions,
      reattribution: "I prepared for two evenings",
      dismissedFlags: ["discounted_success"],
    });
    expect(again.body.attempt.debrief.prompts).toEqual([]);
    expect(again.body.evidence.id).toBe(res.body.evidence.id);
    expect((await ada.get("/api/evidence")).body.evidence).toHaveLength(1);
  });

  it("names a fixed-ability setback, and makes no evidence of it", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const { stepIds } = await goalWithLadder(ada);
    const attempt = (
      await ada.post("/api/attempts", attemptBody(stepIds[2] as string, { outcome: "not_yet" }))
    ).body.attempt;
    const res = await ada.call("PUT", `/api/attempts/${attempt.id}/debrief`, {
      attributions: { effort: 1, strategy: 1, ability: 4, luck: 0, help: 0, easy: 0 },
    });
    expect(res.body.attempt.debrief.prompts.map((p: { flag: string }) => p.flag)).toEqual([
      "fixed_ability_setback",
    ]);
    expect(res.body.evidence).toBeNull();
    const bad = await ada.call("PUT", `/api/attempts/${attempt.id}/debrief`, {
      attributions: { ...attributions, luck: 5 },
    });
    expect(bad.body.error.fields).toEqual([
      { path: "attributions.luck", message: "must be at most 4" },
    ]);
  });

  it("hides another person's attempts and steps (404) and refuses anonymous callers", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const bob = await signedUp(app);
    const { stepIds } = await goalWithLadder(ada);
    const attempt = (await ada.post("/api/attempts", attemptBody(stepIds[0] as string))).body
      .attempt;
    expect(
      (await bob.post("/api/attempts", attemptBody(stepIds[0] as string))).body.error.code,
    ).toBe("step_not_found");
    expect((await bob.get(`/api/attempts/${attempt.id}`)).status).toBe(404);
    const debrief = await bob.call("PUT", `/api/attempts/${attempt.id}/debrief`, { attributions });
    expect(debrief.body.error.code).toBe("attempt_not_found");
    expect((await bob.get("/api/attempts")).body.attempts).toEqual([]);
    expect((await ada.get(`/api/attempts/${attempt.id}`)).body.attempt.debrief).toBeNull();
    const anonymous = new TestClient(app);
    for (const [method, path] of [
      ["POST", "/api/attempts"],
      ["GET", "/api/attempts"],
      ["GET", `/api/attempts/${attempt.id}`],
      ["PUT", `/api/attempts/${attempt.id}/debrief`],
    ] as const) {
      expect(
        (await anonymous.call(method, path, method === "GET" ? undefined : {})).status,
        `${method} ${path}`,
      ).toBe(401);
    }
  });
});
