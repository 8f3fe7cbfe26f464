/** What a report for a therapist, coach or mentor can hold; the person picks. */
export const REPORT_SECTIONS = [
  "audit",
  "ladders",
  "calibration",
  "anxiety",
  "evidence",
  "reflections",
] as const;
export type ReportSectionName = (typeof REPORT_SECTIONS)[number];

export const REPORT_SECTION_TITLES: Record<ReportSectionName, string> = {
  audit: "Audit over time",
  ladders: "Ladders and outcomes",
  calibration: "Belief calibration",
  anxiety: "Anxiety and outcome",
  evidence: "Evidence",
  reflections: "Reflections",
};
