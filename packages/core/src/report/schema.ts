import { z } from "zod";
import type { AnxietyVsOutcome } from "../engine/anxiety";
import type { BeliefCalibration } from "../engine/calibration";

import { REPORT_SECTIONS } from "./sections";

export { REPORT_SECTION_TITLES, REPORT_SECTIONS } from "./sections";
export const ReportSection = z.enum(REPORT_SECTIONS);
export type ReportSection = z.infer<typeof ReportSection>;

const Day = z.iso.date({ error: "must be a date as YYYY-MM-DD" });
const list = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v === "" ? [] : v.split(",")))
    .pipe(z.array(item).max(50));

/** The report's choices as a query string: `?from=…&to=…&goalIds=a,b&sections=audit,evidence`. */
export const ReportQuery = z
  .object({
    from: Day.optional().describe("First day included (default: 90 days before `to`)"),
    to: Day.optional().describe("Last day included (default: today)"),
    goalIds: list(z.string().min(1).max(64)).describe("Comma-separated; empty = every goal"),
    sections: list(ReportSection).describe(
      `Comma-separated from ${REPORT_SECTIONS.join(", ")}; empty = all`,
    ),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    path: ["to"],
    error: "must not be before from",
  });
export type ReportQuery = z.infer<typeof ReportQuery>;

export type ReportData = {
  email: string;
  from: string;
  to: string;
  /** The person's IANA time zone (UTC when unset): the days above and every date shown are in it. */
  timeZone: string;
  generatedAt: string;
  sections: ReportSection[];
  audits: {
    domains: { id: string; name: string }[];
    audits: { takenAt: string; ratings: Record<string, number> }[];
  };
  goals: {
    statement: string;
    status: string;
    steps: {
      title: string;
      confidence: number | null;
      attempts: number;
      done: number;
      partly: number;
      mastered: boolean;
    }[];
  }[];
  calibration: BeliefCalibration;
  anxiety: AnxietyVsOutcome;
  evidence: { title: string; body: string; occurredOn: string; ownership: number }[];
  reflections: {
    attemptedAt: string;
    step: string;
    outcome: string;
    didWell: string;
    capability: string;
    differently: string;
  }[];
};
