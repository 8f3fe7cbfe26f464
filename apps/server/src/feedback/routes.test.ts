import { FEEDBACK_SPECIFICS_NOTE } from "@cando/core";
import { describeEachDatabase } from "@cando/storage/test-support";
import { expect, it } from "vitest";
import type { App } from "../context";
import {
  attemptBody,
  buildTestApp,
  goalWithLadder,
  signedUp,
  type TestClient,
} from "../test-support";

/** Invites a new account to the goal with this role; returns its client and the grant's id. */
async function share(
  app: App,
  owner: TestClient,
  goalId: string,
  role = "supporter",
  label = "A friend",
) {
  const made = await owner.post("/api/invitations", { goalId, role, label });
  const supporter = await signedUp(app);
  expect((await supporter.post("/api/invitations/accept", { token: made.body.token })).status).toBe(
    200,
  );
  const grants = (await owner.get(`/api/goals/${goalId}/grants`)).body.grants;
  return { supporter, grantId: grants[grants.length - 1].id as string };
}

describeEachDatabase("feedback and notifications API", (db) => {
  it("a supporter comments on an attempt; the person replies, hides and saves it as evidence; notifications follow", async () => {
    const { app, clock } = buildTestApp(db());
    const ada = await signedUp(app);
    const { goalId, stepIds } = await goalWithLadder(ada);
    const attempt = (await ada.post("/api/attempts", attemptBody(stepIds[0] as string))).body
      .attempt;
    const { supporter: maya, grantId } = await share(app, ada, goalId, "supporter", "Maya");
    await ada.patch(`/api/grants/${grantId}`, { credibility: 90 });
    const accepted = (await ada.get("/api/notifications")).body;
    expect(accepted.unread).toBe(1);
    expect(accepted.notifications[0]).toMatchObject({
      kind: "invitation_accepted",
      text: "Maya accepted your invitation.",
      read: false,
    });

    clock.advanceMinutes(5);
    const vague = await maya.post("/api/feedback", { attemptId: attempt.id, body: "Great job!" });
    expect(vague.status).toBe(201);
    expect(vague.body.feedback).toMatchObject({
      author: "you",
      specific: false,
      note: FEEDBACK_SPECIFICS_NOTE,
      target: { kind: "attempt", id: attempt.id, exists: true },
    });
    clock.advanceMinutes(5);
    const concrete = await maya.post("/api/feedback", {
      attemptId: attempt.id,
      body: "When you paused before the last point, everyone looked up",
    });
    expect(concrete.body.feedback).toMatchObject({ specific: true, note: null });

    expect((await ada.get("/api/notifications/unread")).body.unread).toBe(3);
    const mine = (await ada.get(`/api/goals/${goalId}/feedback?attemptId=${attempt.id}`)).body
      .feedback;
    expect(mine.map((f: { body: string }) => f.body)).toEqual([
      "When you paused before the last point, everyone looked up",
      "Great job!",
    ]);
    expect(mine[0]).toMatchObject({ author: "Maya", credibility: 90, hidden: false });
    expect(mine[0].target.label).toContain("Step 1");

    const id = mine[0].id;
    const replied = await ada.patch(`/api/feedback/${id}`, { reply: "Thank you, I felt it too" });
    expect(replied.body.feedback).toMatchObject({ reply: "Thank you, I felt it too" });
    const hidden = await ada.patch(`/api/feedback/${mine[1].id}`, { hidden: true });
    expect(hidden.body.feedback.hidden).toBe(true);
    // Maya sees her feedback and the reply, not that one was hidden.
    const hers = (await maya.get(`/api/goals/${goalId}/feedback`)).body.feedback;
    expect(hers).toHaveLength(2);
    expect(hers[0]).toMatchObject({ reply: "Thank you, I felt it too", hidden: false });
    expect(hers[1].hidden).toBe(false);

    const kept = await ada.post(`/api/feedback/${id}/evidence`, { ownership: 80 });
    expect(kept.status).toBe(201);
    expect(kept.body.evidence).toMatchObject({
      source: "social_persuasion",
      goalId,
      ownership: 80,
    });
    expect(kept.body.evidence.title).toContain("Maya: When you paused");
    expect(kept.body.feedback.savedEvidenceId).toBe(kept.body.evidence.id);
    const twice = await ada.post(`/api/feedback/${id}/evidence`, {});
    expect(twice.status).toBe(409);
    const journal = (await ada.get("/api/evidence")).body.evidence;
    expect(
      journal.filter((e: { source: string }) => e.source === "social_persuasion"),
    ).toHaveLength(1);

    expect((await ada.post("/api/notifications/read")).body.unread).toBe(0);
    expect((await ada.get("/api/notifications/unread")).body.unread).toBe(0);

    // Revoked: Maya is told, and loses access at the very next request.
    expect((await ada.call("DELETE", `/api/grants/${grantId}`)).status).toBe(200);
    const told = (await maya.get("/api/notifications")).body;
    expect(told.notifications[0]).toMatchObject({ kind: "grant_revoked" });
    expect((await maya.get(`/api/goals/${goalId}/feedback`)).status).toBe(404);
    const late = await maya.post("/api/feedback", { attemptId: attempt.id, body: "One more" });
    expect(late.status).toBe(404);
    expect((await ada.get(`/api/goals/${goalId}/feedback`)).body.feedback).toHaveLength(2);
  });

  it("feedback on evidence only when evidence is shared; never on another goal, nor one's own, nor by strangers", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const { goalId, domainId, stepIds } = await goalWithLadder(ada);
    const other = await goalWithLadder(ada);
    const attempt = (await ada.post("/api/attempts", attemptBody(stepIds[0] as string))).body
      .attempt;
    const otherAttempt = (await ada.post("/api/attempts", attemptBody(other.stepIds[0] as string)))
      .body.attempt;
    const evidence = (
      await ada.post("/api/evidence", {
        domainId,
        goalId,
        title: "Spoke up",
        occurredOn: "2026-11-20",
        ownership: 70,
      })
    ).body.evidence;
    const { supporter: maya, grantId } = await share(app, ada, goalId);
    const stranger = await signedUp(app);

    const onEvidence = () =>
      maya.post("/api/feedback", { evidenceId: evidence.id, body: "You said it twice, clearly" });
    const refused = await onEvidence();
    expect(refused.status).toBe(404);
    expect(refused.body.error.code).toBe("evidence_not_found");
    await ada.patch(`/api/grants/${grantId}`, { evidence: true });
    expect((await onEvidence()).status).toBe(201);
    await ada.patch(`/api/grants/${grantId}`, { evidence: false });
    expect((await maya.get(`/api/goals/${goalId}/feedback`)).body.feedback).toEqual([]);

    for (const [client, body, code] of [
      [maya, { attemptId: otherAttempt.id, body: "x" }, "attempt_not_found"],
      [maya, { attemptId: "missing", body: "x" }, "attempt_not_found"],
      [stranger, { attemptId: attempt.id, body: "x" }, "attempt_not_found"],
      [ada, { attemptId: attempt.id, body: "Mine" }, "attempt_not_found"],
    ] as const) {
      const res = await client.post("/api/feedback", body);
      expect(res.status, JSON.stringify(body)).toBe(404);
      expect(res.body.error.code).toBe(code);
    }
    const feedbackId = (await ada.get(`/api/goals/${goalId}/feedback`)).body.feedback[0].id;
    // Only the person may reply, hide or save; the author's and a stranger's ids are 404s.
    for (const client of [maya, stranger]) {
      expect((await client.patch(`/api/feedback/${feedbackId}`, { hidden: true })).status).toBe(
        404,
      );
      expect((await client.post(`/api/feedback/${feedbackId}/evidence`, {})).status).toBe(404);
    }
    expect((await stranger.get(`/api/goals/${goalId}/feedback`)).status).toBe(404);
    expect((await stranger.get("/api/notifications")).body.notifications).toEqual([]);
  });

  it("refuses bad input with a 400 naming the field, storing nothing", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const { goalId, stepIds } = await goalWithLadder(ada);
    const attempt = (await ada.post("/api/attempts", attemptBody(stepIds[0] as string))).body
      .attempt;
    const { supporter: maya } = await share(app, ada, goalId);
    for (const [body, field] of [
      [{ attemptId: attempt.id }, "body"],
      [{ attemptId: attempt.id, body: "  " }, "body"],
      [{ attemptId: attempt.id, body: "x".repeat(2001) }, "body"],
      [{ body: "Nice" }, "attemptId"],
      [{ attemptId: attempt.id, evidenceId: "e", body: "Nice" }, "attemptId"],
      [{ attemptId: 3, body: "Nice" }, "attemptId"],
    ] as const) {
      const res = await maya.post("/api/feedback", body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain(field);
    }
    expect((await ada.get(`/api/goals/${goalId}/feedback`)).body.feedback).toEqual([]);
    await maya.post("/api/feedback", { attemptId: attempt.id, body: "You asked a question" });
    const id = (await ada.get(`/api/goals/${goalId}/feedback`)).body.feedback[0].id;
    for (const [body, field] of [
      [{ hidden: "yes" }, "hidden"],
      [{ reply: "x".repeat(2001) }, "reply"],
    ] as const) {
      const res = await ada.patch(`/api/feedback/${id}`, body);
      expect(res.status).toBe(400);
      expect(res.body.error.fields[0].path).toBe(field);
    }
    const bad = await ada.post(`/api/feedback/${id}/evidence`, { ownership: 101 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe("ownership");
    expect((await ada.get("/api/evidence")).body.evidence).toEqual([]);
  });
});
