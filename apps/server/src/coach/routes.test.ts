import { describeEachDatabase } from "@cando/storage/test-support";
import { expect, it } from "vitest";
import {
  attemptBody,
  buildTestApp,
  goalWithLadder,
  signedUp,
  TestClient,
  uniqueEmail,
} from "../test-support";

async function shareWith(owner: TestClient, goalId: string, coach: TestClient, role = "coach") {
  const made = await owner.post("/api/invitations", { goalId, role, label: "My coach" });
  expect((await coach.post("/api/invitations/accept", { token: made.body.token })).status).toBe(
    200,
  );
}

const fixedAbility = { effort: 1, strategy: 1, ability: 4, luck: 0, help: 0, easy: 0 };

describeEachDatabase("coach view API", (db) => {
  it("lists every client who granted the coach access, sorted by what needs attention", async () => {
    const { app, clock } = buildTestApp(db());
    const coach = await signedUp(app);
    const client = async (name: string) => {
      const email = uniqueEmail(name);
      const c = await signedUp(app, email);
      return { c, email, ...(await goalWithLadder(c, [80, 60, 40])) };
    };
    const quiet = await client("quiet");
    await shareWith(quiet.c, quiet.goalId, coach);
    clock.advanceMinutes(15 * 24 * 60);

    const stuck = await client("stuck");
    const blamed = await client("blamed");
    const reached = await client("reached");
    const fine = await client("fine");
    const supporterOnly = await client("supported");
    for (const k of [stuck, blamed, reached, fine]) await shareWith(k.c, k.goalId, coach);
    await shareWith(supporterOnly.c, supporterOnly.goalId, coach, "supporter");

    for (let i = 0; i < 3; i++) {
      clock.advanceMinutes(10);
      await stuck.c.post(
        "/api/attempts",
        attemptBody(stuck.stepIds[1] as string, { outcome: "not_yet", confidenceBefore: 90 }),
      );
    }
    clock.advanceMinutes(10);
    const setback = await blamed.c.post(
      "/api/attempts",
      attemptBody(blamed.stepIds[0] as string, { outcome: "not_yet" }),
    );
    await blamed.c.call("PUT", `/api/attempts/${setback.body.attempt.id}/debrief`, {
      attributions: fixedAbility,
    });
    await reached.c.patch(`/api/goals/${reached.goalId}`, { status: "reached" });
    clock.advanceMinutes(10);
    await fine.c.post("/api/attempts", attemptBody(fine.stepIds[0] as string));

    const res = await coach.get("/api/coach");
    expect(res.status).toBe(200);
    const clients = res.body.clients as {
      owner: string;
      flags: { flag: string }[];
      nextStep: { title: string; predictedSuccess: number } | null;
      calibration: string;
      lastActivity: string | null;
      goalId: string;
    }[];
    expect(clients.map((c) => c.owner)).toEqual([
      stuck.email,
      blamed.email,
      quiet.email,
      reached.email,
      fine.email,
    ]);
    expect(clients.map((c) => c.flags.map((f) => f.flag))).toEqual([
      ["setbacks_in_a_row"],
      ["fixed_ability_setback"],
      ["inactive"],
      ["goal_reached"],
      [],
    ]);
    expect(clients[4]?.nextStep).toMatchObject({ title: expect.any(String) });
    expect(clients[4]?.nextStep?.predictedSuccess).toBeGreaterThan(0);
    expect(clients[4]?.calibration).toBe("not_enough_data");
    expect(clients[2]?.lastActivity).toBeNull();

    // Looked at again (re-attributed): the flag goes.
    await blamed.c.call("PUT", `/api/attempts/${setback.body.attempt.id}/debrief`, {
      attributions: fixedAbility,
      reattribution: "I had not practised the opening yet",
    });
    const after = (await coach.get("/api/coach")).body.clients as { owner: string; flags: [] }[];
    expect(after.find((c) => c.owner === blamed.email)?.flags).toEqual([]);

    // One click to the shared goal, read-only.
    expect((await coach.get(`/api/shared/goals/${fine.goalId}`)).status).toBe(200);

    // A revoked grant leaves the list at once; nobody else sees these clients.
    const grantId = (await fine.c.get(`/api/goals/${fine.goalId}/grants`)).body.grants[0].id;
    await fine.c.call("DELETE", `/api/grants/${grantId}`);
    const left = (await coach.get("/api/coach")).body.clients as { owner: string }[];
    expect(left.map((c) => c.owner)).not.toContain(fine.email);
    expect((await (await signedUp(app)).get("/api/coach")).body.clients).toEqual([]);
    expect((await new TestClient(app).get("/api/coach")).status).toBe(401);
  });
});
