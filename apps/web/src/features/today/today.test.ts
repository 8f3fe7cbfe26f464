import type { Goal, TodayResponse } from "@cando/core";
import { describe, expect, it } from "vitest";
import { isPast, todayMode } from "./today";

const goal = { id: "g1", status: "paused" } as Goal;
const empty: Pick<TodayResponse, "items" | "goalsWithoutLadder"> = {
  items: [],
  goalsWithoutLadder: [],
};

describe("todayMode", () => {
  it("is a first run without any goal", () => {
    expect(todayMode(empty, 0)).toBe("first_run");
  });

  it("knows goals exist even when none is active", () => {
    expect(todayMode(empty, 1)).toBe("none_active");
  });

  it("shows the active goals, with or without a ladder", () => {
    expect(todayMode({ items: [], goalsWithoutLadder: [goal] }, 1)).toBe("active");
    expect(
      todayMode({ items: [{} as TodayResponse["items"][number]], goalsWithoutLadder: [] }, 1),
    ).toBe("active");
  });
});

describe("isPast", () => {
  it("compares calendar days", () => {
    expect(isPast("2025-03-02", "2025-03-03")).toBe(true);
    expect(isPast("2025-03-03", "2025-03-03")).toBe(false);
    expect(isPast("2025-12-01", "2025-03-03")).toBe(false);
  });
});
