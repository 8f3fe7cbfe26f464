import { describe, expect, it } from "vitest";
import { buildGoal } from "../../test-support/attempt-builders";
import {
  countText,
  evidenceListPath,
  filtersFromQuery,
  filtersToSearch,
  goalsInDomain,
  hasFilters,
  NO_FILTERS,
  withDomain,
  withGoal,
} from "./filters";

const talk = buildGoal({ id: "talk", domainId: "career" });
const run = buildGoal({ id: "run", domainId: "health" });
const goals = [talk, run];

describe("filters in the address", () => {
  it("reads them from the query, a step only with its goal", () => {
    expect(filtersFromQuery({ q: "slides", goalId: "talk", stepId: "s1" })).toEqual({
      q: "slides",
      domainId: "",
      goalId: "talk",
      stepId: "s1",
    });
    expect(filtersFromQuery({ stepId: "s1" }).stepId).toBe("");
  });

  it("writes only what is set, in a stable order, with the search trimmed", () => {
    expect(filtersToSearch(NO_FILTERS)).toBe("");
    expect(
      filtersToSearch({ q: "  ran a workshop ", domainId: "", goalId: "talk", stepId: "" }),
    ).toBe("?q=ran+a+workshop&goalId=talk");
    expect(filtersToSearch({ ...NO_FILTERS, q: "   " })).toBe("");
  });

  it("round-trips through the address", () => {
    const filters = { q: "a&b", domainId: "career", goalId: "talk", stepId: "s1" };
    const query = Object.fromEntries(new URLSearchParams(filtersToSearch(filters).slice(1)));
    expect(filtersFromQuery(query)).toEqual(filters);
  });

  it("builds the API path and knows when anything is filtered", () => {
    expect(evidenceListPath(NO_FILTERS)).toBe("/api/evidence");
    expect(evidenceListPath({ ...NO_FILTERS, domainId: "career" })).toBe(
      "/api/evidence?domainId=career",
    );
    expect(hasFilters(NO_FILTERS)).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, q: "x" })).toBe(true);
  });
});

describe("changing one filter", () => {
  it("a domain keeps a goal in it and drops one from elsewhere, with its step", () => {
    const onTalk = { ...NO_FILTERS, goalId: "talk", stepId: "s1" };
    expect(withDomain(onTalk, "career", goals)).toEqual({ ...onTalk, domainId: "career" });
    expect(withDomain(onTalk, "health", goals)).toEqual({
      ...NO_FILTERS,
      domainId: "health",
    });
    expect(withDomain(onTalk, "", goals)).toEqual(onTalk);
  });

  it("a goal clears the step and narrows the domain to its own", () => {
    expect(withGoal({ ...NO_FILTERS, stepId: "s1", goalId: "talk" }, "run", goals)).toEqual({
      ...NO_FILTERS,
      goalId: "run",
      domainId: "health",
    });
    expect(withGoal({ ...NO_FILTERS, domainId: "career", goalId: "talk" }, "", goals)).toEqual({
      ...NO_FILTERS,
      domainId: "career",
    });
  });

  it("offers the goals of the chosen domain", () => {
    expect(goalsInDomain(goals, "health")).toEqual([run]);
    expect(goalsInDomain(goals, "")).toEqual(goals);
  });
});

describe("countText", () => {
  it("counts in words", () => {
    expect(countText(1, false)).toBe("1 piece of evidence.");
    expect(countText(3, false)).toBe("3 pieces of evidence.");
    expect(countText(1, true)).toBe("1 piece of evidence matches.");
    expect(countText(2, true)).toBe("2 pieces of evidence match.");
    expect(countText(0, true)).toBe("No evidence matches these filters.");
    expect(countText(0, false)).toBe("No evidence yet.");
  });
});
