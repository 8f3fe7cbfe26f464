import type { Goal } from "@cando/core";
import { describe, expect, it } from "vitest";
import { buildDomain } from "../../test-support/builders";
import { activeGoalsIn, domainName, groupGoals } from "./goal-lists";

const goal = (id: string, status: Goal["status"], domainId = "career") =>
  ({ id, status, domainId, statement: `I can ${id}` }) as Goal;

describe("groupGoals", () => {
  it("puts active goals first, then paused, reached and dropped, leaving out empty groups", () => {
    const groups = groupGoals([
      goal("a", "dropped"),
      goal("b", "active"),
      goal("c", "reached"),
      goal("d", "active"),
    ]);
    expect(groups.map((g) => [g.label, g.goals.map((x) => x.id)])).toEqual([
      ["Active", ["b", "d"]],
      ["Reached", ["c"]],
      ["Dropped", ["a"]],
    ]);
  });

  it("is empty without goals", () => {
    expect(groupGoals([])).toEqual([]);
  });
});

describe("activeGoalsIn", () => {
  it("finds only the active goals of the domain", () => {
    const goals = [goal("a", "active"), goal("b", "paused"), goal("c", "active", "health")];
    expect(activeGoalsIn(goals, "career").map((g) => g.id)).toEqual(["a"]);
    expect(activeGoalsIn(goals, "finances")).toEqual([]);
  });
});

describe("domainName", () => {
  it("names the domain, or says it is unknown", () => {
    const domains = [buildDomain({ id: "career", name: "Career" })];
    expect(domainName(domains, "career")).toBe("Career");
    expect(domainName(domains, "gone")).toBe("Unknown domain");
  });
});
