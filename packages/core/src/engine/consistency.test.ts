import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors";
import { practiceConsistency } from "./consistency";
import { addDays } from "./days";

const today = "2026-03-31";
const lastDays = (n: number, skip: number[] = []) =>
  Array.from({ length: n }, (_, i) => addDays(today, -i)).filter((_, i) => !skip.includes(i));
const decay = 2 ** (-1 / 14);

describe("practiceConsistency", () => {
  it("builds toward 1 with daily practice: 60 days give 1 − decay^60", () => {
    const c = practiceConsistency(lastDays(60), today);
    expect(c.score).toBeCloseTo(1 - decay ** 60, 10);
    expect(c).toMatchObject({ last7: 7, last30: 30, lastPractised: today, daysSince: 0 });
  });

  it("barely moves after a single missed day", () => {
    const all = practiceConsistency(lastDays(60), today).score;
    const missedOne = practiceConsistency(lastDays(60, [10]), today).score;
    expect(all - missedOne).toBeGreaterThan(0);
    expect(all - missedOne).toBeLessThan(0.04);
  });

  it("falls by half after two weeks without practice, and keeps falling", () => {
    const practised = lastDays(60).map((d) => addDays(d, -14));
    const before = practiceConsistency(practised, addDays(today, -14)).score;
    // Evaluated the day after `today`, so that 14 whole days have been missed.
    const twoWeeks = practiceConsistency(practised, addDays(today, 1)).score;
    expect(twoWeeks / before).toBeCloseTo(0.5, 10);
    const sixWeeks = practiceConsistency(
      lastDays(60).map((d) => addDays(d, -42)),
      today,
    ).score;
    expect(sixWeeks).toBeLessThan(0.15);
  });

  it("does not count today as missed before the day is over", () => {
    const throughYesterday = lastDays(30).map((d) => addDays(d, -1));
    const c = practiceConsistency(throughYesterday, today);
    expect(c.countedThrough).toBe(addDays(today, -1));
    expect(c.score).toBeCloseTo(1 - decay ** 30, 10);
    expect(c.daysSince).toBe(1);
  });

  it("ignores duplicates and days after today; is 0 with no practice", () => {
    const c = practiceConsistency([today, today, addDays(today, 3)], today);
    expect(c.score).toBeCloseTo(1 - decay, 10);
    expect(practiceConsistency([], today)).toMatchObject({
      score: 0,
      lastPractised: null,
      daysSince: null,
    });
  });

  it("rejects days that are not YYYY-MM-DD calendar days", () => {
    expect(() => practiceConsistency(["2026-02-30"], today)).toThrow(ValidationError);
    expect(() => practiceConsistency(["31/03/2026"], today)).toThrow(ValidationError);
  });
});
