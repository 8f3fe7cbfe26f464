import { z } from "zod";
import { AuditDue } from "../audits/schema";
import { Evidence } from "../evidence/schema";
import { Goal } from "../goals/schema";
import { RecommendationOut, Step } from "../ladders/schema";
import { Milestone } from "../milestones/schema";

export const CalibrationSummary = z.object({
  verdict: z.enum(["under_confident", "calibrated", "over_confident", "not_enough_data"]),
  attempts: z.number().int(),
  bias: z.number().nullable(),
  sentence: z.string(),
});
export type CalibrationSummary = z.infer<typeof CalibrationSummary>;

export const DoubtResponse = z.object({
  evidence: z
    .array(Evidence)
    .describe("Most relevant first: same step, same goal, domain; effortful first"),
  calibration: CalibrationSummary.nullable().describe("Only with enough attempts for a verdict"),
});
export type DoubtResponse = z.infer<typeof DoubtResponse>;

export const TodayItem = z.object({
  goal: Goal,
  step: Step,
  recommendation: RecommendationOut,
});
export type TodayItem = z.infer<typeof TodayItem>;

export const TodayResponse = z.object({
  items: z.array(TodayItem).describe("One per active goal with a ladder"),
  goalsWithoutLadder: z.array(Goal),
  audit: AuditDue,
  milestones: z.array(Milestone).describe("Not yet celebrated"),
});
export type TodayResponse = z.infer<typeof TodayResponse>;
