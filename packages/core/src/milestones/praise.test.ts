import { describe, expect, it } from "vitest";
import { milestonePraise } from "./praise";

describe("milestonePraise", () => {
  it("never calls a light effort real effort (issue 9)", () => {
    const text = milestonePraise("step_mastered", [{ effort: 2 }, { effort: 2 }]);
    expect(text).not.toContain("real effort");
    expect(text).toContain("It felt within reach: effort 2 of 5 on average over 2 successes");
  });

  it("praises real effort with its figure, and what the debriefs credited", () => {
    const text = milestonePraise("step_mastered", [
      {
        effort: 4,
        attributions: { effort: 3, strategy: 2, luck: 0, help: 1, easy: 0 },
        didWell: "kept to time",
      },
      { effort: 5, attributions: null },
    ]);
    expect(text).toContain("It took real effort: 4.5 of 5 on average over 2 successes");
    expect(text).toContain("you credited your own effort and strategy");
    expect(text).toContain("“kept to time”");
  });

  it("notes gently when the debriefs gave the credit away", () => {
    const text = milestonePraise("goal_reached", [
      { effort: 3, attributions: { effort: 1, strategy: 0, luck: 3, help: 1, easy: 0 } },
    ]);
    expect(text).toContain("steady effort in: 3 of 5 on average over one success");
    expect(text).toContain("you were the one who kept showing up");
  });
});
