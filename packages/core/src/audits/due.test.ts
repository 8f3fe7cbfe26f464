import { describe, expect, it } from "vitest";
import { auditDue } from "./due";

const now = new Date("2026-11-22T12:00:00.000Z");

describe("auditDue", () => {
  it("is due when there is no audit yet", () => {
    expect(auditDue(null, now)).toEqual({
      due: true,
      lastTakenAt: null,
      nextDueAt: null,
      reason: "none_yet",
    });
  });

  it("is not due within 30 days, and says when it will be", () => {
    const last = "2026-11-01T12:00:00.000Z";
    expect(auditDue(last, now)).toEqual({
      due: false,
      lastTakenAt: last,
      nextDueAt: "2026-12-01T12:00:00.000Z",
      reason: "recent",
    });
  });

  it("is due exactly 30 days after the last audit", () => {
    expect(auditDue("2026-10-23T12:00:00.000Z", now).due).toBe(true);
    expect(auditDue("2026-10-23T12:00:00.001Z", now).due).toBe(false);
  });
});
