import { describe, expect, it } from "vitest";
import {
  addDays,
  nextWelcomeStep,
  parseWelcomeStep,
  scheduleChoices,
  WELCOME_STEPS,
  welcomePath,
  welcomeProgress,
} from "./welcome-flow";

describe("the first-run path", () => {
  it("runs welcome → audit → domain → goal → ladder → schedule → done", () => {
    const seen: string[] = [];
    let step: ReturnType<typeof nextWelcomeStep> = "welcome";
    while (step !== "done") {
      seen.push(step);
      step = nextWelcomeStep(step, true);
    }
    expect(seen).toEqual([...WELCOME_STEPS]);
  });

  it("ends after the goal step when no goal was set (the ladder needs one)", () => {
    expect(nextWelcomeStep("goal", false)).toBe("done");
    expect(nextWelcomeStep("domain", false)).toBe("goal");
    expect(nextWelcomeStep("ladder", false)).toBe("done");
  });

  it("reads the step from the address, falling back to the welcome", () => {
    expect(parseWelcomeStep("ladder")).toBe("ladder");
    expect(parseWelcomeStep(undefined)).toBe("welcome");
    expect(parseWelcomeStep("constructor")).toBe("welcome");
  });

  it("says where the person is", () => {
    expect(welcomeProgress("domain").text).toBe("Step 3 of 6: Choose one domain");
    expect(welcomeProgress("schedule")).toMatchObject({ number: 6, total: 6 });
  });

  it("keeps the domain and goal in the address", () => {
    expect(welcomePath("ladder", { goal: "g 1", domain: "d1" })).toBe(
      "/welcome?step=ladder&domain=d1&goal=g+1",
    );
    expect(welcomePath("audit", {})).toBe("/welcome?step=audit");
  });

  it("offers days for the first step within a week, across month ends", () => {
    expect(addDays("2026-12-30", 3)).toBe("2027-01-02");
    expect(scheduleChoices("2026-12-07").map((c) => c.day)).toEqual([
      "2026-12-08",
      "2026-12-10",
      "2026-12-14",
    ]);
  });
});
