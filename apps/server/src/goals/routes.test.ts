import { listGoals } from "@cando/storage";
import { describeEachDatabase } from "@cando/storage/test-support";
import { expect, it } from "vitest";
import { buildTestApp, goalWithLadder, signedUp, TestClient } from "../test-support";

describeEachDatabase("goals API", (db) => {
  it("sets a goal and coaches vague or 'will' wording without blocking it", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const domainId = (await ada.get("/api/domains")).body.domains[0].id;
    const good = await ada.post("/api/goals", {
      domainId,
      statement: "I can give a clear 10-minute talk to a room of ten or more",
      outcome: "Ten people heard it",
      targetDate: "2027-03-01",
    });
    expect(good.status).toBe(201);
    expect(good.body.goal).toMatchObject({
      status: "active",
      targetDate: "2027-03-01",
      coaching: [],
    });
    const vague = await ada.post("/api/goals", {
      domainId,
      statement: "I will be more confident at work",
    });
    expect(vague.status).toBe(201);
    expect(vague.body.goal.coaching.map((n: { code: string }) => n.code)).toEqual([
      "will_not_can",
      "vague",
      "no_observable_outcome",
    ]);
    const list = await ada.get("/api/goals?status=active");
    expect(list.body.goals).toHaveLength(2);
  });

  type Body = (own: string, theirs: string) => Record<string, unknown>;
  it.each<[string, Body, string, string]>([
    ["no domain", () => ({ statement: "I can run 5 km" }), "domainId", "is required"],
    [
      "another person's domain",
      (_o, theirs) => ({ domainId: theirs, statement: "I can run 5 km" }),
      "domainId",
      "not one of your domains",
    ],
    ["an empty statement", (own) => ({ domainId: own, statement: "" }), "statement", "is required"],
    [
      "a long statement",
      (own) => ({ domainId: own, statement: "x".repeat(201) }),
      "statement",
      "at most 200",
    ],
    [
      "an impossible date",
      (own) => ({ domainId: own, statement: "I can run", targetDate: "2027-02-30" }),
      "targetDate",
      "not a real date",
    ],
    [
      "a date in words",
      (own) => ({ domainId: own, statement: "I can run", targetDate: "next week" }),
      "targetDate",
      "YYYY-MM-DD",
    ],
  ])(
    "refuses %s with 400 naming the field, and stores nothing",
    async (_label, body, path, message) => {
      const { app } = buildTestApp(db());
      const ada = await signedUp(app);
      const bob = await signedUp(app);
      const own = (await ada.get("/api/domains")).body.domains[0].id;
      const theirs = (await bob.get("/api/domains")).body.domains[0].id;
      const res = await ada.post("/api/goals", body(own, theirs));
      expect(res.status).toBe(400);
      expect(res.body.error.fields).toContainEqual({
        path,
        message: expect.stringContaining(message),
      });
      const adaId = (await ada.get("/api/me")).body.user.id;
      expect(await listGoals(db(), adaId)).toEqual([]);
    },
  );

  it("shows a goal with its ladder, and changes its status; reaching it is a milestone", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const { goalId } = await goalWithLadder(ada);
    const shown = await ada.get(`/api/goals/${goalId}`);
    expect(shown.body.ladder.steps).toHaveLength(4);
    expect((await ada.patch(`/api/goals/${goalId}`, { status: "paused" })).body.goal.status).toBe(
      "paused",
    );
    const reached = await ada.patch(`/api/goals/${goalId}`, { status: "reached" });
    expect(reached.body.goal).toMatchObject({
      status: "reached",
      reachedAt: "2026-11-22T09:00:00.000Z",
    });
    expect(reached.body.milestones).toMatchObject([{ kind: "goal_reached", goalId }]);
    const again = await ada.patch(`/api/goals/${goalId}`, {
      status: "reached",
      outcome: "twelve came",
    });
    expect(again.body.milestones).toEqual([]);
    expect((await ada.patch(`/api/goals/${goalId}`, {})).status).toBe(400);
    expect(
      (await ada.patch(`/api/goals/${goalId}`, { status: "finished" })).body.error.fields[0].path,
    ).toBe("status");
  });

  it("hides another person's goal (404) and refuses anonymous callers (401)", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const bob = await signedUp(app);
    const { goalId } = await goalWithLadder(ada);
    expect((await bob.get(`/api/goals/${goalId}`)).body.error.code).toBe("goal_not_found");
    expect((await bob.patch(`/api/goals/${goalId}`, { status: "dropped" })).status).toBe(404);
    expect((await ada.get(`/api/goals/${goalId}`)).body.goal.status).toBe("active");
    expect((await bob.get("/api/goals")).body.goals).toEqual([]);
    const anonymous = new TestClient(app);
    for (const [method, path] of [
      ["GET", "/api/goals"],
      ["POST", "/api/goals"],
      ["GET", `/api/goals/${goalId}`],
      ["PATCH", `/api/goals/${goalId}`],
    ] as const) {
      expect(
        (await anonymous.call(method, path, method === "GET" ? undefined : {})).status,
        `${method} ${path}`,
      ).toBe(401);
    }
  });
});
