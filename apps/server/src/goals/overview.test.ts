import { describeEachDatabase } from "@cando/storage/test-support";
import { expect, it } from "vitest";
import { attemptBody, buildTestApp, goalWithLadder, signedUp } from "../test-support";

describeEachDatabase("the goal's page in one answer", (db) => {
  it("answers what the four separate reads answer, with the newest attempts summarised", async () => {
    const { app, clock } = buildTestApp(db());
    const ada = await signedUp(app);
    const { goalId, stepIds } = await goalWithLadder(ada);
    const ids: string[] = [];
    for (const [i, outcome] of (["done", "not_yet", "partly"] as const).entries()) {
      clock.advanceMinutes(60);
      const res = await ada.post(
        "/api/attempts",
        attemptBody(stepIds[i % 2] as string, { outcome }),
      );
      expect(res.status).toBe(201);
      ids.push(res.body.attempt.id);
    }
    await ada.call("PUT", `/api/attempts/${ids[1]}/debrief`, {
      attributions: { effort: 3, strategy: 2, ability: 1, luck: 0, help: 0, easy: 0 },
    });
    // Someone who did the second step, and an attempt on the third started, not finished.
    const priya = await ada.post("/api/role-models", {
      name: "Priya",
      relation: "a colleague",
      similarity: 60,
    });
    expect(priya.status, JSON.stringify(priya.body)).toBe(201);
    const did = await ada.post(`/api/role-models/${priya.body.roleModel.id}/steps`, {
      stepId: stepIds[1],
      what: "gave the talk to her team",
      timing: "a year into her job",
    });
    expect(did.status, JSON.stringify(did.body)).toBe(201);
    const started = await ada.post("/api/attempt-starts", {
      stepId: stepIds[2],
      idempotencyKey: "overview-start-0001",
      confidenceBefore: 50,
      anxietyBefore: 4,
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);

    const page = await ada.get(`/api/goals/${goalId}/overview?limit=2`);
    expect(page.status).toBe(200);
    const goal = (await ada.get(`/api/goals/${goalId}`)).body;
    expect(page.body.goal).toEqual(goal.goal);
    expect(page.body.ladder).toEqual(goal.ladder);
    expect(page.body.domains).toEqual((await ada.get("/api/domains")).body.domains);
    expect(page.body.ratings).toEqual((await ada.get(`/api/goals/${goalId}/ratings`)).body.ratings);
    expect(page.body.ratings.length).toBeGreaterThan(0);
    expect(page.body.roleModels).toEqual(
      (await ada.get(`/api/goals/${goalId}/role-models`)).body.steps,
    );
    expect(page.body.roleModels).toHaveLength(1);
    expect(page.body.attemptStarts).toEqual(
      (await ada.get(`/api/attempt-starts?goalId=${goalId}`)).body.attemptStarts,
    );
    expect(page.body.attemptStarts).toHaveLength(1);
    // Newest first, two of three, whether each is debriefed; no notes or debrief texts.
    expect(page.body.attempts.map((a: { id: string }) => a.id)).toEqual([ids[2], ids[1]]);
    expect(page.body.attempts.map((a: { debriefed: boolean }) => a.debriefed)).toEqual([
      false,
      true,
    ]);
    expect(Object.keys(page.body.attempts[0]).sort()).toEqual(
      ["attemptedAt", "debriefed", "id", "outcome", "predictedSuccess", "stepId"].sort(),
    );
    expect(page.body.attempts[0]).toMatchObject({ outcome: "partly", stepId: stepIds[0] });
    expect(typeof page.body.attempts[0].predictedSuccess).toBe("number");

    // The rest continue where the page stopped.
    const rest = await ada.get(
      `/api/goals/${goalId}/attempt-summaries?limit=2&cursor=${encodeURIComponent(page.body.nextCursor)}`,
    );
    expect(rest.status).toBe(200);
    expect(rest.body.attempts.map((a: { id: string }) => a.id)).toEqual([ids[0]]);
    expect(rest.body.nextCursor).toBeNull();
  });

  it("names the field of a bad query and shows nothing of another person's goal", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const bob = await signedUp(app);
    const { goalId } = await goalWithLadder(ada);
    const bad = await ada.get(`/api/goals/${goalId}/attempt-summaries?cursor=nonsense`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain("cursor");
    const tooMany = await ada.get(`/api/goals/${goalId}/overview?limit=501`);
    expect(tooMany.status).toBe(400);
    expect(JSON.stringify(tooMany.body)).toContain("limit");
    for (const path of [
      `/api/goals/${goalId}/overview`,
      `/api/goals/${goalId}/attempt-summaries`,
    ]) {
      const theirs = await bob.get(path);
      expect(theirs.status, path).toBe(404);
      expect(JSON.stringify(theirs.body)).not.toContain("10-minute talk");
    }
  });
});
