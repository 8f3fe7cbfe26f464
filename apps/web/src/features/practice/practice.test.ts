import type { PracticeSummary } from "@cando/core";
import { describe, expect, it } from "vitest";
import { heatWeeks, monthTotals } from "./heat-grid";
import { daysSentence, minutesSentence, parseMinutes, todaySentence } from "./practice-words";

const summary = (over: Partial<PracticeSummary> = {}): PracticeSummary => ({
  goalId: "g",
  today: "2026-11-22",
  score: 0.4,
  last7: 3,
  last30: 12,
  lastPractised: "2026-11-22",
  daysSince: 0,
  minutesToday: 30,
  minutesLast7: 65,
  weeklyTarget: null,
  restToday: false,
  ...over,
});

describe("heatWeeks", () => {
  it("lays days out Monday to Sunday, blank outside the range", () => {
    // 2026-11-18 is a Wednesday, 2026-11-24 a Tuesday.
    const weeks = heatWeeks(
      "2026-11-18",
      "2026-11-24",
      [{ day: "2026-11-20", minutes: 45 }],
      ["2026-11-21"],
    );
    expect(weeks).toHaveLength(2);
    expect(weeks[0]?.map((c) => c?.day ?? null)).toEqual([
      null,
      null,
      "2026-11-18",
      "2026-11-19",
      "2026-11-20",
      "2026-11-21",
      "2026-11-22",
    ]);
    expect(weeks[0]?.[4]).toEqual({ day: "2026-11-20", minutes: 45, level: 3, rest: false });
    expect(weeks[0]?.[5]?.rest).toBe(true);
    expect(weeks[1]?.slice(2)).toEqual([null, null, null, null, null]);
  });
});

describe("monthTotals", () => {
  it("counts days and minutes per month, months without practice included", () => {
    expect(
      monthTotals("2026-10-15", "2026-12-02", [
        { day: "2026-10-20", minutes: 10 },
        { day: "2026-12-01", minutes: 20 },
        { day: "2026-12-02", minutes: 5 },
      ]),
    ).toEqual([
      { month: "2026-10", days: 1, minutes: 10 },
      { month: "2026-11", days: 0, minutes: 0 },
      { month: "2026-12", days: 2, minutes: 25 },
    ]);
  });
});

describe("practice words", () => {
  it("says the days, minutes and target plainly", () => {
    expect(daysSentence(summary())).toBe("Practised 3 of the last 7 days and 12 of the last 30.");
    expect(daysSentence(summary({ lastPractised: null }))).toBe("No practice logged yet.");
    expect(minutesSentence(summary({ weeklyTarget: 60 }))).toBe(
      "65 minutes in the last 7 days, of a 60-minute weekly target. Target met.",
    );
    expect(todaySentence(summary({ minutesToday: 0, restToday: true }))).toMatch(/rest day/);
    expect(todaySentence(summary({ minutesToday: 0 }))).toBe("Not practised yet today.");
  });

  it("reads minutes as a whole number from 1 to 600", () => {
    expect(parseMinutes(" 25 ")).toEqual({ minutes: 25 });
    expect(parseMinutes("")).toHaveProperty("problem");
    expect(parseMinutes("2.5")).toHaveProperty("problem");
    expect(parseMinutes("0")).toHaveProperty("problem");
    expect(parseMinutes("601")).toHaveProperty("problem");
  });
});
