import { describeEachDatabase } from "@cando/storage/test-support";
import { expect, it } from "vitest";
import {
  attemptBody,
  buildTestApp,
  GOOD_PASSWORD,
  goalWithLadder,
  serveTestApp,
  signedUp,
  TestClient,
  uniqueEmail,
} from "../test-support";

describeEachDatabase("supporters and coaches", (db) => {
  async function sharedGoal() {
    const { app, clock } = buildTestApp(db());
    return { app, clock, owner: await signedUp(app) };
  }

  it("invites by a single-use link; the invitee accepts and reads only what is granted", async () => {
    const { app, clock, owner } = await sharedGoal();
    const { goalId, stepIds } = await goalWithLadder(owner, [80, 60, 40]);
    const attempt = await owner.post("/api/attempts", attemptBody(stepIds[0] as string));
    expect(attempt.status).toBe(201);
    await owner.call("PUT", `/api/attempts/${attempt.body.attempt.id}/debrief`, {
      didWell: "Kept eye contact",
      capability: "I can hold a room",
      differently: "Slow down",
      attributions: { effort: 3, strategy: 3, ability: 1, luck: 0, help: 0, easy: 0 },
    });

    const made = await owner.post("/api/invitations", {
      goalId,
      role: "supporter",
      label: "Maya, my mentor",
    });
    expect(made.status).toBe(201);
    expect(made.body.invitation).toMatchObject({ status: "pending", acceptedBy: null });
    const token = made.body.token as string;
    expect(JSON.stringify((await owner.get("/api/invitations")).body)).not.toContain(token);

    const mayaEmail = uniqueEmail("maya");
    const maya = await signedUp(app, mayaEmail);
    const accepted = await maya.post("/api/invitations/accept", { token });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ goalId, role: "supporter" });
    // Single use: not again, not by anyone else.
    const sam = await signedUp(app);
    const again = await sam.post("/api/invitations/accept", { token });
    expect(again.status).toBe(400);
    expect(again.body.error.fields[0].path).toBe("token");

    // The person sees who accepted.
    const invitations = (await owner.get(`/api/invitations?goalId=${goalId}`)).body.invitations;
    expect(invitations[0]).toMatchObject({ status: "accepted", acceptedBy: mayaEmail });

    const shared = (await maya.get("/api/shared")).body.goals;
    expect(shared).toHaveLength(1);
    expect(shared[0]).toMatchObject({ goalId, role: "supporter" });
    expect((await sam.get("/api/shared")).body.goals).toEqual([]);

    const view = await maya.get(`/api/shared/goals/${goalId}`);
    expect(view.status).toBe(200);
    expect(view.body.sections).toEqual({
      debriefs: false,
      evidence: false,
      audits: false,
      reflections: false,
    });
    expect(view.body.ladder.steps).toHaveLength(3);
    expect(view.body.outcomes).toHaveLength(1);
    expect(view.body).toMatchObject({ debriefs: null, evidence: null, audits: null });
    expect(JSON.stringify(view.body)).not.toContain("Kept eye contact");
    // Supporters never write: the owner's routes answer 404 for them.
    expect((await maya.get(`/api/goals/${goalId}`)).status).toBe(404);
    expect((await maya.patch(`/api/goals/${goalId}`, { statement: "x" })).status).toBe(404);
    expect((await maya.post("/api/attempts", attemptBody(stepIds[0] as string))).status).toBe(404);

    // Switch debriefs on; rate credibility; See what they see matches.
    const grant = (await owner.get(`/api/goals/${goalId}/grants`)).body.grants[0];
    expect(grant).toMatchObject({ supporterEmail: mayaEmail, credibility: null });
    const changed = await owner.patch(`/api/grants/${grant.id}`, {
      debriefs: true,
      credibility: 85,
    });
    expect(changed.status).toBe(200);
    expect(changed.body.grant).toMatchObject({ credibility: 85, sections: { debriefs: true } });
    const seen = await maya.get(`/api/shared/goals/${goalId}`);
    expect(JSON.stringify(seen.body)).toContain("Kept eye contact");
    const preview = await owner.get(`/api/grants/${grant.id}/preview`);
    expect(preview.status).toBe(200);
    expect({ ...preview.body, viewer: "supporter" }).toEqual(seen.body);
    // A supporter cannot change or preview the grant.
    expect((await maya.patch(`/api/grants/${grant.id}`, { evidence: true })).status).toBe(404);
    expect((await maya.get(`/api/grants/${grant.id}/preview`)).status).toBe(404);

    // Revoke: the very next request is refused.
    clock.advanceMinutes(1);
    expect((await owner.call("DELETE", `/api/grants/${grant.id}`)).status).toBe(200);
    expect((await maya.get(`/api/shared/goals/${goalId}`)).status).toBe(404);
    expect((await maya.get("/api/shared")).body.goals).toEqual([]);
    expect((await owner.get(`/api/grants/${grant.id}/preview`)).status).toBe(409);
  });

  it("refuses bad input naming the field, and stores nothing", async () => {
    const { owner } = await sharedGoal();
    const { goalId } = await goalWithLadder(owner);
    const bad = await owner.post("/api/invitations", { goalId, role: "boss", label: "" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      "label",
      "role",
    ]);
    expect((await owner.get("/api/invitations")).body.invitations).toEqual([]);
    const someoneElse = await signedUp(buildTestApp(db()).app);
    const theirs = await goalWithLadder(someoneElse);
    const notMine = await owner.post("/api/invitations", {
      goalId: theirs.goalId,
      role: "coach",
      label: "x",
    });
    expect(notMine.status).toBe(404);
    const made = await owner.post("/api/invitations", { goalId, role: "coach", label: "Coach" });
    expect((await owner.post("/api/invitations/accept", { token: made.body.token })).status).toBe(
      400,
    );
    const grantId = "no-such-grant";
    expect((await owner.patch(`/api/grants/${grantId}`, { debriefs: true })).status).toBe(404);
  });

  it("revokes an invitation before use; expired links are refused after 7 days", async () => {
    const { app, clock, owner } = await sharedGoal();
    const { goalId } = await goalWithLadder(owner);
    const one = await owner.post("/api/invitations", { goalId, role: "coach", label: "A" });
    const two = await owner.post("/api/invitations", { goalId, role: "coach", label: "B" });
    const gone = await owner.call("DELETE", `/api/invitations/${one.body.invitation.id}`);
    expect(gone.status).toBe(200);
    expect(gone.body.invitation.status).toBe("revoked");
    expect((await owner.call("DELETE", `/api/invitations/${one.body.invitation.id}`)).status).toBe(
      409,
    );
    const coach = await signedUp(app);
    expect((await coach.post("/api/invitations/accept", { token: one.body.token })).status).toBe(
      400,
    );
    clock.advanceDays(7);
    expect((await coach.post("/api/invitations/accept", { token: two.body.token })).status).toBe(
      400,
    );
    const listed = (await owner.get("/api/invitations")).body.invitations;
    expect(listed.map((i: { status: string }) => i.status).sort()).toEqual(["expired", "revoked"]);
    expect((await coach.get("/api/shared")).body.goals).toEqual([]);
  });

  it("lets an invitation's one sign-up through when sign-up is closed", async () => {
    const open = buildTestApp(db());
    const owner = await signedUp(open.app);
    const { goalId } = await goalWithLadder(owner);
    const made = await owner.post("/api/invitations", { goalId, role: "supporter", label: "M" });
    const closed = buildTestApp(db(), { signup: "closed" });
    const stranger = new TestClient(closed.app);
    const refused = await stranger.post("/api/auth/signup", {
      email: uniqueEmail(),
      password: GOOD_PASSWORD,
    });
    expect(refused.status).toBe(403);
    const invited = new TestClient(closed.app);
    const joined = await invited.post("/api/auth/signup", {
      email: uniqueEmail("invited"),
      password: GOOD_PASSWORD,
      invitation: made.body.token,
    });
    expect(joined.status).toBe(201);
    expect((await invited.get("/api/shared")).body.goals[0]).toMatchObject({ goalId });
    // The link is used up: a second sign-up with it is refused.
    const second = await new TestClient(closed.app).post("/api/auth/signup", {
      email: uniqueEmail(),
      password: GOOD_PASSWORD,
      invitation: made.body.token,
    });
    expect(second.status).toBe(403);
    // With open sign-up a dead link is a 400 on `invitation`, and no account is made.
    const email = uniqueEmail();
    const dead = await new TestClient(open.app).post("/api/auth/signup", {
      email,
      password: GOOD_PASSWORD,
      invitation: made.body.token,
    });
    expect(dead.status).toBe(400);
    expect(dead.body.error.fields[0].path).toBe("invitation");
    const login = await new TestClient(open.app).post("/api/auth/login", {
      email,
      password: GOOD_PASSWORD,
    });
    expect(login.status).toBe(401);
  });

  it("under parallel requests a link is used once, and one supporter holds one grant per goal", async () => {
    const served = await serveTestApp(db());
    try {
      const owner = await signedUp(TestClient.http(served.baseUrl));
      const { goalId } = await goalWithLadder(owner);
      const one = await owner.post("/api/invitations", { goalId, role: "supporter", label: "A" });
      const racers = await Promise.all(
        Array.from({ length: 6 }, () => signedUp(TestClient.http(served.baseUrl))),
      );
      const replies = await Promise.all(
        racers.map((r) => r.post("/api/invitations/accept", { token: one.body.token })),
      );
      expect(replies.map((r) => r.status).sort()).toEqual([200, 400, 400, 400, 400, 400]);

      // Four links to the same goal, accepted at once by the same person: one grant.
      const tokens = await Promise.all(
        [1, 2, 3, 4].map(
          async () =>
            (await owner.post("/api/invitations", { goalId, role: "coach", label: "C" })).body
              .token as string,
        ),
      );
      const coach = await signedUp(TestClient.http(served.baseUrl));
      const accepted = await Promise.all(
        tokens.map((token) => coach.post("/api/invitations/accept", { token })),
      );
      expect(accepted.map((r) => r.status)).toEqual([200, 200, 200, 200]);
      const grants = (await owner.get(`/api/goals/${goalId}/grants`)).body.grants;
      expect(grants).toHaveLength(2);
    } finally {
      await served.close();
    }
  });
});
