import type { AttemptSummary, Step, StepRating } from "@cando/core";

/** One step's confidence (the person's ratings) and the model's predicted success, over time. */
export type ConfidenceHistory = {
  /** Seconds since the epoch, ascending: every rating's and attempt's time, then now. */
  xs: number[];
  /** Percent, aligned with `xs`; null where there is no point. */
  confidence: (number | null)[];
  predicted: (number | null)[];
  /** The same points as rows of a table, oldest first. */
  rows: { at: string; confidence: number | null; predicted: number | null }[];
};

const pct = (p: number) => Math.round(p * 1000) / 10;

/**
 * A step's ratings history against the model's predicted success: each rating is a confidence
 * point; each attempt's stored prediction, and the prediction now, are predicted points.
 */
export function confidenceHistory(
  ratings: readonly StepRating[],
  attempts: readonly Pick<AttemptSummary, "stepId" | "attemptedAt" | "predictedSuccess">[],
  step: Step,
  nowIso: string,
): ConfidenceHistory {
  const points = new Map<string, { confidence: number | null; predicted: number | null }>();
  const at = (iso: string) => {
    const seen = points.get(iso) ?? { confidence: null, predicted: null };
    points.set(iso, seen);
    return seen;
  };
  for (const r of ratings) if (r.stepId === step.id) at(r.ratedAt).confidence = r.confidence;
  for (const a of attempts) {
    if (a.stepId === step.id && a.predictedSuccess !== null) {
      at(a.attemptedAt).predicted = pct(a.predictedSuccess);
    }
  }
  at(nowIso).predicted = pct(step.predictedSuccess);
  const rows = [...points.entries()]
    .sort(([a], [b]) => Date.parse(a) - Date.parse(b))
    .map(([iso, p]) => ({ at: iso, ...p }));
  return {
    xs: rows.map((r) => Date.parse(r.at) / 1000),
    confidence: rows.map((r) => r.confidence),
    predicted: rows.map((r) => r.predicted),
    rows,
  };
}

/** What the chart shows, as one sentence for screen readers. */
export function confidenceSummary(title: string, history: ConfidenceHistory): string {
  const rated = history.rows.filter((r) => r.confidence !== null);
  const first = rated[0]?.confidence;
  const last = rated[rated.length - 1]?.confidence;
  const now = history.predicted[history.predicted.length - 1];
  const yours =
    first === undefined
      ? "not rated yet"
      : rated.length === 1
        ? `rated ${first}%`
        : `rated ${first}% at first and ${last}% most recently`;
  return `Line chart for ${title}: your confidence, ${yours}, against the model's predicted success, ${Math.round(now ?? 0)}% now. The table below has the numbers.`;
}
