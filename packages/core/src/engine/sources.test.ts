import { describe, expect, it } from "vitest";
import { sourcesThisWeek, weekStartOf } from "./sources";

describe("weekStartOf", () => {
  it("is Monday 00:00 UTC of the week", () => {
    expect(weekStartOf("2026-11-22T12:00:00.000Z")).toBe("2026-11-16T00:00:00.000Z"); // a Sunday
    expect(weekStartOf("2026-11-16T00:00:00.000Z")).toBe("2026-11-16T00:00:00.000Z");
    expect(weekStartOf(new Date("2026-11-18T23:59:59.000Z"))).toBe("2026-11-16T00:00:00.000Z");
  });
});

describe("sourcesThisWeek", () => {
  it("counts each source within the week up to now, and names the missing ones", () => {
    const s = sourcesThisWeek(
      {
        mastery: [
          { at: "2026-11-16T08:00:00.000Z" },
          { at: "2026-11-18T19:00:00.000Z" },
          { at: "2026-11-15T23:59:59.000Z" }, // the week before
        ],
        roleModels: [{ at: "2026-11-20T10:00:00.000Z" }], // after now
        feedback: [{ at: "2026-11-17T12:00:00.000Z" }],
        routines: [],
      },
      "2026-11-16T00:00:00.000Z",
      "2026-11-19T12:00:00.000Z",
    );
    expect(s).toEqual({
      weekStart: "2026-11-16T00:00:00.000Z",
      weekEnd: "2026-11-23T00:00:00.000Z",
      mastery: 2,
      roleModels: 0,
      feedback: 1,
      routines: 0,
      total: 3,
      missing: ["roleModels", "routines"],
    });
  });
});
