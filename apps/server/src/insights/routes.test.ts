import { describeEachDatabase } from "@cando/storage/test-support";
import { expect, it } from "vitest";
import { attemptBody, buildTestApp, goalWithLadder, signedUp, TestClient } from "../test-support";

describeEachDatabase("insights API", (db) => {
  it("reports nothing to conclude before there is enough data", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const res = await ada.get("/api/insights");
    expect(res.status).toBe(200);
    expect(res.body.calibration).toMatchObject({ attempts: 0, verdict: "not_enough_data" });
    expect(res.body.anxiety).toMatchObject({ attempts: 0, verdict: "not_enough_data" });
    expect(res.body.attribution).toEqual([]);
    expect(res.body.audit).toMatchObject({ audits: 0, generality: null });
    expect(res.body.prediction).toMatchObject({ attempts: 0, enough: false, gap: null });
  });

  it("shows calibration, anxiety against outcome, attribution by month and the audit summary", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const { goalId, stepIds } = await goalWithLadder(ada);
    // Twelve attempts said at 30%: nine done. Calm ones went well, anxious ones did not.
    for (let i = 0; i < 12; i++) {
      const done = i % 4 !== 3;
      const body = attemptBody(stepIds[1] as string, {
        confidenceBefore: 30,
        anxietyBefore: done ? 2 : 8,
        outcome: done ? "done" : "not_yet",
      });
      const attempt = (await ada.post("/api/attempts", body)).body.attempt;
      // The first success is credited mostly to luck and help: a discounted success.
      const attributions =
        i === 0
          ? { effort: 1, strategy: 0, ability: 0, luck: 4, help: 2, easy: 0 }
          : { effort: done ? 3 : 1, strategy: 2, ability: done ? 1 : 0, luck: 0, help: 0, easy: 0 };
      await ada.call("PUT", `/api/attempts/${attempt.id}/debrief`, { attributions });
    }
    const domains = (await ada.get("/api/domains")).body.domains as { id: string }[];
    await ada.post("/api/audits", {
      ratings: domains.map((d, i) => ({ domainId: d.id, rating: 40 + i * 10 })),
    });

    const res = (await ada.get(`/api/insights?goalId=${goalId}`)).body;
    // The engine's own predictions, stored with each attempt: counted, not yet judged (12 < 20).
    expect(res.prediction).toMatchObject({ attempts: 12, enough: false, minAttempts: 20 });
    expect(res.prediction.table.reduce((n: number, b: { count: number }) => n + b.count, 0)).toBe(
      12,
    );
    expect(res.calibration).toMatchObject({
      attempts: 12,
      verdict: "under_confident",
      meanConfidence: 30,
    });
    expect(res.calibration.successPercent).toBeCloseTo(75, 5);
    expect(res.calibration.table[3]).toMatchObject({ bin: 30, count: 12 });
    expect(res.anxiety).toMatchObject({
      attempts: 12,
      high: { count: 3, successPercent: 0 },
      low: { count: 9 },
    });
    expect(res.attribution).toEqual([
      expect.objectContaining({
        month: "2026-11",
        debriefs: 12,
        rated: 12,
        discountedSuccesses: 1,
      }),
    ]);
    expect(res.audit).toMatchObject({
      audits: 1,
      generality: { domains: 5, min: 40, max: 80, range: 40 },
    });
  });

  it("hides another person's goal (404) and refuses anonymous callers", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const bob = await signedUp(app);
    const { goalId } = await goalWithLadder(ada);
    expect((await bob.get(`/api/insights?goalId=${goalId}`)).body.error.code).toBe(
      "goal_not_found",
    );
    expect((await new TestClient(app).get("/api/insights")).status).toBe(401);
  });
});
