import { describe, expect, it } from "vitest";
import { explainPrediction } from "./explain";
import { createLadderModel, updateWithAttempt } from "./ladder-model";

const ladder = () =>
  createLadderModel([
    { id: "a", confidence: 90 },
    { id: "b", confidence: null },
    { id: "c", confidence: 40 },
  ]);

describe("explainPrediction", () => {
  it("says a rated step rests on the rating before any attempt, and that the estimate is rough", () => {
    const why = explainPrediction(ladder(), "c");
    expect(why).toMatchObject({ basis: "rating", rating: 40, stepAttempts: 0, certainty: "rough" });
    expect(why.predictedSuccess).toBeCloseTo(0.4, 10);
    expect(why.low).toBeLessThan(0.4);
    expect(why.high).toBeGreaterThan(0.4);
    expect(why.sentence).toMatch(/^From your rating of 40%: no attempts yet/);
  });

  it("explains an unrated step instead of showing a bare number", () => {
    const why = explainPrediction(ladder(), "b");
    expect(why.basis).toBe("not_rated");
    expect(why.sentence).toContain("You have not rated this step");
  });

  it("counts attempts on the step and elsewhere, and grows surer with them", () => {
    let m = ladder();
    for (let i = 0; i < 6; i++) {
      m = updateWithAttempt(m, {
        stepId: "a",
        outcome: "done",
        at: new Date(Date.UTC(2026, 0, 1 + i)),
      });
    }
    m = updateWithAttempt(m, { stepId: "c", outcome: "not_yet", at: "2026-01-08T10:00:00.000Z" });
    const why = explainPrediction(m, "a");
    expect(why).toMatchObject({
      basis: "attempts",
      stepAttempts: 6,
      stepDone: 3,
      totalAttempts: 7,
    });
    expect(why.sentence).toContain(
      "From your 6 attempts on this step (3 of the last 3 done) and 1 on other steps",
    );
    const before = explainPrediction(ladder(), "a");
    expect(why.high - why.low).toBeLessThan(before.high - before.low);
  });
});
