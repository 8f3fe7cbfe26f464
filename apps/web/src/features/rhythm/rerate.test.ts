import { describe, expect, it } from "vitest";
import { estimateWords, sinceWords } from "./rerate";

const base = {
  stepId: "a",
  lastRating: { confidence: 60, ratedAt: "2026-11-01T00:00:00Z" },
  attempts: 0,
  done: 0,
  partly: 0,
  notYet: 0,
  estimateThen: null,
  estimateNow: 0.72,
};

describe("re-rating words", () => {
  it("says what happened since the last rating", () => {
    expect(sinceWords(base)).toBe("No attempts since then");
    expect(sinceWords({ ...base, lastRating: null })).toBe("No attempts yet");
    expect(sinceWords({ ...base, attempts: 3, done: 2, notYet: 1 })).toBe(
      "Since then: 3 attempts (2 done, 1 not yet)",
    );
  });

  it("gives the model's estimate then and now", () => {
    expect(estimateWords(base)).toBe("The model's estimate of success now: 72%");
    expect(estimateWords({ ...base, estimateThen: 0.5 })).toBe(
      "The model's estimate of success: 50% at your first attempt since, 72% now",
    );
  });
});
