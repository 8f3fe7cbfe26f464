import { z } from "zod";
import { PreparationOut } from "../prepare/schema";

// Mirrors of the engine's results (engine/calibration.ts, anxiety.ts, attribution.ts,
// audit-summary.ts), so the API documents what it returns.

const points = z.number().nullable();

export const CalibrationOut = z.object({
  attempts: z.number().int(),
  meanConfidence: points,
  successPercent: points,
  bias: points.describe(
    "mean confidence − success rate, in points; negative = belief lags the evidence",
  ),
  verdict: z.enum(["under_confident", "calibrated", "over_confident", "not_enough_data"]),
  table: z.array(
    z.object({
      bin: z.number().int(),
      count: z.number().int(),
      meanConfidence: points,
      successPercent: points,
    }),
  ),
  byMonth: z.array(
    z.object({
      month: z.string(),
      attempts: z.number().int(),
      meanConfidence: z.number(),
      successPercent: z.number(),
      bias: z.number(),
    }),
  ),
  sentence: z.string(),
});

const AnxietyGroupOut = z.object({ count: z.number().int(), successPercent: points });

export const AnxietyOut = z.object({
  attempts: z.number().int(),
  high: AnxietyGroupOut.describe("Attempts with anxiety before ≥ 6"),
  low: AnxietyGroupOut.describe("Attempts with anxiety before ≤ 4"),
  difference: points,
  correlation: points,
  verdict: z.enum([
    "not_enough_data",
    "no_clear_link",
    "higher_anxiety_went_with_setbacks",
    "higher_anxiety_went_with_success",
  ]),
  sentence: z.string(),
});

export const AttributionMonthOut = z.object({
  month: z.string(),
  debriefs: z.number().int(),
  rated: z.number().int(),
  adaptive: z.number().int(),
  adaptiveShare: points,
  discountedSuccesses: z.number().int(),
  fixedAbilitySetbacks: z.number().int(),
});

export const AuditSummaryOut = z.object({
  audits: z.number().int(),
  firstAt: z.string().nullable(),
  previousAt: z.string().nullable(),
  latestAt: z.string().nullable(),
  domains: z.array(
    z.object({
      domainId: z.string(),
      audits: z.number().int(),
      latest: z.number(),
      previous: points,
      first: z.number(),
      changeSincePrevious: points,
      changeSinceFirst: z.number(),
    }),
  ),
  generality: z
    .object({
      domains: z.number().int(),
      mean: z.number(),
      sd: z.number(),
      range: z.number(),
      min: z.number(),
      max: z.number(),
    })
    .nullable(),
});

export const ModelCalibrationOut = z.object({
  attempts: z.number().int().describe("Attempts with a stored prediction"),
  enough: z.boolean().describe("Enough attempts to show it"),
  minAttempts: z.number().int(),
  table: z.array(
    z.object({
      bin: z.number().int(),
      count: z.number().int(),
      meanPredicted: z.number().nullable(),
      successPercent: z.number().nullable(),
    }),
  ),
  gap: z.number().nullable().describe("Average gap between prediction and outcome, in points"),
  sentence: z.string(),
});

export const InsightsResponse = z.object({
  calibration: CalibrationOut.describe("Confidence stated before attempts vs what happened"),
  anxiety: AnxietyOut.describe("Did anxiety before an attempt predict its outcome?"),
  attribution: z.array(AttributionMonthOut).describe("Share of adaptive attributions per month"),
  audit: AuditSummaryOut.describe("Change per domain between audits, and generality"),
  prediction: ModelCalibrationOut.describe(
    "How well Cando predicts you: stored predicted success vs outcome",
  ),
  preparation: PreparationOut.describe(
    "Anxiety before vs after, success with and without the routine, when confidence was rated",
  ),
});
export type InsightsResponse = z.infer<typeof InsightsResponse>;
