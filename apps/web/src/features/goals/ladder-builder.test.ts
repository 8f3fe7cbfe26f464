import { describe, expect, it } from "vitest";
import {
  builderHasProblems,
  builderProblems,
  emptyStep,
  ladderBody,
  ladderFieldProblems,
  type StepDraft,
} from "./ladder-builder";

const step = (key: string, title: string, extra: Partial<StepDraft> = {}): StepDraft => ({
  ...emptyStep(key),
  title,
  ...extra,
});

describe("builderProblems", () => {
  it("asks for a title on every step, by its number", () => {
    const problems = builderProblems([
      step("a", "Talk to a friend"),
      step("b", " "),
      step("c", ""),
    ]);
    expect(problems.byStep).toEqual({
      b: { title: "Give step 2 a title." },
      c: { title: "Give step 3 a title." },
    });
    expect(problems.other).toEqual([]);
  });

  it("needs at least three steps and at most fifteen", () => {
    expect(builderProblems([step("a", "A"), step("b", "B")]).other).toEqual([
      "A ladder needs at least 3 steps.",
    ]);
    const many = Array.from({ length: 16 }, (_, i) => step(String(i), `S${i}`));
    expect(builderProblems(many).other).toEqual(["A ladder can have at most 15 steps."]);
    expect(builderHasProblems(builderProblems(many.slice(0, 15)))).toBe(false);
  });
});

describe("ladderBody", () => {
  it("keeps the order, trims text and sends no empty dates", () => {
    expect(
      ladderBody([
        step("a", " Talk to a friend ", { confidence: 90, plannedDate: "2026-01-04" }),
        step("b", "Talk to five", { description: " colleagues ", confidence: 0 }),
      ]),
    ).toEqual({
      steps: [
        { title: "Talk to a friend", description: "", confidence: 90, plannedDate: "2026-01-04" },
        { title: "Talk to five", description: "colleagues", confidence: 0, plannedDate: null },
      ],
    });
  });
});

describe("ladderFieldProblems", () => {
  it("puts steps.<i>.<field> on the row that was sent i-th", () => {
    const sent = [step("a", "A"), step("b", "B"), step("c", "C")];
    const problems = ladderFieldProblems(
      [
        { path: "steps.2.plannedDate", message: "is not a real date" },
        { path: "steps", message: "needs at least 3 steps" },
        { path: "steps.9.title", message: "is required" },
      ],
      sent,
    );
    expect(problems.byStep).toEqual({ c: { plannedDate: "Planned date is not a real date." } });
    expect(problems.other).toEqual([
      "The ladder needs at least 3 steps.",
      "steps.9.title is required.",
    ]);
  });
});
