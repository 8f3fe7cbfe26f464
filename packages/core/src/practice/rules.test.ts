import { describe, expect, it } from "vitest";
import { practiceConsistency } from "../engine/consistency";
import { addDays } from "../engine/days";
import { dayInZone, isTimeZone, practiceLevel, practiceScore, summarisePractice } from "./rules";

const today = "2026-03-31";
const back = (n: number) => addDays(today, -n);

describe("practiceScore", () => {
  it("is the engine's score when no rest day is planned", () => {
    const days = [back(0), back(1), back(3), back(10)];
    expect(practiceScore(days, [], today)).toEqual({
      score: practiceConsistency(days, today).score,
      last7: 3,
      last30: 4,
      lastPractised: today,
      daysSince: 0,
    });
  });

  it("never lowers the score for a planned rest day", () => {
    const days = Array.from({ length: 30 }, (_, i) => back(i)).filter((_, i) => i !== 3);
    const missed = practiceScore(days, [], today).score;
    const rested = practiceScore(days, [back(3)], today).score;
    expect(rested).toBeGreaterThan(missed);
    // Taking the rest day out of the timeline: 29 practised days in a row.
    const run = Array.from({ length: 29 }, (_, i) => back(i));
    expect(rested).toBeCloseTo(practiceConsistency(run, today).score, 12);
  });

  it("counts a rest day practised anyway as practice, and ignores future rest days", () => {
    const days = [back(0), back(1), back(2)];
    expect(practiceScore(days, [back(1), addDays(today, 3)], today)).toEqual(
      practiceScore(days, [], today),
    );
  });

  it("forgives a single miss: no streak that resets", () => {
    const all = Array.from({ length: 30 }, (_, i) => back(i));
    const one = all.filter((d) => d !== back(5));
    const drop = practiceScore(all, [], today).score - practiceScore(one, [], today).score;
    expect(drop).toBeGreaterThan(0);
    expect(drop).toBeLessThan(0.04);
  });
});

describe("summarisePractice", () => {
  it("adds minutes for today and the last 7 days and ignores later days", () => {
    const facts = summarisePractice(
      [
        { day: back(8), minutes: 40 },
        { day: back(6), minutes: 20 },
        { day: today, minutes: 45 },
        { day: addDays(today, 1), minutes: 30 },
      ],
      [today],
      today,
    );
    expect(facts).toMatchObject({ minutesToday: 45, minutesLast7: 65, restToday: true });
    expect(facts.score.last7).toBe(2);
    expect(facts.score.last30).toBe(3);
  });
});

describe("time zones", () => {
  it("knows IANA zones and refuses others", () => {
    expect(isTimeZone("Europe/Paris")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(isTimeZone("")).toBe(false);
  });

  it("finds the day an instant falls on in a zone", () => {
    const at = new Date("2026-03-31T23:30:00Z");
    expect(dayInZone(at, "UTC")).toBe("2026-03-31");
    expect(dayInZone(at, "Europe/Paris")).toBe("2026-04-01");
    expect(dayInZone(at, "America/New_York")).toBe("2026-03-31");
  });
});

describe("practiceLevel", () => {
  it("shades by minutes", () => {
    expect([0, 10, 15, 25, 60, 61].map(practiceLevel)).toEqual([0, 1, 1, 2, 3, 4]);
  });
});
