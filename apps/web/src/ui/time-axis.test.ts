import { describe, expect, it } from "vitest";
import { timeRange, timeScale } from "./time-axis";

const DAY = 86_400;

describe("time axis", () => {
  it("puts a single point in the middle of two weeks, not at the edge of years", () => {
    const t = Date.parse("2026-12-07T10:00:00Z") / 1000;
    expect(timeRange(t, t)).toEqual([t - 7 * DAY, t + 7 * DAY]);
    const scale = timeScale([t]);
    expect(scale.min).toBe(t - 7 * DAY);
    expect(scale.max).toBe(t + 7 * DAY);
    expect(scale.auto).toBe(false);
  });

  it("pads a longer span a little on each side", () => {
    const [from, to] = timeRange(0, 100 * DAY);
    expect(from).toBeCloseTo(-4 * DAY);
    expect(to).toBeCloseTo(104 * DAY);
  });
});
