import { describe, expect, it } from "vitest";
import { recommendNext } from "./recommend";
import { buildModel } from "./test-support";

describe("recommendNext", () => {
  const ladder = [{ p: 0.95 }, { p: 0.82 }, { p: 0.6 }, { p: 0.3 }];

  it("starts above a step the person rated 90 or more, and says why without claiming it was done", () => {
    const r = recommendNext(buildModel(ladder));
    expect(r).toMatchObject({
      action: "step_up",
      stepId: "s2",
      stepIndex: 1,
      currentStepId: "s1",
      splitStepId: null,
      target: 0.8,
    });
    expect(r.predictedSuccess).toBeCloseTo(0.82, 10);
    expect(r.reason).toBe(
      "Start with step 2: predicted success 82%, the closest to your 80% target. You rated step 1 at 90% or more: easy wins do not build belief.",
    );
  });

  it("steps up after an attempt, with the numbers in the reason", () => {
    const r = recommendNext(
      buildModel([{ p: 0.95, recent: ["done"] }, { p: 0.82 }, { p: 0.6 }], {
        currentStepId: "s1",
      }),
    );
    expect(r.reason).toBe(
      "Step up to step 2: predicted success 82%, the closest to your 80% target (step 1 is now at 95%).",
    );
  });

  it("before any attempt never skips a step the person rated below 90", () => {
    const r = recommendNext(buildModel([{ p: 0.95, rating: 80 }, { p: 0.82 }, { p: 0.6 }]));
    expect(r).toMatchObject({ action: "repeat", stepId: "s1" });
    expect(r.reason).toMatch(/^Start with step 1/);
    const unrated = recommendNext(buildModel([{ p: 0.95, rating: null }, { p: 0.82 }]));
    expect(unrated.stepId).toBe("s1");
  });

  it("right after a success never moves to a lower step", () => {
    const m = buildModel([{ p: 0.82 }, { p: 0.5, recent: ["done"] }, { p: 0.2 }], {
      currentStepId: "s2",
    });
    expect(recommendNext(m)).toMatchObject({ action: "repeat", stepId: "s2" });
    const afterSetback = buildModel([{ p: 0.82 }, { p: 0.5, recent: ["not_yet"] }, { p: 0.2 }], {
      currentStepId: "s2",
    });
    expect(recommendNext(afterSetback)).toMatchObject({ action: "step_back", stepId: "s1" });
  });

  it("passes over a remembered mastered step even below the 90% line", () => {
    const m = buildModel(
      [
        { p: 0.88, recent: ["done", "done", "done"], mastered: true },
        { p: 0.6, recent: ["not_yet"] },
      ],
      { currentStepId: "s2" },
    );
    expect(recommendNext(m)).toMatchObject({ action: "repeat", stepId: "s2" });
  });

  it("repeats the current step when it is the closest to the target", () => {
    const r = recommendNext(buildModel(ladder, { currentStepId: "s2" }));
    expect(r.action).toBe("repeat");
    expect(r.reason).toBe("Repeat step 2: predicted success 82%, the closest to your 80% target.");
  });

  it("steps back when the current step is too hard for now", () => {
    const r = recommendNext(buildModel(ladder, { currentStepId: "s3" }));
    expect(r).toMatchObject({ action: "step_back", stepId: "s2" });
    expect(r.reason).toContain("step 3 is at 60% for now");
  });

  it("skips ahead past easy wins", () => {
    const m = buildModel([{ p: 0.97 }, { p: 0.95 }, { p: 0.93 }, { p: 0.8 }, { p: 0.4 }], {
      currentStepId: "s1",
    });
    const r = recommendNext(m);
    expect(r).toMatchObject({ action: "skip_ahead", stepId: "s4" });
    expect(r.reason).toContain("Step 2 to step 3 are predicted at 93% or more");
  });

  it("measures closeness on the logit scale: 66% is nearer 80% than 92% is", () => {
    const r = recommendNext(buildModel([{ p: 0.92 }, { p: 0.66 }]));
    expect(r).toMatchObject({ action: "step_up", stepId: "s2" });
  });

  it("says start, not repeat, when nothing has been attempted yet", () => {
    const r = recommendNext(buildModel([{ p: 0.9 }, { p: 0.6 }]));
    expect(r.action).toBe("repeat");
    expect(r.reason).toBe(
      "Start with step 1: predicted success 90%, the closest to your 80% target.",
    );
  });

  it("honours another target", () => {
    const m = buildModel(ladder, { currentStepId: "s1" });
    expect(recommendNext(m, { target: 0.6 }).stepId).toBe("s3");
  });

  it("suggests a split after three setbacks on a step far below target right above an easy one", () => {
    const m = buildModel(
      [{ p: 0.95 }, { p: 0.92 }, { p: 0.3, recent: ["not_yet", "not_yet", "not_yet"] }, { p: 0.1 }],
      { currentStepId: "s3" },
    );
    const r = recommendNext(m);
    expect(r).toMatchObject({ action: "split", splitStepId: "s3", stepId: "s2" });
    expect(r.reason).toContain("add a smaller step before it");
    expect(r.reason).toContain("step 2 is already at 92%");
    expect(r.reason).toContain("(3 of 3 not yet)");
    expect(r.reason).toContain("Meanwhile, consolidate with step 2");
  });

  it("does not split when a step in between is still in reach, or after fewer setbacks", () => {
    const inReach = buildModel(
      [{ p: 0.95 }, { p: 0.75 }, { p: 0.3, recent: ["not_yet", "not_yet", "not_yet"] }],
      { currentStepId: "s3" },
    );
    expect(recommendNext(inReach).action).toBe("step_back");
    const twice = buildModel(
      [{ p: 0.95 }, { p: 0.92 }, { p: 0.3, recent: ["done", "not_yet", "not_yet"] }],
      { currentStepId: "s3" },
    );
    expect(recommendNext(twice).action).toBe("step_back");
  });

  it("passes over mastered steps", () => {
    const m = buildModel([{ p: 0.95 }, { p: 0.82, override: "mastered" }, { p: 0.6 }, { p: 0.3 }]);
    expect(recommendNext(m).stepId).toBe("s3");
  });

  it("says the goal is reached once the last step is mastered, by the rule or the person", () => {
    const byRule = buildModel([{ p: 0.99 }, { p: 0.95, recent: ["done", "not_yet", "done"] }]);
    const r = recommendNext(byRule);
    expect(r).toMatchObject({ action: "goal_reached", stepId: "s2" });
    expect(r.reason).toContain("2 of your last 3 attempts done");
    const byPerson = buildModel([{ p: 0.9 }, { p: 0.4, override: "mastered" }]);
    expect(recommendNext(byPerson).reason).toContain("you marked it mastered");
  });

  it("uses the step titles it is given", () => {
    const r = recommendNext(buildModel(ladder), {
      stepLabels: { s1: "Talk to 2 friends", s2: "Talk to 5 colleagues" },
    });
    expect(r.reason).toContain("Talk to 5 colleagues: predicted success 82%");
  });
});
