import type { Evidence, Milestone } from "@cando/core";
import { describe, expect, it } from "vitest";
import { evidenceFor, milestoneMeaning, otherMilestones } from "./milestones";

const milestone = (
  id: string,
  achievedAt: string,
  seenAt: string | null,
  evidenceIds: string[] = [],
) =>
  ({
    id,
    kind: "step_mastered",
    goalId: "g",
    stepId: "s",
    title: id,
    evidenceIds,
    achievedAt,
    praise: "It felt within reach: effort 2 of 5 on average over 2 successes.",
    seenAt,
  }) as Milestone;

describe("evidenceFor", () => {
  it("picks the milestone's evidence in its order and skips what is gone", () => {
    const evidence = [{ id: "e1" }, { id: "e2" }, { id: "e3" }] as Evidence[];
    const m = milestone("m", "2025-01-01T00:00:00Z", null, ["e3", "gone", "e1"]);
    expect(evidenceFor(m, evidence).map((e) => e.id)).toEqual(["e3", "e1"]);
  });
});

describe("otherMilestones", () => {
  it("splits the others into still to celebrate and earlier, newest first", () => {
    const all = [
      milestone("a", "2025-01-01T00:00:00Z", "2025-01-02T00:00:00Z"),
      milestone("b", "2025-03-01T00:00:00Z", null),
      milestone("c", "2025-02-01T00:00:00Z", "2025-02-02T00:00:00Z"),
      milestone("d", "2025-04-01T00:00:00Z", null),
    ];
    const { toCelebrate, earlier } = otherMilestones(all, "d");
    expect(toCelebrate.map((m) => m.id)).toEqual(["b"]);
    expect(earlier.map((m) => m.id)).toEqual(["c", "a"]);
  });
});

describe("milestoneMeaning", () => {
  it("counts the evidence and gives the praise that matches the effort, not a stock line", () => {
    const m = milestone("m", "2025-01-01T00:00:00Z", null);
    expect(milestoneMeaning(m, 2)).toBe(
      "You have 2 pieces of evidence behind it. It felt within reach: effort 2 of 5 on average over 2 successes.",
    );
    expect(milestoneMeaning(m, 1)).toMatch(/^You have 1 piece of evidence/);
    expect(milestoneMeaning(m, 0)).not.toContain("real effort");
  });
});
