import { describe, expect, it } from "vitest";
import { exportToCsvFiles } from "./csv";
import { parseExport } from "./parse";
import { EXPORT_TABLES, type ExportFile } from "./schema";

const empty: ExportFile = {
  format: "cando-export",
  version: 2,
  exportedAt: "2026-11-22T09:00:00.000Z",
  account: {
    email: "ada@example.test",
    createdAt: "2026-11-01T09:00:00.000Z",
    timeZone: null,
    weekStartsOn: null,
  },
  domains: [],
  audits: [],
  auditRatings: [],
  goals: [],
  steps: [],
  stepRatings: [],
  attempts: [],
  debriefs: [],
  evidence: [],
  milestones: [],
};

describe("exportToCsvFiles", () => {
  it("writes a header for every table, quotes what needs it and defuses formulas", () => {
    const file: ExportFile = {
      ...empty,
      domains: [
        {
          id: "d1",
          key: null,
          name: '=HYPERLINK("x"), "quoted"',
          position: 0,
          archivedAt: null,
          createdAt: "2026-11-01T09:00:00.000Z",
        },
      ],
    };
    const files = exportToCsvFiles(file);
    expect(Object.keys(files).sort()).toEqual(
      ["account", ...EXPORT_TABLES].map((t) => `${t}.csv`).sort(),
    );
    expect(files["goals.csv"]).toBe(
      "id,domainId,statement,outcome,context,targetDate,status,createdAt,updatedAt,reachedAt\r\n",
    );
    expect(files["domains.csv"]).toBe(
      'id,key,name,position,archivedAt,createdAt\r\nd1,,"\'=HYPERLINK(""x""), ""quoted""",0,,2026-11-01T09:00:00.000Z\r\n',
    );
  });
});

describe("parseExport", () => {
  it("accepts an empty account and names every bad field", () => {
    expect(parseExport(empty).ok).toBe(true);
    const bad = parseExport({ ...empty, exportedAt: "yesterday", domains: [{ id: "" }] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.problems.map((p) => p.path)).toEqual(
        expect.arrayContaining(["exportedAt", "domains.0.id", "domains.0.name"]),
      );
    }
  });
});
