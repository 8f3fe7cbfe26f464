import { expect, it } from "vitest";
import {
  insertDomains,
  insertGoal,
  insertMilestone,
  insertSteps,
  insertUser,
  listMilestonesOfGoal,
  listSteps,
  listStepsAndMilestones,
  type NewMilestone,
  setMilestoneBasisRemoved,
} from "../index";
import {
  buildDomain,
  buildGoal,
  buildStep,
  buildUser,
  describeEachDatabase,
} from "../test-support";

describeEachDatabase("a goal's steps with its milestones' state in one read", (db) => {
  it("equals the steps and the latest milestone of each kind and step, as the list of the goal's milestones gives", async () => {
    const user = buildUser();
    await insertUser(db(), user);
    const domain = buildDomain(user.id);
    await insertDomains(db(), [domain]);
    const goal = buildGoal(user.id, domain.id);
    const other = buildGoal(user.id, domain.id);
    await insertGoal(db(), goal);
    await insertGoal(db(), other);
    // Out of ladder order on insert, one archived, two at the same position.
    const steps = [
      buildStep(user.id, goal.id, { position: 2 }),
      buildStep(user.id, goal.id, { position: 0 }),
      buildStep(user.id, goal.id, { position: 1, archivedAt: "2026-11-20T10:00:00.000Z" }),
      buildStep(user.id, goal.id, { position: 1, createdAt: "2026-11-21T10:00:00.000Z" }),
    ];
    const otherStep = buildStep(user.id, other.id, { position: 0 });
    await insertSteps(db(), [...steps, otherStep]);
    const [s2, s0, s1] = steps.map((s) => s.id) as [string, string, string];
    let n = 0;
    const milestone = async (
      goalId: string,
      stepId: string | null,
      achievedAt: string,
      basisRemovedAt: string | null = null,
    ) => {
      const row: NewMilestone = {
        id: `m-${++n}`,
        userId: user.id,
        kind: stepId === null ? "goal_reached" : "step_mastered",
        goalId,
        stepId,
        title: "t",
        evidenceIds: "[]",
        achievedAt,
        seenAt: null,
      };
      await insertMilestone(db(), row);
      if (basisRemovedAt) await setMilestoneBasisRemoved(db(), row.id, basisRemovedAt);
    };
    // Two of one step (the later one counts), one with its basis removed, none for one step.
    await milestone(goal.id, s0, "2026-11-21T09:00:00.000Z");
    await milestone(goal.id, s0, "2026-11-22T09:00:00.000Z");
    await milestone(goal.id, s1, "2026-11-22T09:00:00.000Z", "2026-11-23T09:00:00.000Z");
    await milestone(goal.id, null, "2026-11-24T09:00:00.000Z");
    // Another goal's milestones are not this goal's.
    await milestone(other.id, otherStep.id, "2026-11-25T09:00:00.000Z");
    await milestone(other.id, null, "2026-11-25T09:00:00.000Z");

    const read = await listStepsAndMilestones(db(), goal.id);
    expect(read.steps).toEqual(await listSteps(db(), goal.id));
    const byKey = new Map(
      (await listMilestonesOfGoal(db(), goal.id)).map((m) => [`${m.kind}/${m.stepId}`, m]),
    );
    const expected = [...byKey.values()].map(({ id, kind, stepId, basisRemovedAt }) => ({
      id,
      kind,
      stepId,
      basisRemovedAt,
    }));
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect([...read.milestones].sort(byId)).toEqual(expected.sort(byId));
    expect(read.milestones.find((m) => m.stepId === s0)?.id).toBe("m-2");
    expect(read.milestones.find((m) => m.stepId === s1)?.basisRemovedAt).toBe(
      "2026-11-23T09:00:00.000Z",
    );
    expect(read.milestones.some((m) => m.stepId === s2)).toBe(false);

    // A goal without milestones, and one without steps.
    const plain = await listStepsAndMilestones(db(), other.id);
    expect(plain.steps).toEqual([otherStep].map((s) => expect.objectContaining({ id: s.id })));
    expect(plain.milestones.map((m) => m.kind).sort()).toEqual(["goal_reached", "step_mastered"]);
    expect(await listStepsAndMilestones(db(), "no-such-goal")).toEqual({
      steps: [],
      milestones: [],
    });
  });
});
