import { describe, expect, it } from "vitest";
import { coachGoal } from "./coaching";

const codes = (statement: string, outcome = "ten people heard it") =>
  coachGoal(statement, outcome).map((n) => n.code);

describe("coachGoal", () => {
  it("has nothing to say about a specific capability with an observable outcome", () => {
    expect(codes("I can give a clear 10-minute talk to a room of ten or more")).toEqual([]);
  });

  it('suggests "can" instead of "will"', () => {
    expect(codes("I will run 5 km without stopping")).toEqual(["will_not_can"]);
    expect(codes("Next month I'll run 5 km without stopping")).toContain("will_not_can");
  });

  it("names a vague, feeling-shaped goal", () => {
    expect(codes("I can be more confident at work")).toContain("vague");
    expect(codes("I can feel ready for interviews")).toContain("vague");
  });

  it("asks for a capability phrasing and an observable outcome", () => {
    expect(codes("Run 5 km in the park on Sundays", "")).toEqual([
      "not_capability",
      "no_observable_outcome",
    ]);
  });

  it("asks for more detail on a very short statement", () => {
    expect(codes("I can swim")).toEqual(["too_short"]);
  });
});
