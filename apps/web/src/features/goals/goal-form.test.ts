import { describe, expect, it } from "vitest";
import {
  type GoalDraft,
  goalBody,
  goalDraftProblems,
  goalFieldProblems,
  hasProblems,
  targetDateNote,
} from "./goal-form";

const draft: GoalDraft = {
  domainId: "career",
  statement: "  I can speak up twice in a team meeting ",
  outcome: " Two points said aloud ",
  context: "",
  targetDate: "",
};

describe("goalBody", () => {
  it("trims the text and sends no empty date", () => {
    expect(goalBody(draft)).toEqual({
      domainId: "career",
      statement: "I can speak up twice in a team meeting",
      outcome: "Two points said aloud",
      context: "",
      targetDate: null,
    });
    expect(goalBody({ ...draft, targetDate: "2026-03-01" }).targetDate).toBe("2026-03-01");
  });
});

describe("goalDraftProblems", () => {
  it("asks for a domain and a statement", () => {
    const problems = goalDraftProblems({ ...draft, domainId: "", statement: "  " });
    expect(problems.byField).toEqual({
      domainId: "Choose a domain.",
      statement: "Write your goal, starting with “I can …”.",
    });
    expect(hasProblems(problems)).toBe(true);
  });

  it("accepts a vague goal: coaching never blocks", () => {
    expect(
      hasProblems(goalDraftProblems({ ...draft, statement: "I will be more confident" })),
    ).toBe(false);
  });
});

describe("goalFieldProblems", () => {
  it("puts the API's problems on the fields, and the rest in the summary", () => {
    const problems = goalFieldProblems([
      { path: "statement", message: "must be at most 200 characters" },
      { path: "domainId", message: "is archived" },
      { path: "", message: "change at least one field" },
    ]);
    expect(problems.byField).toEqual({
      statement: "Goal must be at most 200 characters.",
      domainId: "Domain is archived.",
    });
    expect(problems.other).toEqual(["change at least one field"]);
  });
});

describe("targetDateNote", () => {
  it("says a word about a target date that has passed, and nothing otherwise", () => {
    expect(targetDateNote("2026-12-06", "2026-12-07")).toBe(
      "That date has passed. Pick a day ahead of you, or leave it empty.",
    );
    expect(targetDateNote("2026-12-07", "2026-12-07")).toBeNull();
    expect(targetDateNote("", "2026-12-07")).toBeNull();
  });
});
