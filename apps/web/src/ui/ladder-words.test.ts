import { describe, expect, it } from "vitest";
import { formatPlainDay, localDay } from "./days";
import { actionHeadline, percent } from "./ladder-words";

describe("percent", () => {
  it("rounds a probability to a whole percentage", () => {
    expect(percent(0.824)).toBe("82%");
    expect(percent(0.825)).toBe("83%");
  });

  it("never claims certainty either way", () => {
    expect(percent(0.998)).toBe("99%");
    expect(percent(0.001)).toBe("1%");
  });
});

describe("actionHeadline", () => {
  it("says what to do with the step named", () => {
    expect(actionHeadline("step_up", "Talk to five", true)).toBe("Step up to “Talk to five”");
    expect(actionHeadline("step_back", "A", true)).toBe("Step back to “A”");
    expect(actionHeadline("skip_ahead", "A", true)).toBe("Skip ahead to “A”");
    expect(actionHeadline("split", "A", true)).toBe("Practise “A” and add a smaller step");
    expect(actionHeadline("goal_reached", "A", true)).toBe("Goal reached: keep “A” up");
  });

  it("starts rather than repeats a step not yet attempted", () => {
    expect(actionHeadline("repeat", "A", false)).toBe("Start with “A”");
    expect(actionHeadline("repeat", "A", true)).toBe("Repeat “A”");
  });
});

describe("days", () => {
  it("gives the local calendar day", () => {
    expect(localDay(new Date(2025, 0, 5, 23, 30))).toBe("2025-01-05");
  });

  it("formats a calendar day without shifting it across time zones", () => {
    expect(formatPlainDay("2025-03-03", "en-GB")).toBe("3 Mar 2025");
  });
});
