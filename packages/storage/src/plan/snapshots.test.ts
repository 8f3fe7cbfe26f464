import { expect, it } from "vitest";
import {
  attemptsSinceLatestRatings,
  countMasteryExperiences,
  countRoleModelExperiences,
  countRoutineRuns,
  countSupporterFeedback,
  findPlanSnapshot,
  insertAttempt,
  insertDomains,
  insertGoal,
  insertRoutineRun,
  insertStepRating,
  insertSteps,
  insertUser,
  savePlanSnapshot,
} from "../index";
import {
  buildAttempt,
  buildDomain,
  buildGoal,
  buildStep,
  buildUser,
  describeEachDatabase,
} from "../test-support";

describeEachDatabase("plan snapshots, re-rating reads and the week's source counts", (db) => {
  it("keeps one plan per goal, the latest winning, and only for its owner", async () => {
    const user = buildUser();
    await insertUser(db(), user);
    const domain = buildDomain(user.id);
    await insertDomains(db(), [domain]);
    const goal = buildGoal(user.id, domain.id);
    await insertGoal(db(), goal);
    const row = {
      goalId: goal.id,
      userId: user.id,
      startDay: "2026-11-22",
      plan: "{}",
      planned: "{}",
      changes: "[]",
      changedAt: null,
      updatedAt: "a",
    };
    await savePlanSnapshot(db(), row);
    await savePlanSnapshot(db(), { ...row, plan: '{"v":2}', changedAt: "b", updatedAt: "b" });
    expect(await findPlanSnapshot(db(), user.id, goal.id)).toEqual({
      ...row,
      plan: '{"v":2}',
      changedAt: "b",
      updatedAt: "b",
    });
    expect(await findPlanSnapshot(db(), "someone-else", goal.id)).toBeUndefined();
  });

  it("reads attempts since each step's latest rating, and counts the week's sources", async () => {
    const user = buildUser();
    await insertUser(db(), user);
    const domain = buildDomain(user.id);
    await insertDomains(db(), [domain]);
    const goal = buildGoal(user.id, domain.id);
    await insertGoal(db(), goal);
    const step = buildStep(user.id, goal.id);
    await insertSteps(db(), [step]);
    for (const [id, ratedAt] of [
      ["r1", "2026-11-01T10:00:00.000Z"],
      ["r2", "2026-11-15T10:00:00.000Z"],
    ] as const) {
      await insertStepRating(db(), {
        id: `${id}-${step.id}`,
        stepId: step.id,
        confidence: 50,
        ratedAt,
      });
    }
    for (const [at, outcome, effort] of [
      ["2026-11-10T10:00:00.000Z", "done", 4],
      ["2026-11-16T10:00:00.000Z", "done", 4],
      ["2026-11-17T10:00:00.000Z", "done", 1],
      ["2026-11-18T10:00:00.000Z", "not_yet", 4],
    ] as const) {
      await insertAttempt(
        db(),
        buildAttempt(user.id, goal.id, step.id, {
          attemptedAt: at,
          outcome,
          effort,
          predictedSuccess: 0.5,
        }),
      );
    }
    const since = await attemptsSinceLatestRatings(db(), goal.id);
    expect(since.map((a) => [a.attemptedAt, a.outcome, a.predictedSuccess])).toEqual([
      ["2026-11-16T10:00:00.000Z", "done", 0.5],
      ["2026-11-17T10:00:00.000Z", "done", 0.5],
      ["2026-11-18T10:00:00.000Z", "not_yet", 0.5],
    ]);
    const week = {
      userId: user.id,
      from: "2026-11-16T00:00:00.000Z",
      to: "2026-11-23T00:00:00.000Z",
    };
    expect(await countMasteryExperiences(db(), week, 3)).toBe(1);
    expect(await countRoleModelExperiences(db(), week)).toBe(0);
    expect(await countSupporterFeedback(db(), week)).toBe(0);
    // Routine runs count by when they finished: one in the week, one the week before.
    for (const [id, finishedAt] of [
      ["run-in", "2026-11-17T07:00:00.000Z"],
      ["run-before", "2026-11-15T23:59:00.000Z"],
    ] as const) {
      await insertRoutineRun(db(), {
        id: `${id}-${user.id}`,
        userId: user.id,
        routineId: null,
        goalId: goal.id,
        stepId: step.id,
        attemptId: null,
        startedAt: finishedAt,
        finishedAt,
        durationSeconds: 60,
        blocks: "[]",
        blocksDone: 0,
        anxiety: null,
        energy: null,
        sleepHours: null,
      });
    }
    expect(await countRoutineRuns(db(), week)).toBe(1);
  });
});
