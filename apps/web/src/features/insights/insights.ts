import type { Domain, InsightsResponse } from "@cando/core";
import { CALIBRATION_MIN_ATTEMPTS } from "@cando/core/constants";
import { dateFormat } from "../../ui/format";

// Pure helpers of the Insights page: the engine's numbers turned into rows and plain words.

export type Calibration = InsightsResponse["calibration"];
export type Anxiety = InsightsResponse["anxiety"];
export type AttributionMonth = InsightsResponse["attribution"][number];
export type AuditSummary = InsightsResponse["audit"];

/** `GET /api/insights`, for all goals ("") or one. */
export function insightsApiPath(goalId: string): string {
  return goalId === "" ? "/api/insights" : `/api/insights?goalId=${encodeURIComponent(goalId)}`;
}

/** The page's own address with its goal filter. */
export function insightsPagePath(goalId: string): string {
  return goalId === "" ? "/insights" : `/insights?goalId=${encodeURIComponent(goalId)}`;
}

/** A percentage for a 0–100 value, or a dash when there is none. */
export function formatPercent(value: number | null): string {
  return value === null ? "—" : `${Math.round(value)}%`;
}

/** A signed whole number of points with a real minus sign: "+5", "−12", "0". */
export function signedPoints(value: number): string {
  const n = Math.round(value);
  if (n > 0) return `+${n}`;
  if (n < 0) return `−${Math.abs(n)}`;
  return "0";
}

/** "Nov 2026" for the engine's "2026-11" (months are UTC calendar months). */
export function monthLabel(month: string, locale?: string): string {
  const [year, m] = month.split("-").map(Number);
  if (year === undefined || m === undefined || !Number.isFinite(year) || !Number.isFinite(m)) {
    return month;
  }
  return dateFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(year, m - 1, 1)),
  );
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** How many more attempts with a stated confidence a verdict needs (0 when there are enough). */
export function attemptsNeeded(attempts: number, min = CALIBRATION_MIN_ATTEMPTS): number {
  return Math.max(0, min - attempts);
}

/** Said instead of a verdict while there are too few attempts. */
export function attemptsNeededText(attempts: number, min = CALIBRATION_MIN_ATTEMPTS): string {
  const verdict = "Cando can tell you whether your belief keeps up with your results.";
  if (attempts === 0) {
    return `You have not yet said how confident you were before an attempt. After ${plural(min, "attempt", "attempts")} with a stated confidence, ${verdict}`;
  }
  const more = attemptsNeeded(attempts, min);
  return `You have said how confident you were before ${plural(attempts, "attempt", "attempts")}. ${plural(more, "more", "more")} and ${verdict}`;
}

/** The verdict as a short headline, or null when there is not enough data for one. */
export function calibrationHeadline(verdict: Calibration["verdict"]): string | null {
  switch (verdict) {
    case "under_confident":
      return "Your results are ahead of your belief";
    case "over_confident":
      return "Your belief is ahead of your results";
    case "calibrated":
      return "Your belief matches your results";
    case "not_enough_data":
      return null;
  }
}

/** A line on what the verdict means for the person, kind in each case. */
export function calibrationMeaning(verdict: Calibration["verdict"]): string | null {
  switch (verdict) {
    case "under_confident":
      return "This is the imposter pattern: you expect less than you go on to do. The evidence says you can do more than you believe.";
    case "over_confident":
      return "You expect a little more than happens so far. Smaller steps can help your results catch up.";
    case "calibrated":
      return "What you expect before an attempt is close to what happens: a good base for choosing next steps.";
    case "not_enough_data":
      return null;
  }
}

/** The bias in points as words: "45 points below your results". */
export function biasText(bias: number | null): string | null {
  if (bias === null) return null;
  const n = Math.round(bias);
  if (n === 0) return "Your stated confidence matched your success rate.";
  const points = plural(Math.abs(n), "point", "points");
  return n < 0
    ? `On average your stated confidence was ${points} below your success rate.`
    : `On average your stated confidence was ${points} above your success rate.`;
}

export type CalibrationRow = {
  bin: number;
  label: string;
  count: number;
  stated: string;
  actual: string;
};

/** The calibration table's rows: only the confidence ranges the person has used. */
export function calibrationRows(table: Calibration["table"]): CalibrationRow[] {
  return table
    .filter((b) => b.count > 0)
    .map((b) => ({
      bin: b.bin,
      label: b.bin >= 90 ? "90–100%" : `${b.bin}–${b.bin + 9}%`,
      count: b.count,
      stated: formatPercent(b.meanConfidence),
      actual: formatPercent(b.successPercent),
    }));
}

/** One circle of the calibration plot: a range of stated confidence and how it went. */
export type CalibrationPoint = { stated: number; actual: number; count: number };

/** The bins with attempts, as points: x the mean confidence stated, y the success rate. */
export function calibrationPoints(table: Calibration["table"]): CalibrationPoint[] {
  return table.flatMap((b) =>
    b.count > 0 && b.meanConfidence !== null && b.successPercent !== null
      ? [{ stated: b.meanConfidence, actual: b.successPercent, count: b.count }]
      : [],
  );
}

