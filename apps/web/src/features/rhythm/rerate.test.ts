import { describe, expect, it } from "vitest";
import { attemptsWords, latestRatings } from "./rerate";

describe("re-rating helpers", () => {
  it("keeps each step's latest rating", () => {
    const latest = latestRatings([
      { stepId: "a", confidence: 40, ratedAt: "2026-10-01T00:00:00Z" },
      { stepId: "a", confidence: 60, ratedAt: "2026-11-01T00:00:00Z" },
      { stepId: "b", confidence: 20, ratedAt: "2026-10-05T00:00:00Z" },
    ]);
    expect(latest.get("a")?.confidence).toBe(60);
    expect(latest.get("b")?.confidence).toBe(20);
  });

  it("says what happened", () => {
    expect(attemptsWords(0, 0)).toBe("No attempts yet");
    expect(attemptsWords(3, 2)).toBe("2 of 3 attempts done");
  });
});
