import { describe, expect, it } from "vitest";
import { buildAudit, buildDomain } from "../../test-support/builders";
import { auditLabels, buildChartData, buildHistoryTable, chartSummary } from "./history";

const career = buildDomain({ id: "career", name: "Career", position: 0 });
const health = buildDomain({ id: "health", name: "Health", position: 1 });
const finances = buildDomain({
  id: "finances",
  name: "Finances",
  position: 2,
  archivedAt: "2025-03-01T00:00:00.000Z",
});
const speaking = buildDomain({ id: "speaking", name: "Public speaking", position: 5 });

const march = buildAudit({
  id: "a2",
  takenAt: "2025-03-05T10:00:00.000Z",
  ratings: [
    { domainId: "career", rating: 60 },
    { domainId: "health", rating: 50 },
  ],
});
const january = buildAudit({
  id: "a1",
  takenAt: "2025-01-05T10:00:00.000Z",
  note: "baseline",
  ratings: [
    { domainId: "health", rating: 30 },
    { domainId: "career", rating: 40 },
    { domainId: "finances", rating: 20 },
  ],
});

describe("buildHistoryTable", () => {
  const table = buildHistoryTable([march, january], [speaking, finances, health, career]);

  it("has a column per domain ever rated, in the person's order, archived ones marked", () => {
    expect(table.columns).toEqual([
      { domainId: "career", name: "Career", archived: false },
      { domainId: "health", name: "Health", archived: false },
      { domainId: "finances", name: "Finances", archived: true },
    ]);
  });

  it("has a row per audit, oldest first, with null where a domain was not rated", () => {
    expect(table.rows).toEqual([
      { auditId: "a1", takenAt: january.takenAt, note: "baseline", ratings: [40, 30, 20] },
      { auditId: "a2", takenAt: march.takenAt, note: null, ratings: [60, 50, null] },
    ]);
  });

  it("is empty without audits", () => {
    expect(buildHistoryTable([], [career])).toEqual({ columns: [], rows: [] });
  });
});

describe("buildChartData", () => {
  it("gives x in seconds and one series per column", () => {
    const table = buildHistoryTable([january, march], [career, health, finances]);
    expect(buildChartData(table)).toEqual([
      [Date.parse(january.takenAt) / 1000, Date.parse(march.takenAt) / 1000],
      [40, 60],
      [30, 50],
      [20, null],
    ]);
  });
});

describe("chartSummary", () => {
  const day = (iso: string) => iso.slice(0, 10);

  it("describes the span and the latest ratings", () => {
    const table = buildHistoryTable([january, march], [career, health, finances]);
    expect(chartSummary(table, day)).toBe(
      "Line chart of your ratings (0 to 100) over 2 audits, from 2025-01-05 to 2025-03-05. " +
        "Latest: Career 60, Health 50. The table below lists every rating.",
    );
  });

  it("speaks of a single audit in the singular", () => {
    const table = buildHistoryTable([march], [career, health]);
    expect(chartSummary(table, day)).toContain("over 1 audit, on 2025-03-05.");
  });
});

describe("auditLabels", () => {
  it("adds the time only where two audits share a day", () => {
    const labels = auditLabels(
      ["2025-01-05T09:00:00Z", "2025-01-05T18:00:00Z", "2025-02-01T09:00:00Z"],
      (iso) => iso.slice(0, 10),
      (iso) => iso.slice(0, 16),
    );
    expect(labels).toEqual(["2025-01-05T09:00", "2025-01-05T18:00", "2025-02-01"]);
  });
});
