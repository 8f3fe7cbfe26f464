import { describe, expect, it } from "vitest";
import { summarizeAudits } from "./audit-summary";

const audits = [
  {
    takenAt: "2026-03-01T09:00:00.000Z",
    ratings: [
      { domainId: "career", rating: 60 },
      { domainId: "health", rating: 40 },
      { domainId: "own", rating: 30 },
    ],
  },
  {
    takenAt: "2026-01-01T09:00:00.000Z",
    ratings: [
      { domainId: "career", rating: 40 },
      { domainId: "health", rating: 50 },
    ],
  },
  {
    takenAt: "2026-02-01T09:00:00.000Z",
    ratings: [
      { domainId: "career", rating: 50 },
      { domainId: "health", rating: 50 },
    ],
  },
];

describe("summarizeAudits", () => {
  it("orders audits by time and reports each domain's change since its previous and first rating", () => {
    const s = summarizeAudits(audits);
    expect(s.audits).toBe(3);
    expect(s.firstAt).toBe("2026-01-01T09:00:00.000Z");
    expect(s.previousAt).toBe("2026-02-01T09:00:00.000Z");
    expect(s.latestAt).toBe("2026-03-01T09:00:00.000Z");
    expect(s.domains).toEqual([
      {
        domainId: "career",
        audits: 3,
        latest: 60,
        previous: 50,
        first: 40,
        changeSincePrevious: 10,
        changeSinceFirst: 20,
      },
      {
        domainId: "health",
        audits: 3,
        latest: 40,
        previous: 50,
        first: 50,
        changeSincePrevious: -10,
        changeSinceFirst: -10,
      },
      {
        domainId: "own",
        audits: 1,
        latest: 30,
        previous: null,
        first: 30,
        changeSincePrevious: null,
        changeSinceFirst: 0,
      },
    ]);
  });

  it("measures generality as the spread of the latest ratings (population SD and range)", () => {
    const g = summarizeAudits(audits).generality;
    // latest: 60, 40, 30 → mean 43.33; deviations 16.67, −3.33, −13.33
    expect(g?.domains).toBe(3);
    expect(g?.mean).toBeCloseTo(130 / 3, 10);
    expect(g?.sd).toBeCloseTo(Math.sqrt((16.6667 ** 2 + 3.3333 ** 2 + 13.3333 ** 2) / 3), 3);
    expect(g?.range).toBe(30);
    expect(g?.min).toBe(30);
    expect(g?.max).toBe(60);
  });

  it("is empty without audits", () => {
    expect(summarizeAudits([])).toEqual({
      audits: 0,
      firstAt: null,
      previousAt: null,
      latestAt: null,
      domains: [],
      generality: null,
    });
  });
});
