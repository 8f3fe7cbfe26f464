import { describe, expect, it } from "vitest";
import { dayStartInZone, isoWeekday, latestReflectionDay, reflectionDue } from "./rules";

describe("the weekly reflection's day", () => {
  it("knows ISO weekdays", () => {
    expect(isoWeekday("2026-11-23")).toBe(1); // a Monday
    expect(isoWeekday("2026-11-22")).toBe(7); // a Sunday
  });

  it("finds the latest reflection day on or before today", () => {
    expect(latestReflectionDay("2026-11-22", 7)).toBe("2026-11-22");
    expect(latestReflectionDay("2026-11-25", 7)).toBe("2026-11-22");
    expect(latestReflectionDay("2026-11-25", 5)).toBe("2026-11-20");
  });

  it("is due on the chosen day and two days after, until written", () => {
    expect(reflectionDue("2026-11-22", 7, false)).toEqual({
      due: true,
      weekEnd: "2026-11-22",
      written: false,
    });
    expect(reflectionDue("2026-11-24", 7, false).due).toBe(true);
    expect(reflectionDue("2026-11-25", 7, false).due).toBe(false);
    expect(reflectionDue("2026-11-23", 7, true).due).toBe(false);
  });
});

describe("dayStartInZone", () => {
  it("finds local midnight as an instant", () => {
    expect(dayStartInZone("2026-11-22", "UTC").toISOString()).toBe("2026-11-22T00:00:00.000Z");
    expect(dayStartInZone("2026-11-22", "Europe/Paris").toISOString()).toBe(
      "2026-11-21T23:00:00.000Z",
    );
    expect(dayStartInZone("2026-07-01", "Europe/Paris").toISOString()).toBe(
      "2026-06-30T22:00:00.000Z",
    );
    expect(dayStartInZone("2026-11-22", "America/New_York").toISOString()).toBe(
      "2026-11-22T05:00:00.000Z",
    );
    // The day summer time starts in New York (2 a.m. jumps to 3): midnight is still EST.
    expect(dayStartInZone("2026-03-08", "America/New_York").toISOString()).toBe(
      "2026-03-08T05:00:00.000Z",
    );
  });
});
