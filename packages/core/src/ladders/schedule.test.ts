import { describe, expect, it } from "vitest";
import { firstStepDateWarning, proposeFirstStepDate } from "./schedule";

describe("first step scheduling", () => {
  it("proposes a date inside the first week", () => {
    expect(proposeFirstStepDate("2026-11-22")).toBe("2026-11-25");
    expect(proposeFirstStepDate("2026-12-30")).toBe("2027-01-02");
  });

  it("warns only when the first step is more than seven days out, or in the past", () => {
    expect(firstStepDateWarning("2026-11-22", "2026-11-29")).toBeNull();
    expect(firstStepDateWarning("2026-11-22", null)).toBeNull();
    expect(firstStepDateWarning("2026-11-22", "2026-11-30")).toMatch(/8 days away/);
    expect(firstStepDateWarning("2026-11-22", "2026-11-21")).toMatch(/passed/);
  });
});
