import { type LadderModel, parseLadderModel, replayLadderModel } from "@cando/core";
import { type Db, findGoal, listAttempts, listLadderFacts } from "@cando/storage";
import { describeEachDatabase } from "@cando/storage/test-support";
import { expect, it, onTestFinished } from "vitest";
import {
  attemptBody,
  buildTestApp,
  TestClient as Client,
  goalWithLadder,
  serveTestApp,
  signedUp,
  type TestClient,
} from "../test-support";

const attributions = { effort: 3, strategy: 3, ability: 1, luck: 0, help: 0, easy: 0 };
const debrief = { didWell: "Kept to time", capability: "I can hold a room", attributions };

async function userIdOf(client: TestClient): Promise<string> {
  return (await client.get("/api/me")).body.user.id as string;
}

/** The goal's stored model, and the same model replayed from the facts by the pure engine. */
async function storedAndReplayed(db: Db, userId: string, goalId: string) {
  const goal = await findGoal(db, userId, goalId);
  if (!goal?.model) throw new Error("no model");
  const stored = parseLadderModel(JSON.parse(goal.model));
  const replayed = replayLadderModel(await listLadderFacts(db, goalId));
  return { stored, replayed };
}

/** The learned part of a model without its ids, to compare two ladders of the same shape. */
function shape(model: LadderModel) {
  return {
    ability: model.ability,
    attempts: model.attempts,
    practiceGain: model.practiceGain,
    lastAttemptAt: model.lastAttemptAt,
    steps: model.steps.map((s) => ({
      difficulty: s.difficulty,
      attempts: s.attempts,
      recent: s.recent,
    })),
  };
}

const at = (hour: number) =>
  `2026-11-2${Math.floor(hour / 24)}T${String(hour % 24).padStart(2, "0")}:00:00.000Z`;

