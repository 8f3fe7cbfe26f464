import type { AttemptSummary, LadderView, Step, StepRating } from "@cando/core";
import { describe, expect, it } from "vitest";
import {
  attemptRows,
  masteryActions,
  masteryNote,
  positionOptions,
  ratingsOf,
  scaleLines,
} from "./ladder-view";

const scale: LadderView["scale"] = {
  steps: 4,
  rated: 4,
  strength: 57.5,
  level: 2,
  composite: 80,
  cutoff: 50,
  ceilingShare: 0.25,
  ceiling: false,
};

describe("scaleLines", () => {
  it("explains strength, level and composite with their numbers", () => {
    expect(scaleLines(scale)).toEqual([
      {
        name: "Strength",
        value: "58",
        meaning: "The mean of your confidence ratings over 4 rated steps.",
      },
      {
        name: "Level",
        value: "2 of 4",
        meaning:
          "How many steps you rated 50 or more: moderately certain you can do them or better.",
      },
      {
        name: "Composite",
        value: "80",
        meaning: "The mean confidence over the steps rated 50 or more.",
      },
    ]);
  });

  it("shows a dash where nothing is rated yet", () => {
    const lines = scaleLines({ ...scale, rated: 0, strength: null, level: 0, composite: null });
    expect(lines.map((l) => l.value)).toEqual(["–", "0 of 4", "–"]);
  });
});

describe("masteryActions", () => {
  const labels = (s: Pick<Step, "mastered" | "masteredOverride">) =>
    masteryActions(s).map((a) => [a.label, a.mastered]);
  it("offers only the changes that do something", () => {
    expect(labels({ mastered: false, masteredOverride: null })).toEqual([["Mark mastered", true]]);
    expect(labels({ mastered: true, masteredOverride: null })).toEqual([
      ["Mark not mastered", false],
    ]);
    expect(labels({ mastered: true, masteredOverride: true })).toEqual([
      ["Mark not mastered", false],
      ["Back to the rule", null],
    ]);
    expect(labels({ mastered: false, masteredOverride: false })).toEqual([
      ["Mark mastered", true],
      ["Back to the rule", null],
    ]);
  });

  it("says who decided", () => {
    expect(masteryNote({ mastered: true, masteredOverride: true })).toBe("Mastered (your call)");
    expect(masteryNote({ mastered: false, masteredOverride: false })).toBe(
      "Not mastered (your call)",
    );
    expect(masteryNote({ mastered: true, masteredOverride: null })).toBe("Mastered");
    expect(masteryNote({ mastered: false, masteredOverride: null })).toBeNull();
  });
});

describe("ratingsOf", () => {
  it("gives one step's ratings, oldest first", () => {
    const ratings: StepRating[] = [
      { stepId: "a", confidence: 60, ratedAt: "2025-02-01T00:00:00Z" },
      { stepId: "b", confidence: 10, ratedAt: "2025-01-01T00:00:00Z" },
      { stepId: "a", confidence: 40, ratedAt: "2025-01-01T00:00:00Z" },
    ];
    expect(ratingsOf(ratings, "a").map((r) => r.confidence)).toEqual([40, 60]);
  });
});

describe("attemptRows", () => {
  it("lists newest first with the step's title, outcome and whether it was debriefed", () => {
    const attempt = (id: string, at: string, stepId: string, debriefed: boolean) =>
      ({
        id,
        attemptedAt: at,
        stepId,
        outcome: "partly",
        debriefed,
        predictedSuccess: null,
      }) as AttemptSummary;
    const steps = [{ id: "s1", title: "Talk to a friend" }] as Step[];
    expect(
      attemptRows(
        [
          attempt("x", "2025-01-01T00:00:00Z", "s1", true),
          attempt("y", "2025-01-02T00:00:00Z", "gone", false),
        ],
        steps,
      ),
    ).toEqual([
      {
        id: "y",
        attemptedAt: "2025-01-02T00:00:00Z",
        stepTitle: "A removed step",
        outcome: "Partly",
        debriefed: false,
      },
      {
        id: "x",
        attemptedAt: "2025-01-01T00:00:00Z",
        stepTitle: "Talk to a friend",
        outcome: "Partly",
        debriefed: true,
      },
    ]);
  });
});

describe("positionOptions", () => {
  it("offers the start, after each step but the last, and the end", () => {
    expect(positionOptions([{ title: "A" }, { title: "B" }, { title: "C" }])).toEqual([
      { value: "0", label: "At the start (easiest)" },
      { value: "1", label: "After step 1: A" },
      { value: "2", label: "After step 2: B" },
      { value: "3", label: "At the end (hardest)" },
    ]);
  });
});
