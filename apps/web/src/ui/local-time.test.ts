import { describe, expect, it } from "vitest";
import {
  formatCalendarDay,
  fromLocalDateTime,
  isRealDay,
  localDateTime,
  localDay,
  newIdempotencyKey,
} from "./local-time";

describe("local days and times", () => {
  it("writes a date input's and a datetime-local input's value in local time", () => {
    const at = new Date(2025, 2, 3, 9, 5);
    expect(localDay(at)).toBe("2025-03-03");
    expect(localDateTime(at)).toBe("2025-03-03T09:05");
  });

  it("reads a datetime-local value back to the same instant", () => {
    const at = new Date(2025, 2, 3, 9, 5);
    expect(fromLocalDateTime(localDateTime(at))?.getTime()).toBe(at.getTime());
    expect(fromLocalDateTime("")).toBeNull();
    expect(fromLocalDateTime("2025-03-03")).toBeNull();
  });

  it("knows real calendar days", () => {
    expect(isRealDay("2024-02-29")).toBe(true);
    expect(isRealDay("2025-02-29")).toBe(false);
    expect(isRealDay("3/3/2025")).toBe(false);
  });

  it("shows a calendar day as the same day in every time zone", () => {
    expect(formatCalendarDay("2025-03-03", "en-GB")).toBe("3 Mar 2025");
    expect(formatCalendarDay("not a day", "en-GB")).toBe("not a day");
  });
});

describe("newIdempotencyKey", () => {
  it("is fresh each time and long enough for the API (8–100 characters)", () => {
    const a = newIdempotencyKey();
    const b = newIdempotencyKey();
    expect(a).not.toBe(b);
    expect(a.length).toBeGreaterThanOrEqual(8);
    expect(a.length).toBeLessThanOrEqual(100);
  });
});
