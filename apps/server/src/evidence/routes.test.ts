import { describeEachDatabase } from "@cando/storage/test-support";
import { expect, it } from "vitest";
import { attemptBody, buildTestApp, goalWithLadder, signedUp, TestClient } from "../test-support";

const attributions = { effort: 4, strategy: 3, ability: 1, luck: 0, help: 0, easy: 0 };

describeEachDatabase("evidence API", (db) => {
  it("keeps a journal of hand-entered accomplishments: add, search, filter, edit", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const { goalId, domainId, stepIds } = await goalWithLadder(ada);
    const other = (await ada.get("/api/domains")).body.domains[1].id;
    const talk = await ada.post("/api/evidence", {
      domainId,
      goalId,
      stepId: stepIds[0],
      title: "Led the Monday stand-up",
      body: "Nobody had to rescue me",
      occurredOn: "2026-11-16",
      ownership: 90,
    });
    expect(talk.status).toBe(201);
    expect(talk.body.evidence).toMatchObject({
      source: "manual",
      ownership: 90,
      reattribution: null,
    });
    await ada.post("/api/evidence", {
      domainId: other,
      title: "Cooked for six",
      occurredOn: "2026-11-18",
      ownership: 70,
    });
    const all = (await ada.get("/api/evidence")).body.evidence;
    expect(all.map((e: { title: string }) => e.title)).toEqual([
      "Cooked for six",
      "Led the Monday stand-up",
    ]);
    const found = (await ada.get("/api/evidence?q=RESCUE%20monday")).body.evidence;
    expect(found.map((e: { id: string }) => e.id)).toEqual([talk.body.evidence.id]);
    expect((await ada.get(`/api/evidence?domainId=${other}`)).body.evidence).toHaveLength(1);
    expect((await ada.get(`/api/evidence?stepId=${stepIds[0]}`)).body.evidence).toHaveLength(1);
    const edited = await ada.patch(`/api/evidence/${talk.body.evidence.id}`, {
      title: "Led stand-up twice",
    });
    expect(edited.body.evidence).toMatchObject({
      title: "Led stand-up twice",
      body: "Nobody had to rescue me",
    });
    const shown = await ada.get(`/api/evidence/${talk.body.evidence.id}`);
    expect(shown.body.evidence).toEqual(edited.body.evidence);
  });

  type Body = (
    domainId: string,
    foreign: { goalId: string; stepId: string },
  ) => Record<string, unknown>;
  it.each<[string, Body, string, string]>([
    [
      "no title",
      (d) => ({ domainId: d, occurredOn: "2026-11-20", ownership: 50 }),
      "title",
      "is required",
    ],
    [
      "ownership 120",
      (d) => ({ domainId: d, title: "x", occurredOn: "2026-11-20", ownership: 120 }),
      "ownership",
      "at most 100",
    ],
    [
      "a bad day",
      (d) => ({ domainId: d, title: "x", occurredOn: "20/11/2026", ownership: 50 }),
      "occurredOn",
      "YYYY-MM-DD",
    ],
    [
      "an unknown domain",
      () => ({ domainId: "nope", title: "x", occurredOn: "2026-11-20", ownership: 50 }),
      "domainId",
      "not one of your domains",
    ],
    [
      "a step without its goal",
      (d, f) => ({
        domainId: d,
        stepId: f.stepId,
        title: "x",
        occurredOn: "2026-11-20",
        ownership: 50,
      }),
      "stepId",
      "not a step of the goal",
    ],
  ])(
    "refuses %s with 400 naming the field, and stores nothing",
    async (_label, body, path, message) => {
      const { app } = buildTestApp(db());
      const ada = await signedUp(app);
      const { domainId, goalId, stepIds } = await goalWithLadder(ada);
      const res = await ada.post(
        "/api/evidence",
        body(domainId, { goalId, stepId: stepIds[0] as string }),
      );
      expect(res.status).toBe(400);
      expect(res.body.error.fields).toContainEqual({
        path,
        message: expect.stringContaining(message),
      });
      expect((await ada.get("/api/evidence")).body.evidence).toEqual([]);
    },
  );

  it("saves the imposter re-attribution exercise with the share that was the person's own doing", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const { domainId } = await goalWithLadder(ada);
    const e = (
      await ada.post("/api/evidence", {
        domainId,
        title: "Got the job",
        occurredOn: "2026-10-01",
        ownership: 40,
      })
    ).body.evidence;
    const res = await ada.call("PUT", `/api/evidence/${e.id}/reattribution`, {
      weights: { effort: 40, skill: 20, strategy: 20, luck: 10, help: 10, timing: 0 },
      shows: "I prepared more than anyone and it worked",
    });
    expect(res.body.evidence.reattribution).toMatchObject({
      ownShare: 80,
      shows: "I prepared more than anyone and it worked",
    });
    const empty = await ada.call("PUT", `/api/evidence/${e.id}/reattribution`, {
      weights: { effort: 40, skill: 20, strategy: 20, luck: 10, help: 10, timing: 0 },
      shows: "",
    });
    expect(empty.body.error.fields).toEqual([{ path: "shows", message: "is required" }]);
  });

  it("answers doubt with the closest, most effortful evidence, and a calibration verdict once there is enough data", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const { goalId, domainId, stepIds } = await goalWithLadder(ada, [80, 60, 40, 20]);
    await ada.post("/api/evidence", {
      domainId,
      title: "Elsewhere in the domain",
      occurredOn: "2026-11-01",
      ownership: 100,
    });
    const doubtBefore = (await ada.get(`/api/doubt?stepId=${stepIds[1]}`)).body;
    expect(doubtBefore.calibration).toBeNull();
    // Said 30% before each of 12 attempts and succeeded at 9: belief lags the evidence.
    for (let i = 0; i < 12; i++) {
      const outcome = i % 4 === 3 ? "not_yet" : "done";
      const a = (
        await ada.post(
          "/api/attempts",
          attemptBody(stepIds[1] as string, {
            confidenceBefore: 30,
            outcome,
            effort: i === 5 ? 5 : 2,
          }),
        )
      ).body.attempt;
      await ada.call("PUT", `/api/attempts/${a.id}/debrief`, { attributions });
    }
    const otherGoal = await goalWithLadder(ada);
    const mixed = await ada.get(`/api/doubt?goalId=${otherGoal.goalId}&stepId=${stepIds[1]}`);
    expect(mixed.status).toBe(400);
    expect(mixed.body.error.fields).toEqual([
      { path: "stepId", message: "is not a step of the goal given" },
    ]);
    const doubt = (await ada.get(`/api/doubt?goalId=${goalId}&stepId=${stepIds[1]}`)).body;
    expect(doubt.evidence).toHaveLength(5);
    expect(doubt.evidence[0]).toMatchObject({ stepId: stepIds[1], effort: 5 });
    expect(doubt.evidence.every((e: { stepId: string }) => e.stepId === stepIds[1])).toBe(true);
    expect(doubt.calibration).toMatchObject({ verdict: "under_confident", attempts: 12 });
    expect(doubt.calibration.sentence).toMatch(
      /You said 30% on average before your last 12 attempts and succeeded in 9/,
    );
  });

  it("hides another person's evidence (404) and refuses anonymous callers", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const bob = await signedUp(app);
    const { domainId, goalId, stepIds } = await goalWithLadder(ada);
    const e = (
      await ada.post("/api/evidence", {
        domainId,
        title: "Private win",
        occurredOn: "2026-11-20",
        ownership: 80,
      })
    ).body.evidence;
    expect((await bob.patch(`/api/evidence/${e.id}`, { title: "Bob's" })).body.error.code).toBe(
      "evidence_not_found",
    );
    expect((await bob.get(`/api/evidence/${e.id}`)).body.error.code).toBe("evidence_not_found");
    const weights = { effort: 1, skill: 1, strategy: 1, luck: 1, help: 1, timing: 1 };
    expect(
      (await bob.call("PUT", `/api/evidence/${e.id}/reattribution`, { weights, shows: "x" }))
        .status,
    ).toBe(404);
    expect((await bob.get("/api/evidence?q=private")).body.evidence).toEqual([]);
    expect((await bob.get(`/api/doubt?goalId=${goalId}`)).body.error.code).toBe("goal_not_found");
    expect((await bob.get(`/api/doubt?stepId=${stepIds[0]}`)).body.error.code).toBe(
      "step_not_found",
    );
    expect((await bob.get("/api/doubt")).body.evidence).toEqual([]);
    const bobDomain = (await bob.get("/api/domains")).body.domains[0].id;
    const linked = await bob.post("/api/evidence", {
      domainId: bobDomain,
      goalId,
      title: "x",
      occurredOn: "2026-11-20",
      ownership: 1,
    });
    expect(linked.status).toBe(404);
    expect((await ada.get("/api/evidence")).body.evidence[0].title).toBe("Private win");
    const anonymous = new TestClient(app);
    for (const [method, path] of [
      ["GET", "/api/evidence"],
      ["POST", "/api/evidence"],
      ["PATCH", `/api/evidence/${e.id}`],
      ["GET", `/api/evidence/${e.id}`],
      ["PUT", `/api/evidence/${e.id}/reattribution`],
      ["GET", "/api/doubt"],
    ] as const) {
      expect(
        (await anonymous.call(method, path, method === "GET" ? undefined : {})).status,
        `${method} ${path}`,
      ).toBe(401);
    }
  });
});
