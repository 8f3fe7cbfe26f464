import { describe, expect, it } from "vitest";
import { sinceLastRating } from "./rules";

describe("sinceLastRating", () => {
  it("counts only what happened after each step's latest rating, with the estimate then and now", () => {
    const latest = new Map([
      ["a", { confidence: 60, ratedAt: "2026-11-01T10:00:00.000Z" }],
      ["b", { confidence: 30, ratedAt: "2026-11-20T10:00:00.000Z" }],
    ]);
    const attempts = [
      {
        stepId: "a",
        outcome: "done",
        attemptedAt: "2026-10-30T10:00:00.000Z",
        predictedSuccess: 0.4,
      },
      {
        stepId: "a",
        outcome: "partly",
        attemptedAt: "2026-11-05T10:00:00.000Z",
        predictedSuccess: 0.55,
      },
      {
        stepId: "a",
        outcome: "done",
        attemptedAt: "2026-11-03T10:00:00.000Z",
        predictedSuccess: 0.5,
      },
      {
        stepId: "a",
        outcome: "not_yet",
        attemptedAt: "2026-11-09T10:00:00.000Z",
        predictedSuccess: 0.6,
      },
      {
        stepId: "b",
        outcome: "done",
        attemptedAt: "2026-11-10T10:00:00.000Z",
        predictedSuccess: 0.2,
      },
    ];
    const steps = [
      { id: "a", predictedSuccess: 0.7 },
      { id: "b", predictedSuccess: 0.3 },
      { id: "c", predictedSuccess: 0.1 },
    ];
    expect(sinceLastRating(steps, latest, attempts)).toEqual([
      {
        stepId: "a",
        lastRating: { confidence: 60, ratedAt: "2026-11-01T10:00:00.000Z" },
        attempts: 3,
        done: 1,
        partly: 1,
        notYet: 1,
        estimateThen: 0.5,
        estimateNow: 0.7,
      },
      {
        stepId: "b",
        lastRating: { confidence: 30, ratedAt: "2026-11-20T10:00:00.000Z" },
        attempts: 0,
        done: 0,
        partly: 0,
        notYet: 0,
        estimateThen: null,
        estimateNow: 0.3,
      },
      {
        stepId: "c",
        lastRating: null,
        attempts: 0,
        done: 0,
        partly: 0,
        notYet: 0,
        estimateThen: null,
        estimateNow: 0.1,
      },
    ]);
  });
});
