import { describe, expect, it } from "vitest";
import { scaleInputId, scaleValues } from "./number-scale";

describe("scaleValues", () => {
  it("lists every point of the scales the app asks", () => {
    expect(scaleValues(0, 4)).toEqual([0, 1, 2, 3, 4]);
    expect(scaleValues(1, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(scaleValues(0, 10)).toHaveLength(11);
    expect(scaleValues(0, 100, 10)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
  });

  it("stops at the last whole step and refuses nonsense", () => {
    expect(scaleValues(0, 25, 10)).toEqual([0, 10, 20]);
    expect(scaleValues(5, 1)).toEqual([]);
    expect(scaleValues(0, 10, 0)).toEqual([]);
  });
});

describe("scaleInputId", () => {
  it("names one point's radio", () => {
    expect(scaleInputId("cause-luck", 0)).toBe("cause-luck-0");
  });
});
