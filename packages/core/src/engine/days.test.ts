import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors";
import { addDays, dayNumber, daysBetween, formatInZone, monthOf } from "./days";

describe("day arithmetic on YYYY-MM-DD", () => {
  it("counts days from the epoch in UTC", () => {
    expect(dayNumber("1970-01-02")).toBe(1);
    expect(dayNumber("2026-01-01")).toBe(20454);
  });

  it("adds days across months, leap days and years", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(daysBetween("2026-01-01", "2027-01-01")).toBe(365);
  });

  it("buckets instants by UTC month", () => {
    expect(monthOf("2026-01-31T23:30:00-02:00")).toBe("2026-02");
  });

  it("rejects malformed or impossible days", () => {
    expect(() => dayNumber("2026-2-1")).toThrow(ValidationError);
    expect(() => dayNumber("2026-02-29")).toThrow(ValidationError);
  });
});

describe("formatInZone", () => {
  const DAY: Intl.DateTimeFormatOptions = { year: "numeric", month: "2-digit", day: "2-digit" };
  it("keeps one formatter per options, locale and zone, each in its own zone", () => {
    const paris = formatInZone("en-CA", DAY, "Europe/Paris");
    expect(formatInZone("en-CA", DAY, "Europe/Paris")).toBe(paris);
    const tokyo = formatInZone("en-CA", DAY, "Asia/Tokyo");
    expect(tokyo).not.toBe(paris);
    const instant = new Date("2026-12-07T20:00:00Z");
    expect(paris.format(instant)).toBe("2026-12-07");
    expect(tokyo.format(instant)).toBe("2026-12-08");
    expect(formatInZone("en-CA", { ...DAY }, "Europe/Paris")).not.toBe(paris);
  });
});
