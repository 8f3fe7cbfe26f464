import { describeEachDatabase } from "@cando/storage/test-support";
import { expect, it } from "vitest";
import { buildTestApp, goalWithLadder, signedUp, TestClient } from "../test-support";

describeEachDatabase("target API", (db) => {
  it("starts at 0.8, takes a whole percent from 0.7 to 0.9, and the advice aims for it", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    expect((await ada.get("/api/me/target")).body).toEqual({
      target: 0.8,
      min: 0.7,
      max: 0.9,
      default: 0.8,
    });
    const { goalId } = await goalWithLadder(ada);
    const before = (await ada.get(`/api/goals/${goalId}`)).body.ladder;
    expect(before.target).toBe(0.8);
    expect(before.recommendation.target).toBe(0.8);

    const res = await ada.call("PUT", "/api/me/target", { target: 0.7 });
    expect(res.status).toBe(200);
    expect(res.body.target).toBe(0.7);
    expect((await ada.get("/api/me/target")).body.target).toBe(0.7);
    const after = (await ada.get(`/api/goals/${goalId}`)).body.ladder;
    expect(after.target).toBe(0.7);
    expect(after.recommendation.target).toBe(0.7);
    expect(after.recommendation.reason).toContain("70% target");
  });

  it("refuses a target outside 0.7–0.9 or not a whole percent, naming the field, and keeps the old", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    for (const target of [0.5, 0.95, 0.755, "high", null]) {
      const res = await ada.call("PUT", "/api/me/target", { target });
      expect(res.status).toBe(400);
      expect(res.body.error.fields).toContainEqual(expect.objectContaining({ path: "target" }));
    }
    expect((await ada.get("/api/me/target")).body.target).toBe(0.8);
  });

  it("is one person's own: another's change does not touch it; anonymous callers get 401", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const bob = await signedUp(app);
    await bob.call("PUT", "/api/me/target", { target: 0.9 });
    expect((await ada.get("/api/me/target")).body.target).toBe(0.8);
    const anon = new TestClient(app);
    expect((await anon.get("/api/me/target")).status).toBe(401);
    expect((await anon.call("PUT", "/api/me/target", { target: 0.75 })).status).toBe(401);
  });
});
