import type { Attempt, Step, StepRating } from "@cando/core";
import { describe, expect, it } from "vitest";
import { confidenceHistory, confidenceSummary } from "./confidence-history";

const step = { id: "s1", title: "Speak for 2 minutes", predictedSuccess: 0.81 } as Step;
const ratings: StepRating[] = [
  { stepId: "s1", confidence: 40, ratedAt: "2026-11-01T10:00:00.000Z" },
  { stepId: "s2", confidence: 10, ratedAt: "2026-11-01T10:00:00.000Z" },
  { stepId: "s1", confidence: 70, ratedAt: "2026-12-01T10:00:00.000Z" },
];
const attempts = [
  { stepId: "s1", attemptedAt: "2026-11-10T10:00:00.000Z", predictedSuccess: 0.5 },
  { stepId: "s1", attemptedAt: "2026-11-12T10:00:00.000Z", predictedSuccess: null },
  { stepId: "s2", attemptedAt: "2026-11-11T10:00:00.000Z", predictedSuccess: 0.2 },
] as Attempt[];

describe("confidenceHistory", () => {
  it("puts the step's ratings and predictions on one time line, ending with the prediction now", () => {
    const h = confidenceHistory(ratings, attempts, step, "2026-12-07T09:00:00.000Z");
    expect(h.rows).toEqual([
      { at: "2026-11-01T10:00:00.000Z", confidence: 40, predicted: null },
      { at: "2026-11-10T10:00:00.000Z", confidence: null, predicted: 50 },
      { at: "2026-12-01T10:00:00.000Z", confidence: 70, predicted: null },
      { at: "2026-12-07T09:00:00.000Z", confidence: null, predicted: 81 },
    ]);
    expect(h.xs).toEqual(h.rows.map((r) => Date.parse(r.at) / 1000));
    expect(h.confidence).toEqual([40, null, 70, null]);
    expect(confidenceSummary(step.title, h)).toContain("rated 40% at first and 70% most recently");
  });
});
