import { describe, expect, it } from "vitest";
import { ROLE_MODEL_OUTLIER_NUDGE, roleModelNudge } from "./rules";

describe("roleModelNudge", () => {
  it("asks about someone closer when the starting point was not similar", () => {
    expect(roleModelNudge(0)).toBe(ROLE_MODEL_OUTLIER_NUDGE);
    expect(roleModelNudge(49)).toBe(ROLE_MODEL_OUTLIER_NUDGE);
  });

  it("says nothing from 50 similar up", () => {
    expect(roleModelNudge(50)).toBeNull();
    expect(roleModelNudge(100)).toBeNull();
  });
});
