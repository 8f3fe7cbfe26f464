import { describe, expect, it } from "vitest";
import { attentionScore, byAttention, type CoachFacts, coachFlags } from "./rules";

const now = new Date("2026-12-08T09:00:00Z");
const facts = (over: Partial<CoachFacts> = {}): CoachFacts => ({
  recentOutcomes: ["done"],
  lastActivity: "2026-12-07T09:00:00Z",
  openFixedAbilitySetback: false,
  reached: false,
  sharedAt: "2026-11-01T09:00:00Z",
  ...over,
});

describe("coachFlags", () => {
  it("flags three setbacks in a row, not two, nor three with a success between", () => {
    expect(coachFlags(facts({ recentOutcomes: ["not_yet", "not_yet", "not_yet"] }), now)).toEqual([
      "setbacks_in_a_row",
    ]);
    expect(coachFlags(facts({ recentOutcomes: ["not_yet", "not_yet"] }), now)).toEqual([]);
    expect(
      coachFlags(facts({ recentOutcomes: ["not_yet", "done", "not_yet", "not_yet"] }), now),
    ).toEqual([]);
  });

  it("flags 14 days without activity (from sharing when nothing happened), unless reached", () => {
    expect(coachFlags(facts({ lastActivity: "2026-11-24T09:00:00Z" }), now)).toEqual(["inactive"]);
    expect(coachFlags(facts({ lastActivity: "2026-11-24T09:00:01Z" }), now)).toEqual([]);
    expect(coachFlags(facts({ lastActivity: null, recentOutcomes: [] }), now)).toEqual([
      "inactive",
    ]);
    expect(coachFlags(facts({ lastActivity: "2026-11-01T09:00:00Z", reached: true }), now)).toEqual(
      ["goal_reached"],
    );
  });

  it("flags an open fixed-ability setback", () => {
    expect(coachFlags(facts({ openFixedAbilitySetback: true }), now)).toEqual([
      "fixed_ability_setback",
    ]);
  });
});

describe("byAttention", () => {
  it("puts the most pressing first, then the longest quiet, then by name", () => {
    const c = (
      owner: string,
      flags: Parameters<typeof attentionScore>[0],
      last: string | null,
    ) => ({
      owner,
      goalId: owner,
      lastActivity: last,
      attention: attentionScore(flags),
    });
    const sorted = byAttention([
      c("calm", [], "2026-12-07"),
      c("reached", ["goal_reached"], "2026-12-01"),
      c("stuck", ["setbacks_in_a_row", "fixed_ability_setback"], "2026-12-07"),
      c("quiet", ["inactive"], "2026-11-01"),
      c("calm-older", [], "2026-12-01"),
    ]);
    expect(sorted.map((s) => s.owner)).toEqual(["stuck", "quiet", "reached", "calm-older", "calm"]);
  });
});
