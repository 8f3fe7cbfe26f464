import { describe, expect, it } from "vitest";
import { buildEvidence } from "../../test-support/attempt-builders";
import { attemptPathFor, whyItCounts } from "./why-it-counts";

const here = { goalId: "talk", stepId: "s3" };

describe("whyItCounts", () => {
  it("names the same step, the effort it took and the ownership", () => {
    const e = buildEvidence({
      source: "attempt",
      goalId: "talk",
      stepId: "s3",
      effort: 4,
      ownership: 80,
    });
    expect(whyItCounts(e, here)).toEqual([
      "It is the very step you are facing now.",
      "It took real effort (4 of 5), and you did it anyway.",
      "You judged 80% of it to be your own doing.",
    ]);
  });

  it("names the same goal, and an attempt done for real", () => {
    const e = buildEvidence({
      source: "attempt",
      goalId: "talk",
      stepId: "s1",
      effort: 2,
      ownership: 30,
    });
    expect(whyItCounts(e, here)).toEqual([
      "It is on the way to this same goal.",
      "You did it in an attempt you logged, not in theory.",
    ]);
  });

  it("prefers the own share of a second look to the first guess", () => {
    const e = buildEvidence({
      ownership: 20,
      reattribution: {
        weights: { effort: 60, skill: 10, strategy: 0, luck: 30, help: 0, timing: 0 },
        shows: "I was ready",
        ownShare: 70,
        doneAt: "2025-03-03T10:00:00.000Z",
      },
    });
    expect(whyItCounts(e, { goalId: null, stepId: null })).toEqual([
      "You judged 70% of it to be your own doing.",
    ]);
  });
});

describe("attemptPathFor", () => {
  it("goes to the step when there is one, else the goal, else the goals", () => {
    expect(attemptPathFor(here)).toBe("/goals/talk/steps/s3/attempt");
    expect(attemptPathFor({ goalId: "talk", stepId: null })).toBe("/goals/talk");
    expect(attemptPathFor({ goalId: null, stepId: null })).toBe("/goals");
  });
});
