import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors";
import { scoreEfficacyScale } from "./efficacy-scale";

describe("scoreEfficacyScale", () => {
  it("scores strength, level and composite on a known ladder, leaving unrated steps out", () => {
    const s = scoreEfficacyScale([90, 80, 60, 50, 30, 10, null]);
    expect(s.steps).toBe(7);
    expect(s.rated).toBe(6);
    expect(s.strength).toBeCloseTo(320 / 6, 10);
    expect(s.level).toBe(4);
    expect(s.composite).toBe(70);
    expect(s.ceiling).toBe(false);
    expect(s.ceilingShare).toBeCloseTo(1 / 6, 10);
  });

  it("uses a given cut-off", () => {
    const s = scoreEfficacyScale([90, 80, 60, 50], { cutoff: 70 });
    expect(s.level).toBe(2);
    expect(s.composite).toBe(85);
    expect(s.cutoff).toBe(70);
  });

  it("flags a ceiling when most steps are rated 90 or more, not when exactly half are", () => {
    expect(scoreEfficacyScale([100, 90, 90, 80]).ceiling).toBe(true);
    expect(scoreEfficacyScale([90, 90, 50, 40]).ceiling).toBe(false);
  });

  it("has no strength or composite when nothing qualifies", () => {
    expect(scoreEfficacyScale([null, null])).toMatchObject({
      rated: 0,
      strength: null,
      level: 0,
      composite: null,
      ceiling: false,
    });
    expect(scoreEfficacyScale([40, 20]).composite).toBeNull();
  });

  it("rejects ratings outside 0–100", () => {
    expect(() => scoreEfficacyScale([50, 120])).toThrow(ValidationError);
    expect(() => scoreEfficacyScale([-10])).toThrow(ValidationError);
  });
});
