import { describe, expect, it } from "vitest";
import { anxietyVsOutcome } from "../engine/anxiety";
import { calibrateBelief } from "../engine/calibration";
import { renderReportHtml } from "./render";
import type { ReportData } from "./schema";

const data: ReportData = {
  email: "ada@example.test",
  from: "2026-11-01",
  to: "2026-11-30",
  timeZone: "UTC",
  generatedAt: "2026-12-01T09:00:00.000Z",
  sections: ["evidence", "ladders"],
  audits: { domains: [], audits: [] },
  goals: [
    {
      statement: "I can <script>lead</script> a meeting",
      status: "active",
      steps: [
        { title: "Open it", confidence: 60, attempts: 2, done: 1, partly: 1, mastered: false },
      ],
    },
  ],
  calibration: calibrateBelief([]),
  anxiety: anxietyVsOutcome([]),
  evidence: [{ title: "Ran the retro", body: "", occurredOn: "2026-11-12", ownership: 80 }],
  reflections: [],
};

describe("renderReportHtml", () => {
  it("holds the chosen sections in the chosen order, and no others", () => {
    const html = renderReportHtml(data);
    expect(html.indexOf(">Evidence</h2>")).toBeLessThan(html.indexOf(">Ladders and outcomes</h2>"));
    expect(html).not.toContain(">Reflections</h2>");
    expect(html).not.toContain(">Audit over time</h2>");
    expect(html).toContain("@media print");
  });

  it("escapes what the person wrote", () => {
    const html = renderReportHtml(data);
    expect(html).toContain("I can &lt;script&gt;lead&lt;/script&gt; a meeting");
    expect(html).not.toContain("<script>");
  });

  it("dates what happened on the person's own day, in their time zone", () => {
    // 23:30 UTC on 11 November is already 12 November in Auckland (UTC+13 in November).
    const late = "2026-11-11T23:30:00.000Z";
    const reflections: ReportData["reflections"] = [
      {
        attemptedAt: late,
        step: "Open it",
        outcome: "done",
        didWell: "Calm start",
        capability: "",
        differently: "",
      },
    ];
    const html = (timeZone: string) =>
      renderReportHtml({ ...data, timeZone, sections: ["reflections"], reflections });
    expect(html("UTC")).toContain("<h3>2026-11-11 · Open it");
    expect(html("Pacific/Auckland")).toContain("<h3>2026-11-12 · Open it");
    expect(html("Pacific/Auckland")).toContain("(Pacific/Auckland)");
  });
});
