import { describe, expect, it } from "vitest";
import { FEEDBACK_SPECIFICS_NOTE, feedbackSpecificsNote, persuasionWeight } from "./rules";

describe("feedbackSpecificsNote", () => {
  it("notes gently when feedback names nothing concrete", () => {
    for (const text of ["Great job!", "Well done, so proud of you", "You are amazing", "Nice."]) {
      expect(feedbackSpecificsNote(text), text).toBe(FEEDBACK_SPECIFICS_NOTE);
    }
  });

  it("says nothing when feedback points at something seen", () => {
    for (const text of [
      "When you paused before the last slide, the room leaned in",
      "You asked two questions in the meeting",
      "I noticed your hands were steady at the start",
      "The part where you told the story about your first run was clear",
      "3 minutes without notes",
      "You said “let me finish” and they listened",
      "For example, the opening was short and clear",
    ]) {
      expect(feedbackSpecificsNote(text), text).toBeNull();
    }
  });

  it("says nothing on an empty form", () => {
    expect(feedbackSpecificsNote("   ")).toBeNull();
  });
});

describe("persuasionWeight", () => {
  it("weights by credibility, halves general praise, leaves hidden feedback out", () => {
    expect(persuasionWeight([])).toBe(0);
    expect(
      persuasionWeight([
        { credibility: 90, specific: true, hidden: false },
        { credibility: 90, specific: false, hidden: false },
        { credibility: null, specific: true, hidden: false },
        { credibility: 100, specific: true, hidden: true },
      ]),
    ).toBe(0.9 + 0.45 + 0.5);
  });

  it("counts credible specific feedback more than less credible", () => {
    const high = persuasionWeight([{ credibility: 80, specific: true, hidden: false }]);
    const low = persuasionWeight([{ credibility: 20, specific: true, hidden: false }]);
    expect(high).toBeGreaterThan(low);
  });
});
