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
    reflectionWeekday: null,
    practiceTime: null,
    reflectionTime: null,
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
  practiceEntries: [],
  practiceRestDays: [],
  practiceTargets: [],
  reflections: [],
  routines: [],
  routineRuns: [],
  attemptStarts: [],
  roleModels: [],
  roleModelSteps: [],
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
    expect(files["practiceEntries.csv"]).toBe("id,goalId,day,minutes,what,note,createdAt\r\n");
    expect(files["account.csv"]).toBe(
      "email,createdAt,timeZone,weekStartsOn,reflectionWeekday,practiceTime,reflectionTime\r\nada@example.test,2026-11-01T09:00:00.000Z,,,,,\r\n",
    );
    expect(files["domains.csv"]).toBe(
      'id,key,name,position,archivedAt,createdAt\r\nd1,,"\'=HYPERLINK(""x""), ""quoted""",0,,2026-11-01T09:00:00.000Z\r\n',
    );
  });
});

describe("parseExport", () => {
  it("reads a file written before the rhythm's tables as having none, and checks their references", () => {
    const {
      practiceEntries: _p,
      practiceRestDays: _r,
      practiceTargets: _t,
      reflections: _f,
      roleModels: _m,
      roleModelSteps: _s,
      ...older
    } = empty;
    const {
      reflectionWeekday: _w,
      practiceTime: _pt,
      reflectionTime: _rt,
      ...olderAccount
    } = empty.account;
    const parsed = parseExport({ ...older, account: olderAccount });
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.file.practiceEntries).toEqual([]);
      expect(parsed.file.roleModels).toEqual([]);
      expect(parsed.file.account.reflectionWeekday).toBeNull();
      expect(parsed.file.account.practiceTime).toBeNull();
    }
    const entry = {
      id: "p1",
      goalId: "nowhere",
      day: "2026-11-20",
      minutes: 30,
      what: "scales",
      note: "",
      createdAt: "2026-11-20T09:00:00.000Z",
    };
    const reflection = {
      id: "r1",
      weekEnd: "2026-11-22",
      accomplished: "",
      overcame: "",
      learned: "",
      nextWeek: "",
      createdAt: "2026-11-22T09:00:00.000Z",
      updatedAt: "2026-11-22T09:00:00.000Z",
    };
    const bad = parseExport({
      ...empty,
      practiceEntries: [entry],
      reflections: [reflection, { ...reflection, id: "r2" }],
      roleModelSteps: [
        {
          id: "s1",
          roleModelId: "nobody",
          what: "Spoke at a meetup",
          timing: "",
          stepId: "nowhere",
          createdAt: "2026-11-20T09:00:00.000Z",
          updatedAt: "2026-11-20T09:00:00.000Z",
        },
      ],
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.problems.map((p) => p.path)).toEqual(
        expect.arrayContaining([
          "practiceEntries.0.goalId",
          "reflections.1.weekEnd",
          "roleModelSteps.0.roleModelId",
          "roleModelSteps.0.stepId",
        ]),
      );
    }
  });

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