/** A circle's radius in CSS pixels: its area grows with the number of attempts behind it. */
export function pointRadius(count: number, maxCount: number): number {
  if (maxCount <= 0) return 4;
  return 4 + 10 * Math.sqrt(count / maxCount);
}

/** What the calibration plot shows, as one sentence for screen readers. */
export function calibrationPlotSummary(points: readonly CalibrationPoint[]): string {
  const parts = points.map(
    (p) =>
      `said ${Math.round(p.stated)}%, succeeded ${Math.round(p.actual)}% (${p.count} ${p.count === 1 ? "attempt" : "attempts"})`,
  );
  return `Calibration plot: stated confidence across, actual success up; on the diagonal, belief matches results. ${parts.join("; ")}. The table below has the same numbers.`;
}

/** The month-by-month trend needs at least two months to be a line. */
export function hasTrend(calibration: Calibration): boolean {
  return calibration.byMonth.length >= 2;
}

/** A y range that always holds zero and every month, in whole tens, at least ±20. */
export function biasRange(biases: readonly number[]): [number, number] {
  const reach = Math.max(20, ...biases.map((b) => Math.ceil(Math.abs(b) / 10) * 10));
  const top = Math.min(100, reach);
  return [-top, top];
}

/** What the bias chart shows, as one sentence for screen readers. */
export function trendSummary(byMonth: Calibration["byMonth"], locale?: string): string {
  const first = byMonth[0];
  const last = byMonth[byMonth.length - 1];
  if (first === undefined || last === undefined) return "No months yet.";
  return `Line chart of the gap between stated confidence and success, per month, from ${monthLabel(first.month, locale)} (${signedPoints(first.bias)} points) to ${monthLabel(last.month, locale)} (${signedPoints(last.bias)} points). Below zero, belief lags the evidence. The table below has every month.`;
}

export type AnxietyRow = { label: string; count: number; success: string };

export function anxietyRows(anxiety: Anxiety): AnxietyRow[] {
  return [
    {
      label: "High (6 or more)",
      count: anxiety.high.count,
      success: formatPercent(anxiety.high.successPercent),
    },
    {
      label: "Low (4 or less)",
      count: anxiety.low.count,
      success: formatPercent(anxiety.low.successPercent),
    },
  ];
}

export type AttributionRow = {
  month: string;
  label: string;
  rated: number;
  adaptive: string;
  discounted: number;
  fixed: number;
};

export function attributionRows(months: readonly AttributionMonth[], locale?: string) {
  return months.map(
    (m): AttributionRow => ({
      month: m.month,
      label: monthLabel(m.month, locale),
      rated: m.rated,
      adaptive: m.adaptiveShare === null ? "—" : formatPercent(m.adaptiveShare * 100),
      discounted: m.discountedSuccesses,
      fixed: m.fixedAbilitySetbacks,
    }),
  );
}

export type AuditRow = {
  domainId: string;
  name: string;
  latest: number;
  sincePrevious: string;
  sinceFirst: string;
};

/** One row per rated domain, named from the domain list, in the list's order. */
export function auditRows(summary: AuditSummary, domains: readonly Domain[]): AuditRow[] {
  const order = new Map(domains.map((d, i) => [d.id, i]));
  return [...summary.domains]
    .sort(
      (a, b) =>
        (order.get(a.domainId) ?? Number.MAX_SAFE_INTEGER) -
        (order.get(b.domainId) ?? Number.MAX_SAFE_INTEGER),
    )
    .map((d) => ({
      domainId: d.domainId,
      name: domains.find((x) => x.id === d.domainId)?.name ?? "A removed domain",
      latest: d.latest,
      sincePrevious:
        d.changeSincePrevious === null ? "first rating" : signedPoints(d.changeSincePrevious),
      sinceFirst: d.audits < 2 ? "first rating" : signedPoints(d.changeSinceFirst),
    }));
}

/** Generality (how far belief extends across domains) in one sentence. */
export function generalitySentence(generality: AuditSummary["generality"]): string | null {
  if (generality === null) return null;
  const { domains, min, max, sd } = generality;
  if (domains < 2) return "Rate more than one domain to see how far your belief reaches.";
  const spread = Math.round(sd);
  const reading =
    spread <= 10
      ? "your belief is fairly even across areas of life"
      : spread >= 20
        ? "your belief differs a lot between areas of life: what works where you feel sure can be carried to where you do not"
        : "your belief differs somewhat between areas of life";
  return `In your latest audit your ratings over ${domains} domains run from ${Math.round(min)} to ${Math.round(max)} (spread ${spread} points): ${reading}.`;
}

/** Nothing at all to show: no attempts, debriefs or audits. */
export function isEmpty(data: InsightsResponse): boolean {
  return (
    data.calibration.attempts === 0 &&
    data.anxiety.attempts === 0 &&
    data.attribution.length === 0 &&
    data.audit.audits === 0
  );
}
