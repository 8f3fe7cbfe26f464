import { describe, expect, it } from "vitest";
import { confirmsGoalName } from "./rules";

describe("confirmsGoalName", () => {
  it("accepts the goal's statement typed again, whatever the case and spacing", () => {
    expect(confirmsGoalName("  i can run 5 KM ", "I can run 5 km")).toBe(true);
    expect(confirmsGoalName("I can  run 5 km", "I can run 5 km")).toBe(true);
  });
  it("refuses anything else, including nothing", () => {
    expect(confirmsGoalName("I can run", "I can run 5 km")).toBe(false);
    expect(confirmsGoalName("", "")).toBe(false);
  });
});
