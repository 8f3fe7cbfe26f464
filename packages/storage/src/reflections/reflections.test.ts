import { expect, it } from "vitest";
import {
  insertAttempt,
  insertDomains,
  insertEvidence,
  insertGoal,
  insertSteps,
  insertUser,
} from "../index";
import {
  buildAttempt,
  buildDomain,
  buildEvidence,
  buildGoal,
  buildStep,
  buildUser,
  describeEachDatabase,
} from "../test-support";
import {
  countAttemptsByOutcome,
  evidenceOfDays,
  findReflection,
  masteryInstants,
  type ReflectionRow,
  saveReflection,
  searchReflections,
  stepsPlannedOn,
} from "./reflections";

const reflection = (userId: string, over: Partial<ReflectionRow> = {}): ReflectionRow => ({
  id: `reflection-${Math.random()}`,
  userId,
  weekEnd: "2026-11-22",
  accomplished: "",
  overcame: "",
  learned: "",
  nextWeek: "",
  createdAt: "a",
  updatedAt: "a",
  ...over,
});

describeEachDatabase("reflections", (db) => {
  it("keeps one reflection per week, the later answers winning, and searches every answer", async () => {
    const user = buildUser();
    const bob = buildUser();
    await insertUser(db(), user);
    await insertUser(db(), bob);
    await saveReflection(db(), reflection(user.id, { accomplished: "first" }));
    await saveReflection(
      db(),
      reflection(user.id, { accomplished: "Gave the 100% talk", updatedAt: "b" }),
    );
    await saveReflection(
      db(),
      reflection(user.id, { weekEnd: "2026-11-15", learned: "Breathing HELPS" }),
    );
    await saveReflection(db(), reflection(bob.id, { learned: "breathing too" }));
    expect(await findReflection(db(), user.id, "2026-11-22")).toMatchObject({
      accomplished: "Gave the 100% talk",
      createdAt: "a",
      updatedAt: "b",
    });
    const all = await searchReflections(db(), user.id, undefined, 10);
    expect(all.map((r) => r.weekEnd)).toEqual(["2026-11-22", "2026-11-15"]);
    const found = await searchReflections(db(), user.id, "breathing helps", 10);
    expect(found.map((r) => r.weekEnd)).toEqual(["2026-11-15"]);
    expect(await searchReflections(db(), user.id, "100%", 10)).toHaveLength(1);
    expect(await searchReflections(db(), user.id, "_", 10)).toHaveLength(0);
  });

  it("counts a week's attempts, successes with effort, evidence and planned steps", async () => {
    const user = buildUser();
    await insertUser(db(), user);
    const domain = buildDomain(user.id);
    await insertDomains(db(), [domain]);
    const goal = buildGoal(user.id, domain.id);
    await insertGoal(db(), goal);
    const step = buildStep(user.id, goal.id, { plannedDate: "2026-11-22", title: "Speak" });
    await insertSteps(db(), [step]);
    for (const [at, outcome, effort] of [
      ["2026-11-16T10:00:00.000Z", "done", 4],
      ["2026-11-17T10:00:00.000Z", "done", 1],
      ["2026-11-18T10:00:00.000Z", "not_yet", 4],
      ["2026-11-10T10:00:00.000Z", "done", 4],
    ] as const)
      await insertAttempt(
        db(),
        buildAttempt(user.id, goal.id, step.id, { attemptedAt: at, outcome, effort }),
      );
    const from = "2026-11-16T00:00:00.000Z";
    const to = "2026-11-23T00:00:00.000Z";
    expect(await countAttemptsByOutcome(db(), user.id, from, to)).toEqual({ done: 2, not_yet: 1 });
    expect(await masteryInstants(db(), user.id, from, to, 3)).toEqual(["2026-11-16T10:00:00.000Z"]);
    await insertEvidence(
      db(),
      buildEvidence(user.id, domain.id, { occurredOn: "2026-11-20", title: "A" }),
    );
    await insertEvidence(
      db(),
      buildEvidence(user.id, domain.id, { occurredOn: "2026-11-01", title: "B" }),
    );
    expect(await evidenceOfDays(db(), user.id, "2026-11-16", "2026-11-22", 10)).toEqual({
      count: 1,
      titles: ["A"],
    });
    expect(await stepsPlannedOn(db(), user.id, "2026-11-22")).toEqual([
      { goalId: goal.id, statement: goal.statement, stepId: step.id, title: "Speak" },
    ]);
  });
});
