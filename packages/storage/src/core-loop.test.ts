import { expect, it } from "vitest";
import {
  countAttemptsOfStep,
  deleteStep,
  findAttempt,
  findAttemptByKey,
  findAttemptToDebrief,
  findDebrief,
  findEvidence,
  findGoal,
  findStep,
  hasMilestone,
  insertAttempt,
  insertDomains,
  insertEvidence,
  insertGoal,
  insertMilestone,
  insertStepRating,
  insertSteps,
  insertUser,
  isUniqueViolation,
  listAttempts,
  listDebriefs,
  listGoals,
  listMilestones,
  listStepRatings,
  listSteps,
  lockGoalOf,
  markMilestoneSeen,
  saveDebrief,
  searchEvidence,
  setStepPositions,
  setTargetPercent,
  updateGoal,
  updateStep,
} from "./index";
import {
  buildAttempt,
  buildDomain,
  buildEvidence,
  buildGoal,
  buildStep,
  buildUser,
  describeEachDatabase,
} from "./test-support";

describeEachDatabase("the core loop's storage", (db) => {
  async function personWithGoal() {
    const user = buildUser();
    await insertUser(db(), user);
    const domain = buildDomain(user.id);
    await insertDomains(db(), [domain]);
    const goal = buildGoal(user.id, domain.id);
    await insertGoal(db(), goal);
    const steps = [0, 1, 2].map((position) => buildStep(user.id, goal.id, { position }));
    await insertSteps(db(), steps);
    return {
      user,
      domain,
      goal,
      steps: steps as [(typeof steps)[0], (typeof steps)[0], (typeof steps)[0]],
    };
  }

  it("keeps goals private and updates status and the ladder model", async () => {
    const { user, goal } = await personWithGoal();
    const other = buildUser();
    await insertUser(db(), other);
    expect(await findGoal(db(), other.id, goal.id)).toBeUndefined();
    await updateGoal(db(), user.id, goal.id, { status: "paused", model: '{"version":1}' });
    expect(await findGoal(db(), user.id, goal.id)).toMatchObject({
      status: "paused",
      model: '{"version":1}',
    });
    expect(await listGoals(db(), user.id, "active")).toEqual([]);
    expect((await listGoals(db(), user.id)).map((g) => g.id)).toEqual([goal.id]);
  });

  it("orders, reorders, edits, archives and deletes steps; keeps confidence history", async () => {
    const { user, goal, steps } = await personWithGoal();
    await setStepPositions(db(), user.id, [steps[2].id, steps[0].id, steps[1].id]);
    expect((await listSteps(db(), goal.id)).map((s) => s.id)).toEqual([
      steps[2].id,
      steps[0].id,
      steps[1].id,
    ]);
    await updateStep(db(), user.id, steps[0].id, {
      title: "Renamed",
      archivedAt: "2026-11-22T10:00:00.000Z",
    });
    expect(await findStep(db(), user.id, steps[0].id)).toMatchObject({
      title: "Renamed",
      archivedAt: "2026-11-22T10:00:00.000Z",
    });
    await insertStepRating(db(), {
      id: "r2",
      stepId: steps[1].id,
      confidence: 60,
      ratedAt: "2026-11-23T00:00:00.000Z",
    });
    await insertStepRating(db(), {
      id: "r1",
      stepId: steps[1].id,
      confidence: 40,
      ratedAt: "2026-11-22T00:00:00.000Z",
    });
    expect((await listStepRatings(db(), goal.id)).map((r) => r.confidence)).toEqual([40, 60]);
    await deleteStep(db(), user.id, steps[2].id);
    expect(await findStep(db(), user.id, steps[2].id)).toBeUndefined();
  });

  it("stores attempts once per idempotency key, per person", async () => {
    const { user, goal, steps } = await personWithGoal();
    const first = buildAttempt(user.id, goal.id, steps[0].id, { idempotencyKey: "key-12345678" });
    await insertAttempt(db(), first);
    expect(await findAttemptByKey(db(), user.id, "key-12345678")).toEqual(first);
    const again = await insertAttempt(
      db(),
      buildAttempt(user.id, goal.id, steps[0].id, { idempotencyKey: "key-12345678" }),
    ).catch((e: unknown) => e);
    expect(isUniqueViolation(again)).toBe(true);
    await insertAttempt(
      db(),
      buildAttempt(user.id, goal.id, steps[0].id, { idempotencyKey: null }),
    );
    await insertAttempt(
      db(),
      buildAttempt(user.id, goal.id, steps[1].id, { idempotencyKey: null }),
    );
    expect(await countAttemptsOfStep(db(), steps[0].id)).toBe(2);
    expect(await listAttempts(db(), user.id, { stepId: steps[1].id })).toHaveLength(1);
    expect(await listAttempts(db(), user.id, { goalId: goal.id })).toHaveLength(3);
    const other = buildUser();
    await insertUser(db(), other);
    expect(await findAttempt(db(), other.id, first.id)).toBeUndefined();
  });

  it("creates a debrief and then replaces it", async () => {
    const { user, goal, steps } = await personWithGoal();
    const attempt = buildAttempt(user.id, goal.id, steps[0].id);
    await insertAttempt(db(), attempt);
    const debrief = {
      attemptId: attempt.id,
      didWell: "kept going",
      capability: "",
      differently: "",
      effort: 4,
      strategy: 3,
      ability: 1,
      luck: 0,
      help: 0,
      easy: 0,
      reattribution: "",
      dismissedFlags: "[]",
      createdAt: "2026-11-22T10:00:00.000Z",
      updatedAt: "2026-11-22T10:00:00.000Z",
    };
    await saveDebrief(db(), debrief);
    await saveDebrief(db(), {
      ...debrief,
      didWell: "prepared well",
      updatedAt: "2026-11-22T11:00:00.000Z",
      createdAt: "ignored",
    });
    expect(await findDebrief(db(), attempt.id)).toMatchObject({
      didWell: "prepared well",
      createdAt: "2026-11-22T10:00:00.000Z",
    });
    expect(await listDebriefs(db(), [attempt.id, "nope"])).toHaveLength(1);
  });

  it("locks a goal through its step or attempt, with the person's target", async () => {
    const { user, goal, steps } = await personWithGoal();
    const attempt = buildAttempt(user.id, goal.id, steps[1].id);
    await insertAttempt(db(), attempt);
    const stored = await findGoal(db(), user.id, goal.id);
    await db()
      .transaction()
      .execute(async (trx) => {
        expect(await lockGoalOf(trx, user.id, { stepId: steps[1].id })).toEqual({
          goal: stored,
          targetPercent: 80,
        });
      });
    await setTargetPercent(db(), user.id, 65);
    expect(await lockGoalOf(db(), user.id, { attemptId: attempt.id })).toEqual({
      goal: stored,
      targetPercent: 65,
    });
    const other = buildUser();
    await insertUser(db(), other);
    expect(await lockGoalOf(db(), other.id, { stepId: steps[1].id })).toBeUndefined();
    expect(await lockGoalOf(db(), other.id, { attemptId: attempt.id })).toBeUndefined();
    expect(await lockGoalOf(db(), user.id, { stepId: "nope" })).toBeUndefined();
  });

  it("reads an attempt with whether it is debriefed and its goal's steps, and saves a debrief known to be new or not", async () => {
    const { user, goal, steps } = await personWithGoal();
    // Logged without the optional columns: stored as null, as before they existed.
    const {
      confidenceRated: _c,
      energyBefore: _e,
      sleepHours: _s,
      ...bare
    } = buildAttempt(user.id, goal.id, steps[0].id);
    await insertAttempt(db(), bare);
    const attempt = await findAttempt(db(), user.id, bare.id);
    expect(attempt).toEqual({
      ...bare,
      confidenceRated: null,
      energyBefore: null,
      sleepHours: null,
    });
    expect(await findAttemptToDebrief(db(), user.id, bare.id, goal.id)).toEqual({
      attempt,
      debriefCreatedAt: null,
      steps: await listSteps(db(), goal.id),
    });
    const debrief = {
      attemptId: bare.id,
      didWell: "kept going",
      capability: "I can",
      differently: "",
      effort: 4,
      strategy: 3,
      ability: 1,
      luck: 0,
      help: 0,
      easy: 0,
      reattribution: "",
      dismissedFlags: "[]",
      createdAt: "2026-11-22T10:00:00.000Z",
      updatedAt: "2026-11-22T10:00:00.000Z",
    };
    expect(await saveDebrief(db(), debrief, null)).toEqual({
      createdAt: "2026-11-22T10:00:00.000Z",
      replaced: false,
    });
    expect(await findDebrief(db(), bare.id)).toEqual(debrief);
    const read = await findAttemptToDebrief(db(), user.id, bare.id, goal.id);
    expect(read?.debriefCreatedAt).toBe("2026-11-22T10:00:00.000Z");
    expect(read?.attempt).toEqual(attempt);
    expect(
      await saveDebrief(
        db(),
        { ...debrief, didWell: "again", createdAt: "later", updatedAt: "2026-11-22T11:00:00.000Z" },
        read?.debriefCreatedAt,
      ),
    ).toEqual({ createdAt: "2026-11-22T10:00:00.000Z", replaced: true });
    expect(await findDebrief(db(), bare.id)).toMatchObject({
      didWell: "again",
      createdAt: "2026-11-22T10:00:00.000Z",
      updatedAt: "2026-11-22T11:00:00.000Z",
    });
    const other = buildUser();
    await insertUser(db(), other);
    expect(await findAttemptToDebrief(db(), other.id, bare.id, goal.id)).toBeUndefined();
    expect(await findAttemptToDebrief(db(), user.id, "nope", goal.id)).toBeUndefined();
    // Another goal's steps never carry this goal's attempt.
    const elsewhere = buildGoal(user.id, goal.domainId);
    await insertGoal(db(), elsewhere);
    await insertSteps(db(), [buildStep(user.id, elsewhere.id, { position: 0 })]);
    expect(await findAttemptToDebrief(db(), user.id, bare.id, elsewhere.id)).toBeUndefined();
  });

  it("searches evidence by every word, case-insensitively, with filters, privately", async () => {
    const { user, domain, goal, steps } = await personWithGoal();
    const talk = buildEvidence(user.id, domain.id, {
      title: "Gave the Team talk",
      body: "50% fewer notes",
      goalId: goal.id,
      stepId: steps[0].id,
      occurredOn: "2026-11-20",
    });
    const run = buildEvidence(user.id, domain.id, {
      title: "Ran 3 km",
      body: "steady pace",
      occurredOn: "2026-11-21",
    });
    await insertEvidence(db(), talk);
    await insertEvidence(db(), run);
    expect((await searchEvidence(db(), user.id)).map((e) => e.id)).toEqual([run.id, talk.id]);
    expect((await searchEvidence(db(), user.id, { q: "team TALK" })).map((e) => e.id)).toEqual([
      talk.id,
    ]);
    expect((await searchEvidence(db(), user.id, { q: "talk pace" })).map((e) => e.id)).toEqual([]);
    expect((await searchEvidence(db(), user.id, { q: "50%" })).map((e) => e.id)).toEqual([talk.id]);
    expect((await searchEvidence(db(), user.id, { q: "5_%" })).map((e) => e.id)).toEqual([]);
    expect((await searchEvidence(db(), user.id, { stepId: steps[0].id })).map((e) => e.id)).toEqual(
      [talk.id],
    );
    expect(
      (await searchEvidence(db(), user.id, { goalId: goal.id, q: "notes" })).map((e) => e.id),
    ).toEqual([talk.id]);
    const other = buildUser();
    await insertUser(db(), other);
    expect(await searchEvidence(db(), other.id, { q: "talk" })).toEqual([]);
    expect(await findEvidence(db(), other.id, talk.id)).toBeUndefined();
  });

  it("records milestones once and marks them seen", async () => {
    const { user, goal, steps } = await personWithGoal();
    const milestone = {
      id: `m-${goal.id}`,
      userId: user.id,
      kind: "step_mastered",
      goalId: goal.id,
      stepId: steps[0].id,
      title: "Mastered step 1",
      evidenceIds: "[]",
      achievedAt: "2026-11-22T10:00:00.000Z",
      seenAt: null,
    };
    expect(await hasMilestone(db(), goal.id, "step_mastered", steps[0].id)).toBe(false);
    await insertMilestone(db(), milestone);
    expect(await hasMilestone(db(), goal.id, "step_mastered", steps[0].id)).toBe(true);
    expect(await hasMilestone(db(), goal.id, "goal_reached", null)).toBe(false);
    expect(await listMilestones(db(), user.id, true)).toHaveLength(1);
    await markMilestoneSeen(db(), user.id, milestone.id, "2026-11-22T11:00:00.000Z");
    expect(await listMilestones(db(), user.id, true)).toHaveLength(0);
    expect(await listMilestones(db(), user.id)).toHaveLength(1);
  });
});
