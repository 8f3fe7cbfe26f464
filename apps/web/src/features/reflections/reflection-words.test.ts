import { describe, expect, it } from "vitest";
import {
  attemptsSentence,
  evidenceSentence,
  firstLine,
  practiceSentence,
  reflectionWeekPath,
} from "./reflection-words";

describe("reflection words", () => {
  it("says the week's facts plainly", () => {
    expect(attemptsSentence({ total: 3, done: 2, partly: 0, notYet: 1 })).toBe(
      "3 attempts: 2 done, 1 not yet.",
    );
    expect(attemptsSentence({ total: 0, done: 0, partly: 0, notYet: 0 })).toBe(
      "No attempts this week.",
    );
    expect(practiceSentence({ minutes: 45, days: 2 })).toBe("45 minutes of practice on 2 days.");
    expect(practiceSentence({ minutes: 0, days: 0 })).toBe("No practice logged this week.");
    expect(evidenceSentence({ count: 1, titles: ["x"] })).toBe(
      "1 piece of evidence from this week.",
    );
  });

  it("builds addresses and titles", () => {
    expect(reflectionWeekPath("2026-11-22")).toBe("/reflections/week?end=2026-11-22");
    expect(firstLine("  Gave the talk\nand more")).toBe("Gave the talk");
  });
});
