import { describe, expect, it } from "vitest";
import { byStep, didLine, roleModelFacts, stepOptions } from "./role-model-words";

describe("role model words", () => {
  it("names only the facts that are filled in", () => {
    expect(roleModelFacts({ similarity: 80, ahead: "a year", knownFrom: "work" })).toEqual([
      "80 of 100 similar start",
      "a year ahead",
      "known from work",
    ]);
    expect(roleModelFacts({ similarity: 20, ahead: "", knownFrom: "" })).toEqual([
      "20 of 100 similar start",
    ]);
  });

  it("offers no link first, then each step with its goal", () => {
    const options = stepOptions([
      { id: "s1", title: "Speak at stand-up", goalId: "g", goalStatement: "I can give a talk" },
    ]);
    expect(options).toEqual([
      { value: "", label: "Not linked to a step of mine" },
      { value: "s1", label: "Speak at stand-up (I can give a talk)" },
    ]);
    expect(
      stepOptions([{ id: "s", title: "T", goalId: "g", goalStatement: "x".repeat(60) }])[1]?.label,
    ).toMatch(/…\)$/);
  });

  it("says what they did and when, and groups by step", () => {
    expect(didLine({ what: "Spoke up", timing: "" })).toBe("Spoke up");
    expect(didLine({ what: "Spoke up", timing: "in her third month" })).toBe(
      "Spoke up (in her third month)",
    );
    const entry = {
      stepId: "s1",
      roleModelId: "m",
      roleModelStepId: "r",
      name: "Sam",
      similarity: 80,
      what: "x",
      timing: "",
    };
    const grouped = byStep([
      entry,
      { ...entry, roleModelStepId: "r2" },
      { ...entry, stepId: "s2" },
    ]);
    expect(grouped.get("s1")).toHaveLength(2);
    expect(grouped.get("s2")).toHaveLength(1);
  });
});