describeEachDatabase("corrections API", (db) => {
  it("edits an attempt's outcome, time, ratings and note; the model equals its replay and a ladder logged right", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const userId = await userIdOf(ada);
    const wrong = await goalWithLadder(ada);
    const right = await goalWithLadder(ada);
    const logged: string[] = [];
    for (const [i, outcome] of (["done", "done", "not_yet"] as const).entries()) {
      const res = await ada.post(
        "/api/attempts",
        attemptBody(wrong.stepIds[0] as string, { outcome, attemptedAt: at(i + 1) }),
      );
      logged.push(res.body.attempt.id);
    }
    // The second attempt was really a setback, on another day, with more anxiety.
    const edited = await ada.patch(`/api/attempts/${logged[1]}`, {
      outcome: "not_yet",
      attemptedAt: at(5),
      anxietyAfter: 8,
      effort: 5,
      minutes: 40,
      note: "Lost my place",
    });
    expect(edited.status).toBe(200);
    expect(edited.body.attempt).toMatchObject({
      outcome: "not_yet",
      attemptedAt: at(5),
      anxietyAfter: 8,
      effort: 5,
      minutes: 40,
      note: "Lost my place",
      confidenceBefore: 60,
    });
    expect(edited.body.ladder.steps[0]).toMatchObject({ attemptCount: 3, successCount: 1 });

    for (const [hour, outcome] of [
      [1, "done"],
      [3, "not_yet"],
      [5, "not_yet"],
    ] as const) {
      await ada.post(
        "/api/attempts",
        attemptBody(right.stepIds[0] as string, { outcome, attemptedAt: at(hour) }),
      );
    }
    const corrected = await storedAndReplayed(db(), userId, wrong.goalId);
    expect(corrected.stored).toEqual(corrected.replayed);
    const direct = await storedAndReplayed(db(), userId, right.goalId);
    expect(shape(corrected.stored)).toEqual(shape(direct.stored));
    const goal = (await ada.get(`/api/goals/${wrong.goalId}`)).body.ladder;
    expect(goal.steps[0].predictedSuccess).toBeCloseTo(
      (await ada.get(`/api/goals/${right.goalId}`)).body.ladder.steps[0].predictedSuccess,
      10,
    );
  });

  it("keeps the evidence journal with the outcome: a success corrected away loses its evidence, and back gains it", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const { stepIds } = await goalWithLadder(ada);
    const attempt = (await ada.post("/api/attempts", attemptBody(stepIds[0] as string))).body
      .attempt;
    const first = (await ada.call("PUT", `/api/attempts/${attempt.id}/debrief`, debrief)).body
      .evidence;
    expect(first).not.toBeNull();
    const partly = await ada.patch(`/api/attempts/${attempt.id}`, { outcome: "partly" });
    expect(partly.body.removedEvidenceIds).toEqual([first.id]);
    expect((await ada.get(`/api/evidence/${first.id}`)).status).toBe(404);
    expect((await ada.get(`/api/attempts/${attempt.id}`)).body.attempt.debrief.didWell).toBe(
      "Kept to time",
    );
    const done = await ada.patch(`/api/attempts/${attempt.id}`, { outcome: "done" });
    expect(done.body.removedEvidenceIds).toEqual([]);
    const journal = (await ada.get("/api/evidence")).body.evidence;
    expect(journal).toHaveLength(1);
    expect(journal[0]).toMatchObject({
      attemptId: attempt.id,
      body: "Kept to time\n\nI can hold a room",
    });
    // Evidence deleted by hand stays deleted when something else about the attempt is corrected.
    const second = (await ada.get("/api/evidence")).body.evidence[0];
    const undo = (await ada.call("DELETE", `/api/evidence/${second.id}`)).body.undo;
    await ada.patch(`/api/attempts/${attempt.id}`, { note: "Kept to time, just" });
    expect((await ada.get("/api/evidence")).body.evidence).toEqual([]);
    expect((await ada.post(`/api/deletions/${undo.deletionId}/restore`)).status).toBe(200);
    // Moving the attempt to another day moves its evidence's day with it.
    await ada.patch(`/api/attempts/${attempt.id}`, { attemptedAt: "2026-11-20T18:00:00Z" });
    expect((await ada.get("/api/evidence")).body.evidence[0].occurredOn).toBe("2026-11-20");
  });

  it("deletes an attempt with its debrief and evidence, replays the ladder, and undoes it", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const userId = await userIdOf(ada);
    const { goalId, stepIds } = await goalWithLadder(ada);
    await ada.post("/api/attempts", attemptBody(stepIds[0] as string, { attemptedAt: at(1) }));
    const attempt = (
      await ada.post("/api/attempts", attemptBody(stepIds[0] as string, { attemptedAt: at(2) }))
    ).body.attempt;
    const evidence = (await ada.call("PUT", `/api/attempts/${attempt.id}/debrief`, debrief)).body
      .evidence;
    const before = (await ada.get(`/api/goals/${goalId}`)).body.ladder;
    const stored = (await ada.get(`/api/attempts/${attempt.id}`)).body.attempt;
    const modelBefore = (await findGoal(db(), userId, goalId))?.model;

    const res = await ada.call("DELETE", `/api/attempts/${attempt.id}`);
    expect(res.status).toBe(200);
    expect(res.body.removed).toEqual({
      debrief: true,
      evidenceIds: [evidence.id],
      milestonesAffected: [],
    });
    expect(res.body.ladder.steps[0]).toMatchObject({ attemptCount: 1, successCount: 1 });
    expect(res.body.undo).toMatchObject({ kind: "attempt", until: "2026-11-22T09:10:00.000Z" });
    expect((await ada.get(`/api/attempts/${attempt.id}`)).status).toBe(404);
    expect((await ada.get(`/api/evidence/${evidence.id}`)).status).toBe(404);
    expect(await listAttempts(db(), userId)).toHaveLength(1);
    const replay = await storedAndReplayed(db(), userId, goalId);
    expect(replay.stored).toEqual(replay.replayed);

    const undone = await ada.post(`/api/deletions/${res.body.undo.deletionId}/restore`);
    expect(undone.status).toBe(200);
    expect(undone.body).toMatchObject({ kind: "attempt", id: attempt.id });
    expect(undone.body.ladder).toEqual(before);
    expect((await findGoal(db(), userId, goalId))?.model).toBe(modelBefore);
    expect((await ada.get(`/api/attempts/${attempt.id}`)).body.attempt).toEqual(stored);
    expect(stored.debrief.didWell).toBe("Kept to time");
    expect((await ada.get(`/api/evidence/${evidence.id}`)).body.evidence).toEqual(evidence);
    // An undo is used once.
    expect((await ada.post(`/api/deletions/${res.body.undo.deletionId}/restore`)).status).toBe(404);
  });

  it("marks a celebrated milestone when what earned it is deleted, and unmarks it on undo", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const { stepIds } = await goalWithLadder(ada, [90, 60, 40, 20]);
    const ids: string[] = [];
    let milestoneId: string | undefined;
    for (let i = 0; i < 12 && milestoneId === undefined; i++) {
      const res = await ada.post(
        "/api/attempts",
        attemptBody(stepIds[0] as string, { attemptedAt: at(i + 1) }),
      );
      ids.push(res.body.attempt.id);
      milestoneId = res.body.milestones[0]?.id;
    }
    expect(milestoneId).toBeDefined();
    // Deleting every success on the step, newest first, removes what earned the milestone.
    const deleteAll = async () => {
      const affected: string[] = [];
      const undos: string[] = [];
      for (const id of [...ids].reverse()) {
        const res = await ada.call("DELETE", `/api/attempts/${id}`);
        affected.push(...res.body.removed.milestonesAffected);
        undos.push(res.body.undo.deletionId);
      }
      return { affected, undos };
    };
    const milestoneOf = async () =>
      (await ada.get("/api/milestones")).body.milestones.filter(
        (m: { stepId: string }) => m.stepId === stepIds[0],
      );
    const first = await deleteAll();
    expect(first.affected).toEqual([milestoneId]);
    // Not offered on Today any more: there is nothing to celebrate until it is earned again.
    const todayIds = (await ada.get("/api/today")).body.milestones.map((m: { id: string }) => m.id);
    expect(todayIds).not.toContain(milestoneId);
    const [flagged] = await milestoneOf();
    expect(flagged).toMatchObject({ id: milestoneId, basisRemovedAt: "2026-11-22T09:00:00.000Z" });
    expect(flagged.title).toMatch(/You mastered/);

    // Undoing every deletion gives the milestone its basis back.
    for (const undo of [...first.undos].reverse()) {
      expect((await ada.post(`/api/deletions/${undo}/restore`)).status).toBe(200);
    }
    // The praise is worked out from the record again: gone, it says so; restored, it speaks of them.
    expect(flagged.praise).toMatch(/not here any more/);
    // (Its praise and evidence are worked out from what is there again: the restored successes.)
    expect(await milestoneOf()).toEqual([
      {
        ...flagged,
        basisRemovedAt: null,
        praise: expect.stringContaining("2 successes"),
        evidenceIds: expect.any(Array),
      },
    ]);

    // Deleted again, then earned again by new successes: the same milestone, whole, not doubled.
    await deleteAll();
    expect((await milestoneOf())[0].basisRemovedAt).not.toBeNull();
    for (let i = 0; i < 12; i++) {
      await ada.post(
        "/api/attempts",
        attemptBody(stepIds[0] as string, { attemptedAt: at(i + 20) }),
      );
    }
    const after = await milestoneOf();
    expect(after).toHaveLength(1);
    expect(after[0].basisRemovedAt).toBeNull();
  });

  it("deletes evidence and an audit, each with an undo that closes after its window", async () => {
    const { app, clock } = buildTestApp(db());
    const ada = await signedUp(app);
    const domains = (await ada.get("/api/domains")).body.domains as { id: string }[];
    const evidence = (
      await ada.post("/api/evidence", {
        domainId: domains[0]?.id,
        title: "Gave the toast",
        occurredOn: "2026-11-20",
        ownership: 80,
      })
    ).body.evidence;
    const gone = await ada.call("DELETE", `/api/evidence/${evidence.id}`);
    expect(gone.status).toBe(200);
    expect(gone.body.undo.kind).toBe("evidence");
    expect((await ada.get("/api/evidence")).body.evidence).toEqual([]);
    expect((await ada.post(`/api/deletions/${gone.body.undo.deletionId}/restore`)).status).toBe(
      200,
    );
    expect((await ada.get("/api/evidence")).body.evidence).toEqual([evidence]);

    const audit = (
      await ada.post("/api/audits", {
        ratings: domains.map((d) => ({ domainId: d.id, rating: 60 })),
      })
    ).body.audit;
    expect((await ada.get("/api/today")).body.audit.due).toBe(false);
    const removed = await ada.call("DELETE", `/api/audits/${audit.id}`);
    expect(removed.status).toBe(200);
    expect((await ada.get("/api/audits")).body.audits).toEqual([]);
    expect((await ada.get("/api/today")).body.audit.due).toBe(true);
    clock.advanceMinutes(11);
    const late = await ada.post(`/api/deletions/${removed.body.undo.deletionId}/restore`);
    expect(late.status).toBe(404);
    expect(late.body.error.code).toBe("deletion_not_found");
    expect((await ada.get("/api/audits")).body.audits).toEqual([]);
    // Expired deletions are purged with the next deletion.
    await ada.call("DELETE", `/api/evidence/${evidence.id}`);
    const kept = await db().selectFrom("deletions").select("kind").execute();
    expect(kept.map((d) => d.kind)).toEqual(["evidence"]);
  });

  it("deletes a goal with everything under it and nothing else", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const userId = await userIdOf(ada);
    const doomed = await goalWithLadder(ada);
    const kept = await goalWithLadder(ada);
    for (const g of [doomed, kept]) {
      const a = (await ada.post("/api/attempts", attemptBody(g.stepIds[0] as string))).body.attempt;
      await ada.call("PUT", `/api/attempts/${a.id}/debrief`, debrief);
      await ada.post(`/api/steps/${g.stepIds[1]}/ratings`, { confidence: 70 });
      await ada.patch(`/api/steps/${g.stepIds[2]}`, { mastered: true });
      await ada.post("/api/evidence", {
        domainId: g.domainId,
        goalId: g.goalId,
        title: "Linked win",
        occurredOn: "2026-11-20",
        ownership: 50,
      });
      await ada.post(`/api/goals/${g.goalId}/practice`, { day: "2026-11-20", minutes: 15 });
      await ada.call("PUT", `/api/goals/${g.goalId}/practice/rest-days/2026-11-23`);
      await ada.call("PUT", `/api/goals/${g.goalId}/practice/target`, { weeklyMinutes: 60 });
    }
    const loose = (
      await ada.post("/api/evidence", {
        domainId: doomed.domainId,
        title: "A win of its own",
        occurredOn: "2026-11-20",
        ownership: 50,
      })
    ).body.evidence;
    const contents = await ada.get(`/api/goals/${doomed.goalId}/contents`);
    expect(contents.body.contents).toEqual({
      steps: 4,
      attempts: 1,
      evidence: 2,
      milestones: 1,
      practiceEntries: 1,
    });

    const res = await ada.call("DELETE", `/api/goals/${doomed.goalId}`);
    expect(res.status).toBe(200);
    expect(res.body.deleted).toEqual(contents.body.contents);
    expect((await ada.get(`/api/goals/${doomed.goalId}`)).status).toBe(404);
    expect((await ada.get("/api/goals")).body.goals.map((g: { id: string }) => g.id)).toEqual([
      kept.goalId,
    ]);
    const stepsLeft = await db()
      .selectFrom("steps")
      .select("goalId")
      .where("userId", "=", userId)
      .execute();
    expect(stepsLeft.map((r) => r.goalId)).toEqual([
      kept.goalId,
      kept.goalId,
      kept.goalId,
      kept.goalId,
    ]);
    const attemptsLeft = await listAttempts(db(), userId);
    expect(attemptsLeft.map((a) => a.goalId)).toEqual([kept.goalId]);
    const debriefsLeft = await db()
      .selectFrom("debriefs")
      .innerJoin("attempts", "attempts.id", "debriefs.attemptId")
      .select("attempts.goalId")
      .where("attempts.userId", "=", userId)
      .execute();
    expect(debriefsLeft.map((r) => r.goalId)).toEqual([kept.goalId]);
    const ratingsLeft = await db()
      .selectFrom("stepRatings")
      .where("stepId", "in", [...doomed.stepIds, ...kept.stepIds])
      .select("stepId")
      .execute();
    expect(ratingsLeft.every((r) => kept.stepIds.includes(r.stepId))).toBe(true);
    expect(ratingsLeft.length).toBeGreaterThan(0);
    expect(await listAttempts(db(), userId, { goalId: kept.goalId })).toHaveLength(1);
    const evidence = (await ada.get("/api/evidence")).body.evidence.map(
      (e: { id: string; goalId: string | null }) => e.goalId ?? e.id,
    );
    expect(evidence.sort()).toEqual([kept.goalId, kept.goalId, loose.id].sort());
    expect(
      (await ada.get("/api/milestones")).body.milestones.map((m: { goalId: string }) => m.goalId),
    ).toEqual([kept.goalId]);
    expect(
      (await ada.get("/api/today")).body.items.map((i: { goal: { id: string } }) => i.goal.id),
    ).toEqual([kept.goalId]);
    // The goal's practice went with it; the other goal's stayed.
    for (const table of ["practiceEntries", "practiceRestDays", "practiceTargets"] as const) {
      const left = await db()
        .selectFrom(table)
        .select("goalId")
        .where("userId", "=", userId)
        .execute();
      expect(
        left.map((r) => r.goalId),
        table,
      ).toEqual([kept.goalId]);
    }
  });

  // Through a real server: in process (app.request) requests were seen to run one after another.
  it("keeps the model equal to its replay when corrections and new attempts arrive at once", async () => {
    const served = await serveTestApp(db());
    onTestFinished(() => served.close());
    const ada = await signedUp(Client.http(served.baseUrl));
    const userId = await userIdOf(ada);
    const { goalId, stepIds } = await goalWithLadder(ada);
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await ada.post(
        "/api/attempts",
        attemptBody(stepIds[i % 2] as string, { attemptedAt: at(i + 1) }),
      );
      ids.push(res.body.attempt.id);
    }
    const replies = await Promise.all([
      ada.patch(`/api/attempts/${ids[0]}`, { outcome: "not_yet" }),
      ada.call("DELETE", `/api/attempts/${ids[1]}`),
      ada.post("/api/attempts", attemptBody(stepIds[0] as string, { outcome: "partly" })),
      ada.patch(`/api/attempts/${ids[2]}`, { attemptedAt: at(30) }),
      ada.call("DELETE", `/api/attempts/${ids[3]}`),
      ada.post("/api/attempts", attemptBody(stepIds[1] as string)),
      ada.patch(`/api/attempts/${ids[4]}`, { outcome: "partly" }),
    ]);
    expect(replies.map((r) => r.status)).toEqual([200, 200, 201, 200, 200, 201, 200]);
    const { stored, replayed } = await storedAndReplayed(db(), userId, goalId);
    expect(stored).toEqual(replayed);
    expect(stored.attempts).toBe((await listAttempts(db(), userId, { goalId })).length);
    expect(stored.attempts).toBe(6);
  });

  it("refuses bad corrections with 400 naming the field, and changes nothing", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const userId = await userIdOf(ada);
    const { goalId, stepIds } = await goalWithLadder(ada);
    const attempt = (await ada.post("/api/attempts", attemptBody(stepIds[0] as string))).body
      .attempt;
    const model = (await findGoal(db(), userId, goalId))?.model;
    for (const [body, path, message] of [
      [{}, "body", "at least one field"],
      [{ outcome: "maybe" }, "outcome", "must be done, partly or not_yet"],
      [{ outcome: "not_yet", effort: 6 }, "effort", "at most 5"],
      [{ confidenceBefore: 55 }, "confidenceBefore", "multiple of 10"],
      [{ minutes: "ten" }, "minutes", "must be a number"],
      [{ note: "x".repeat(2001) }, "note", "at most 2000"],
      [{ outcome: "not_yet", attemptedAt: "2026-11-23T09:00:00Z" }, "attemptedAt", "in the future"],
      [{ attemptedAt: "yesterday" }, "attemptedAt", "ISO-8601"],
      [{ stepId: stepIds[1] }, "body", ""],
    ] as const) {
      const res = await ada.patch(`/api/attempts/${attempt.id}`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const field = res.body.error.fields.find((f: { path: string }) => f.path === path);
      expect(field, JSON.stringify(res.body)).toBeDefined();
      expect(field.message).toContain(message);
    }
    expect((await ada.get(`/api/attempts/${attempt.id}`)).body.attempt).toEqual(attempt);
    expect((await findGoal(db(), userId, goalId))?.model).toBe(model);
    const long = "x".repeat(65);
    for (const [method, path, name] of [
      ["PATCH", `/api/attempts/${long}`, "attemptId"],
      ["DELETE", `/api/attempts/${long}`, "attemptId"],
      ["DELETE", `/api/evidence/${long}`, "evidenceId"],
      ["DELETE", `/api/goals/${long}`, "goalId"],
      ["DELETE", `/api/audits/${long}`, "auditId"],
      ["POST", `/api/deletions/${long}/restore`, "deletionId"],
    ] as const) {
      const res = await ada.call(method, path, method === "PATCH" ? { note: "x" } : undefined);
      expect(res.status, path).toBe(400);
      expect(res.body.error.fields[0].path).toBe(name);
    }
    expect(await listAttempts(db(), userId)).toHaveLength(1);
  });

  it("treats another person's ids as missing (404) and refuses anonymous callers (401)", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const bob = await signedUp(app);
    const { goalId, domainId, stepIds } = await goalWithLadder(ada);
    const attempt = (await ada.post("/api/attempts", attemptBody(stepIds[0] as string))).body
      .attempt;
    const evidence = (
      await ada.post("/api/evidence", {
        domainId,
        title: "Mine",
        occurredOn: "2026-11-20",
        ownership: 9,
      })
    ).body.evidence;
    const domains = (await ada.get("/api/domains")).body.domains as { id: string }[];
    const audit = (
      await ada.post("/api/audits", {
        ratings: domains.map((d) => ({ domainId: d.id, rating: 50 })),
      })
    ).body.audit;
    const spare = (
      await ada.post("/api/evidence", {
        domainId,
        title: "Spare",
        occurredOn: "2026-11-20",
        ownership: 9,
      })
    ).body.evidence;
    const deletion = (await ada.call("DELETE", `/api/evidence/${spare.id}`)).body.undo.deletionId;
    const routes = [
      ["PATCH", `/api/attempts/${attempt.id}`, "attempt_not_found"],
      ["DELETE", `/api/attempts/${attempt.id}`, "attempt_not_found"],
      ["DELETE", `/api/evidence/${evidence.id}`, "evidence_not_found"],
      ["GET", `/api/goals/${goalId}/contents`, "goal_not_found"],
      ["DELETE", `/api/goals/${goalId}`, "goal_not_found"],
      ["DELETE", `/api/audits/${audit.id}`, "audit_not_found"],
      ["POST", `/api/deletions/${deletion}/restore`, "deletion_not_found"],
    ] as const;
    for (const [method, path, code] of routes) {
      const res = await bob.call(
        method,
        path,
        method === "PATCH" ? { outcome: "not_yet" } : undefined,
      );
      expect(res.status, path).toBe(404);
      expect(res.body.error.code).toBe(code);
    }
    const anonymous = new Client(app);
    for (const [method, path] of routes) {
      const res = await anonymous.call(
        method,
        path,
        method === "PATCH" ? { outcome: "not_yet" } : undefined,
      );
      expect(res.status, path).toBe(401);
    }
    // Nothing of Ada's moved.
    expect((await ada.get(`/api/attempts/${attempt.id}`)).body.attempt).toEqual(attempt);
    expect((await ada.get(`/api/evidence/${evidence.id}`)).status).toBe(200);
    expect((await ada.get(`/api/audits/${audit.id}`)).status).toBe(200);
    expect((await ada.get(`/api/goals/${goalId}`)).status).toBe(200);
    expect((await ada.post(`/api/deletions/${deletion}/restore`)).status).toBe(200);
  });
});
