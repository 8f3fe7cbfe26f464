import { describe, expect, it } from "vitest";
import { ownDoingWhy } from "./own-doing";

describe("ownDoingWhy", () => {
  it("says a debriefed success's share was worked out from the causes rated", () => {
    const [from, why] = ownDoingWhy({ source: "attempt", ownership: 70 });
    expect(from).toContain("worked it out from the causes you rated");
    expect(from).toContain("effort, your strategy and your ability");
    expect(why).toContain("Weiner 1985");
  });

  it("says a share entered by hand is the person's own estimate, for each such source", () => {
    expect(ownDoingWhy({ source: "manual", ownership: 50 })[0]).toContain("when you added");
    expect(ownDoingWhy({ source: "reflection", ownership: 50 })[0]).toContain("weekly reflection");
    expect(ownDoingWhy({ source: "social_persuasion", ownership: 50 })[0]).toContain(
      "supporter's feedback",
    );
  });
});
