import type { AttemptSummary, Step } from "@cando/core";

export type PredictionStep = {
  id: string;
  title: string;
  /** Percent predicted before its first attempt, before its latest attempt, and now. */
  first: number;
  latest: number;
  now: number;
  attempts: number;
};

/** The ladder's predicted success per step over time, as a chart and a table need it. */
export type PredictionHistory = {
  steps: PredictionStep[];
  /** Seconds since the epoch, ascending: every attempt's time, then now. */
  xs: number[];
  /** One series per step (percent), aligned with `xs`; null where the step has no point. */
  series: (number | null)[][];
};

const pct = (p: number) => Math.round(p * 1000) / 10;

/**
 * Each attempt stores the prediction it was made at (`predictedSuccess`); with the ladder's
 * prediction now, that is each step's predicted success over time, without another request.
 * Only steps still on the ladder and attempted at least once have a history.
 */
export function predictionHistory(
  attempts: readonly Pick<AttemptSummary, "stepId" | "attemptedAt" | "predictedSuccess">[],
  steps: readonly Step[],
  nowIso: string,
): PredictionHistory {
  const now = Date.parse(nowIso) / 1000;
  const byStep = new Map<string, { at: number; p: number }[]>();
  for (const a of attempts) {
    if (a.predictedSuccess === null) continue;
    const list = byStep.get(a.stepId) ?? [];
    list.push({ at: Date.parse(a.attemptedAt) / 1000, p: pct(a.predictedSuccess) });
    byStep.set(a.stepId, list);
  }
  const withHistory = steps.filter((s) => byStep.has(s.id));
  const xs = [...new Set([...[...byStep.values()].flat().map((pt) => pt.at), now])].sort(
    (a, b) => a - b,
  );
  const index = new Map(xs.map((x, i) => [x, i]));
  const result: PredictionStep[] = [];
  const series: (number | null)[][] = [];
  for (const step of withHistory) {
    const points = (byStep.get(step.id) ?? []).sort((a, b) => a.at - b.at);
    const line: (number | null)[] = xs.map(() => null);
    for (const pt of points) line[index.get(pt.at) ?? 0] = pt.p;
    const current = pct(step.predictedSuccess);
    line[index.get(now) ?? xs.length - 1] = current;
    series.push(line);
    result.push({
      id: step.id,
      title: step.title,
      first: points[0]?.p ?? current,
      latest: points[points.length - 1]?.p ?? current,
      now: current,
      attempts: points.length,
    });
  }
  return { steps: result, xs, series };
}

/** What the chart shows, as one sentence for screen readers. */
export function predictionSummary(history: PredictionHistory): string {
  const parts = history.steps.map(
    (s) => `${s.title}: ${Math.round(s.first)}% at its first attempt, ${Math.round(s.now)}% now`,
  );
  return `Line chart of each step's predicted success over time, measured at every attempt and now. ${parts.join("; ")}. The table below has the numbers.`;
}
