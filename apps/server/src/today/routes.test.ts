import { describeEachDatabase } from "@cando/storage/test-support";
import { expect, it } from "vitest";
import { attemptBody, buildTestApp, goalWithLadder, signedUp, TestClient } from "../test-support";

describeEachDatabase("today and milestones API", (db) => {
  it("shows each active goal's next step, goals still without a ladder, and the audit notice", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const { goalId } = await goalWithLadder(ada);
    const domainId = (await ada.get("/api/domains")).body.domains[2].id;
    await ada.post("/api/goals", { domainId, statement: "I can ask a friend for help" });
    const today = (await ada.get("/api/today")).body;
    expect(today.items).toHaveLength(1);
    expect(today.items[0].goal.id).toBe(goalId);
    expect(today.items[0].step.id).toBe(today.items[0].recommendation.stepId);
    expect(today.goalsWithoutLadder.map((g: { statement: string }) => g.statement)).toEqual([
      "I can ask a friend for help",
    ]);
    expect(today.audit).toMatchObject({ due: true, reason: "none_yet" });
    await ada.patch(`/api/goals/${goalId}`, { status: "paused" });
    expect((await ada.get("/api/today")).body.items).toEqual([]);
  });

  it("shows each goal's next step exactly as its ladder does, counts and reasons included", async () => {
    const { app, clock } = buildTestApp(db());
    const ada = await signedUp(app);
    const goals = [
      await goalWithLadder(ada, [90, 60, 40, 20]),
      await goalWithLadder(ada, [80, 50, 30]),
    ];
    const outcomes = ["done", "not_yet", "done", "partly", "done"] as const;
    for (let i = 0; i < 10; i++) {
      clock.advanceMinutes(60);
      const goal = goals[i % 2] as (typeof goals)[0];
      const step = goal.stepIds[Math.floor(i / 4)] as string;
      const res = await ada.post("/api/attempts", attemptBody(step, { outcome: outcomes[i % 5] }));
      expect(res.status).toBe(201);
    }
    const today = (await ada.get("/api/today")).body;
    expect(today.items).toHaveLength(2);
    for (const { goalId } of goals) {
      const { ladder } = (await ada.get(`/api/goals/${goalId}`)).body;
      const item = today.items.find((i: { goal: { id: string } }) => i.goal.id === goalId);
      expect(item.recommendation).toEqual(ladder.recommendation);
      expect(item.step).toEqual(
        ladder.steps.find((s: { id: string }) => s.id === ladder.recommendation.stepId),
      );
    }
    const counted = today.items.flatMap((i: { step: { attemptCount: number } }) => [
      i.step.attemptCount,
    ]);
    expect(counted.some((n: number) => n > 0)).toBe(true);
  });

  it("celebrates a step mastered through attempts once, with the evidence behind it, until seen", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const { stepIds } = await goalWithLadder(ada, [90, 60, 40, 20]);
    const celebrated = [];
    for (let i = 0; i < 6; i++) {
      const res = (await ada.post("/api/attempts", attemptBody(stepIds[0] as string))).body;
      await ada.call("PUT", `/api/attempts/${res.attempt.id}/debrief`, {
        attributions: { effort: 3, strategy: 3, ability: 1, luck: 0, help: 0, easy: 0 },
      });
      celebrated.push(...res.milestones);
    }
    expect(celebrated).toHaveLength(1);
    expect(celebrated[0]).toMatchObject({
      kind: "step_mastered",
      stepId: stepIds[0],
      title: 'You mastered "Step 1"',
    });
    const unseen = (await ada.get("/api/today")).body.milestones;
    expect(unseen.map((m: { id: string }) => m.id)).toEqual([celebrated[0].id]);
    const seen = await ada.post(`/api/milestones/${celebrated[0].id}/seen`);
    expect(seen.body.milestone.seenAt).toBe("2026-11-22T09:00:00.000Z");
    expect((await ada.get("/api/today")).body.milestones).toEqual([]);
    expect((await ada.get("/api/milestones")).body.milestones).toHaveLength(1);
  });

  it("hides another person's milestones (404) and refuses anonymous callers", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const bob = await signedUp(app);
    const { stepIds } = await goalWithLadder(ada);
    const milestone = (await ada.patch(`/api/steps/${stepIds[0]}`, { mastered: true })).body
      .milestones[0];
    expect((await bob.post(`/api/milestones/${milestone.id}/seen`)).body.error.code).toBe(
      "milestone_not_found",
    );
    expect((await bob.get("/api/milestones")).body.milestones).toEqual([]);
    expect((await bob.get("/api/today")).body.items).toEqual([]);
    expect((await ada.get("/api/milestones")).body.milestones[0].seenAt).toBeNull();
    const anonymous = new TestClient(app);
    expect((await anonymous.get("/api/today")).status).toBe(401);
    expect((await anonymous.get("/api/milestones")).status).toBe(401);
    expect((await anonymous.post(`/api/milestones/${milestone.id}/seen`)).status).toBe(401);
  });
});

describeEachDatabase("honest milestones", (db) => {
  it("are dated by the earning attempt, count the evidence debriefed since, and praise only the effort there was", async () => {
    const { app, clock } = buildTestApp(db());
    const ada = await signedUp(app);
    const { stepIds } = await goalWithLadder(ada, [90, 70, 50, 30]);
    const stepId = stepIds[0] as string;
    const days = [
      "2026-11-20T18:00:00.000Z",
      "2026-11-21T18:00:00.000Z",
      "2026-11-22T18:00:00.000Z",
    ];
    const ids: string[] = [];
    for (const attemptedAt of days) {
      const res = await ada.post("/api/attempts", attemptBody(stepId, { attemptedAt, effort: 2 }));
      expect(res.status).toBe(201);
      ids.push(res.body.attempt.id);
      if (res.body.milestones.length > 0) break;
    }
    clock.advanceDays(3);
    // Both successes debriefed after the fact: each is evidence behind the milestone.
    for (const id of ids) {
      await ada.call("PUT", `/api/attempts/${id}/debrief`, {
        didWell: "spoke slowly",
        attributions: { effort: 2, strategy: 2, ability: 1, luck: 0, help: 0, easy: 1 },
      });
    }
    const [milestone] = (await ada.get("/api/milestones")).body.milestones;
    expect(milestone.kind).toBe("step_mastered");
    expect(milestone.achievedAt).toBe(days[ids.length - 1]);
    expect(milestone.evidenceIds).toHaveLength(ids.length);
    expect(milestone.praise).not.toContain("real effort");
    expect(milestone.praise).toContain(`effort 2 of 5 on average over ${ids.length} successes`);
    expect(milestone.praise).toContain("“spoke slowly”");
  });
});
