import { describeEachDatabase } from "@cando/storage/test-support";
import { expect, it } from "vitest";
import { attemptBody, buildTestApp, goalWithLadder, signedUp } from "../test-support";

describeEachDatabase("Today's page in one answer", (db) => {
  it("answers what Today's six separate reads answer", async () => {
    const { app, clock } = buildTestApp(db());
    const ada = await signedUp(app);
    const empty = await ada.get("/api/today/page");
    expect(empty.status).toBe(200);
    expect(empty.body.goalCount).toBe(0);
    expect(empty.body.audits.audits).toEqual([]);

    const { goalId, stepIds } = await goalWithLadder(ada);
    await goalWithLadder(ada);
    const paused = await goalWithLadder(ada);
    await ada.call("PATCH", `/api/goals/${paused.goalId}`, { status: "paused" });
    const domains = (await ada.get("/api/domains")).body.domains as { id: string }[];
    for (let i = 0; i < 2; i++) {
      clock.advanceMinutes(60);
      const audit = await ada.post("/api/audits", {
        ratings: domains.map((d, j) => ({ domainId: d.id, rating: (i + j) * 10 })),
      });
      expect(audit.status, JSON.stringify(audit.body)).toBe(201);
    }
    expect((await ada.post("/api/attempts", attemptBody(stepIds[0] as string))).status).toBe(201);
    const started = await ada.post("/api/attempt-starts", {
      stepId: stepIds[1],
      idempotencyKey: "today-page-start-01",
      confidenceBefore: 50,
      anxietyBefore: 3,
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const practice = await ada.post(`/api/goals/${goalId}/practice`, {
      day: (await ada.get("/api/rhythm/today")).body.today,
      minutes: 15,
      what: "Opening lines, out loud",
    });
    expect(practice.status, JSON.stringify(practice.body)).toBe(201);

    const page = await ada.get("/api/today/page");
    expect(page.status).toBe(200);
    expect(page.body.today).toEqual((await ada.get("/api/today")).body);
    expect(page.body.today.items).toHaveLength(2);
    expect(page.body.goalCount).toBe(3);
    const latest = (await ada.get("/api/audits?order=newest&limit=1")).body;
    expect(page.body.audits).toEqual({ audits: latest.audits, due: latest.due });
    expect(page.body.audits.audits).toHaveLength(1);
    expect(page.body.domains).toEqual(domains);
    expect(page.body.attemptStarts).toEqual(
      (await ada.get("/api/attempt-starts")).body.attemptStarts,
    );
    expect(page.body.attemptStarts).toHaveLength(1);
    expect(page.body.rhythm).toEqual((await ada.get("/api/rhythm/today")).body);
    expect(page.body.rhythm.practice.length).toBeGreaterThan(0);
  });

  it("shows nothing to an anonymous caller", async () => {
    const { app } = buildTestApp(db());
    const res = await app.request("http://localhost/api/today/page");
    expect(res.status).toBe(401);
  });
});
