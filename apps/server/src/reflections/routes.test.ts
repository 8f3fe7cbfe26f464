import { describeEachDatabase } from "@cando/storage/test-support";
import { expect, it } from "vitest";
import { attemptBody, buildTestApp, goalWithLadder, signedUp, TestClient } from "../test-support";

// The test clock starts at 2026-11-22T09:00Z, a Sunday: the default reflection day.
describeEachDatabase("reflections API", (db) => {
  it("pre-fills the week's facts and says a reflection is due on the chosen day", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const { goalId, domainId, stepIds } = await goalWithLadder(ada);
    const step = stepIds[0] as string;
    await ada.post("/api/attempts", attemptBody(step, { outcome: "done", effort: 4 }));
    await ada.post("/api/attempts", attemptBody(step, { outcome: "not_yet", effort: 4 }));
    await ada.post("/api/attempts", attemptBody(step, { outcome: "done", effort: 1 }));
    await ada.post(`/api/goals/${goalId}/practice`, { day: "2026-11-20", minutes: 20 });
    await ada.post(`/api/goals/${goalId}/practice`, { day: "2026-11-21", minutes: 25 });
    await ada.post(`/api/goals/${goalId}/practice`, { day: "2026-11-14", minutes: 99 });
    await ada.post("/api/evidence", {
      domainId,
      title: "Asked a question in the all-hands",
      occurredOn: "2026-11-19",
      ownership: 90,
    });
    const today = (await ada.get("/api/rhythm/today")).body;
    expect(today.reflection).toEqual({ due: true, weekEnd: "2026-11-22", written: false });

    const week = (await ada.get("/api/reflections/week")).body;
    expect(week.due).toBe(true);
    expect(week.reflection).toBeNull();
    expect(week.facts).toMatchObject({
      weekStart: "2026-11-16",
      weekEnd: "2026-11-22",
      attempts: { total: 3, done: 2, partly: 0, notYet: 1 },
      practice: { minutes: 45, days: 2 },
      evidence: { count: 1, titles: ["Asked a question in the all-hands"] },
    });
    const sources = Object.fromEntries(
      week.facts.sources.map((s: { key: string; count: number; nudge: string | null }) => [
        s.key,
        s,
      ]),
    );
    expect(sources.mastery).toMatchObject({ count: 1, nudge: null });
    expect(sources.roleModels).toMatchObject({
      count: 0,
      nudge: "No one to learn from this week: who is one step ahead of you?",
    });
  });

  it("saves the three answers and next week's plan, plans a step, lists and searches, keeps a line as evidence", async () => {
    const { app, clock } = buildTestApp(db());
    const ada = await signedUp(app);
    const { domainId, goalId, stepIds } = await goalWithLadder(ada);
    const saved = await ada.call("PUT", "/api/reflections/2026-11-22", {
      accomplished: "Gave the five-minute update\nand took two questions",
      overcame: "Shaky hands before standing up",
      learned: "Slow breathing helps",
      nextWeek: "Present to my team",
      nextStep: { stepId: stepIds[1], plannedDate: "2026-11-26" },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.reflection).toMatchObject({
      weekStart: "2026-11-16",
      weekEnd: "2026-11-22",
      learned: "Slow breathing helps",
    });
    const ladder = (await ada.get(`/api/goals/${goalId}`)).body.ladder;
    expect(ladder.steps.find((s: { id: string }) => s.id === stepIds[1]).plannedDate).toBe(
      "2026-11-26",
    );
    expect((await ada.get("/api/rhythm/today")).body.reflection).toMatchObject({
      due: false,
      written: true,
    });
    // Rewriting keeps one reflection for the week.
    clock.advanceMinutes(5);
    await ada.call("PUT", "/api/reflections/2026-11-22", {
      accomplished: "Gave the five-minute update\nand took two questions",
      learned: "Slow breathing really helps",
    });
    await ada.call("PUT", "/api/reflections/2026-11-15", { accomplished: "Wrote my outline" });
    const all = (await ada.get("/api/reflections")).body.reflections;
    expect(all.map((r: { weekEnd: string }) => r.weekEnd)).toEqual(["2026-11-22", "2026-11-15"]);
    expect(all[0]).toMatchObject({ overcame: "", learned: "Slow breathing really helps" });
    const found = (await ada.get("/api/reflections?q=BREATHING%20really")).body.reflections;
    expect(found.map((r: { weekEnd: string }) => r.weekEnd)).toEqual(["2026-11-22"]);

    const kept = await ada.post("/api/reflections/2026-11-22/evidence", {
      part: "accomplished",
      domainId,
      goalId,
      ownership: 80,
    });
    expect(kept.status).toBe(201);
    expect(kept.body.evidence).toMatchObject({
      title: "Gave the five-minute update",
      body: "Gave the five-minute update\nand took two questions",
      occurredOn: "2026-11-22",
      ownership: 80,
      goalId,
      source: "reflection",
    });
    // Linked to the reflection it was kept from.
    const reflectionId = (await ada.get("/api/reflections")).body.reflections[0].id;
    expect(kept.body.evidence.reflectionId).toBe(reflectionId);
    expect((await ada.get("/api/evidence?q=five-minute")).body.evidence).toHaveLength(1);
  });

  it("refuses bad input with a 400 naming the field, storing nothing", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const { domainId, stepIds } = await goalWithLadder(ada);
    const put = (weekEnd: string, body: unknown) =>
      ada.call("PUT", `/api/reflections/${weekEnd}`, body);
    const cases: [
      Promise<{ status: number; body: { error: { fields: { path: string }[] } } }>,
      string,
    ][] = [
      [put("2026-12-05", {}), "weekEnd"],
      [put("2026-13-01", {}), "weekEnd"],
      [put("2026-11-22", { learned: "x".repeat(2001) }), "learned"],
      [
        put("2026-11-22", { nextStep: { stepId: stepIds[0], plannedDate: "2026-11-01" } }),
        "nextStep.plannedDate",
      ],
      [
        put("2026-11-22", { nextStep: { stepId: stepIds[0], plannedDate: "soon" } }),
        "nextStep.plannedDate",
      ],
      [ada.get("/api/reflections/week?end=2026-12-25"), "end"],
      [ada.get("/api/reflections/week?end=someday"), "end"],
    ];
    for (const [request, field] of cases) {
      const res = await request;
      expect(res.status, field).toBe(400);
      expect(res.body.error.fields.map((f) => f.path)).toContain(field);
    }
    expect((await ada.get("/api/reflections")).body.reflections).toEqual([]);
    await put("2026-11-22", { accomplished: "Something" });
    for (const [body, field] of [
      [{ part: "overcame", domainId, ownership: 50 }, "part"],
      [{ part: "hoped", domainId, ownership: 50 }, "part"],
      [{ part: "accomplished", domainId: "nope", ownership: 50 }, "domainId"],
      [{ part: "accomplished", domainId, ownership: 101 }, "ownership"],
    ] as const) {
      const res = await ada.post("/api/reflections/2026-11-22/evidence", body);
      expect(res.status).toBe(400);
      expect(res.body.error.fields[0].path).toBe(field);
    }
    expect((await ada.get("/api/evidence")).body.evidence).toEqual([]);
  });

  it("keeps another person's reflections and steps out of reach (404) and refuses anonymous callers", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const bob = await signedUp(app);
    const { stepIds, goalId } = await goalWithLadder(ada);
    await ada.call("PUT", "/api/reflections/2026-11-22", { accomplished: "Mine" });
    const bobDomain = (await bob.get("/api/domains")).body.domains[0].id;
    const kept = await bob.post("/api/reflections/2026-11-22/evidence", {
      part: "accomplished",
      domainId: bobDomain,
      ownership: 50,
    });
    expect(kept.status).toBe(404);
    expect(kept.body.error.code).toBe("reflection_not_found");
    const planned = await bob.call("PUT", "/api/reflections/2026-11-22", {
      nextStep: { stepId: stepIds[0], plannedDate: "2026-11-25" },
    });
    expect(planned.status).toBe(404);
    expect(planned.body.error.code).toBe("step_not_found");
    await bob.call("PUT", "/api/reflections/2026-11-22", { accomplished: "Bob's own" });
    const adaGoal = await bob.post("/api/reflections/2026-11-22/evidence", {
      part: "accomplished",
      domainId: bobDomain,
      goalId,
      ownership: 50,
    });
    expect(adaGoal.status).toBe(404);
    expect((await bob.get("/api/reflections?q=mine")).body.reflections).toEqual([]);
    expect((await ada.get("/api/reflections")).body.reflections[0].accomplished).toBe("Mine");
    const ladder = (await ada.get(`/api/goals/${goalId}`)).body.ladder;
    expect(ladder.steps[0].plannedDate).not.toBe("2026-11-25");
    const anonymous = new TestClient(app);
    expect((await anonymous.get("/api/reflections")).status).toBe(401);
    expect((await anonymous.get("/api/reflections/week")).status).toBe(401);
    expect((await anonymous.call("PUT", "/api/reflections/2026-11-22", {})).status).toBe(401);
    expect(
      (await anonymous.post("/api/reflections/2026-11-22/evidence", { part: "learned" })).status,
    ).toBe(401);
  });

  it("shows steps planned for today as due", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const { stepIds } = await goalWithLadder(ada);
    await ada.patch(`/api/steps/${stepIds[0]}`, { plannedDate: "2026-11-22" });
    const today = (await ada.get("/api/rhythm/today")).body;
    expect(today.plannedSteps).toEqual([
      expect.objectContaining({ stepId: stepIds[0], title: "Step 1" }),
    ]);
  });
});
