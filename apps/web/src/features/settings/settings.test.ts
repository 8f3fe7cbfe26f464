import type { ImportResult } from "@cando/core";
import { describe, expect, it } from "vitest";
import { describeProblem, importSummary, timeZones } from "./settings";

const none = {
  domains: 0,
  audits: 0,
  auditRatings: 0,
  goals: 0,
  steps: 0,
  stepRatings: 0,
  attempts: 0,
  debriefs: 0,
  evidence: 0,
  milestones: 0,
  practiceEntries: 0,
  practiceRestDays: 0,
  practiceTargets: 0,
  reflections: 0,
  routines: 0,
  routineRuns: 0,
  attemptStarts: 0,
  roleModels: 0,
  roleModelSteps: 0,
};
const result = (added: Partial<typeof none>, present: Partial<typeof none> = {}): ImportResult => ({
  added: { ...none, ...added },
  present: { ...none, ...present },
  replayedGoals: 0,
});

describe("importSummary", () => {
  it("says what was added, in words, and what was already there", () => {
    expect(importSummary(result({ goals: 1, steps: 3, evidence: 1 }))).toBe(
      "Added 1 goal, 3 steps and 1 piece of evidence.",
    );
    expect(importSummary(result({ practiceEntries: 2, reflections: 1 }))).toBe(
      "Added 2 practice entries and 1 weekly reflection.",
    );
    expect(importSummary(result({}, { domains: 5 }))).toBe(
      "Nothing new to add; 5 things were already here.",
    );
  });
});

describe("describeProblem", () => {
  it("names the row a person would count, from one", () => {
    expect(
      describeProblem({ path: "goals.3.domainId", message: "is not a domain in this file" }),
    ).toBe("Goal 4, domainId: is not a domain in this file");
    expect(describeProblem({ path: "format", message: "is not a Cando export" })).toBe(
      "format is not a Cando export",
    );
  });
});

describe("timeZones", () => {
  it("keeps the current zone in the list", () => {
    expect(timeZones("Nowhere/Special")[0]).toBe("Nowhere/Special");
  });
});
