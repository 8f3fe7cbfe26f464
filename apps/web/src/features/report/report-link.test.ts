import { describe, expect, it } from "vitest";
import { daysBefore, reportHref } from "./report-link";

describe("reportHref", () => {
  it("puts the choices in the query, leaving out what means all", () => {
    expect(
      reportHref({
        from: "2026-09-01",
        to: "2026-11-30",
        goalIds: ["g1", "g2"],
        allGoals: false,
        sections: ["ladders", "evidence"],
      }),
    ).toBe(
      "/api/report.html?from=2026-09-01&to=2026-11-30&goalIds=g1%2Cg2&sections=ladders%2Cevidence",
    );
    expect(reportHref({ from: "", to: "", goalIds: ["g1"], allGoals: true, sections: [] })).toBe(
      "/api/report.html",
    );
  });

  it("counts days back", () => {
    expect(daysBefore("2026-03-01", 1)).toBe("2026-02-28");
  });
});
