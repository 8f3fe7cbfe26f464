import { describe, expect, it } from "vitest";
import { buildDomain } from "../../test-support/builders";
import { activeDomains, archivedDomains, replaceDomain } from "./domain-lists";

const domains = [
  buildDomain({ id: "b", name: "Health", position: 2 }),
  buildDomain({ id: "a", name: "Career", position: 1 }),
  buildDomain({ id: "c", name: "Finances", position: 3, archivedAt: "2025-02-01T00:00:00.000Z" }),
];

describe("domain lists", () => {
  it("splits active and archived domains, each in the person's order", () => {
    expect(activeDomains(domains).map((d) => d.id)).toEqual(["a", "b"]);
    expect(archivedDomains(domains).map((d) => d.id)).toEqual(["c"]);
  });

  it("replaces an updated domain in place", () => {
    const renamed = buildDomain({ id: "b", name: "Fitness", position: 2 });
    expect(replaceDomain(domains, renamed).map((d) => d.name)).toEqual([
      "Fitness",
      "Career",
      "Finances",
    ]);
  });
});
