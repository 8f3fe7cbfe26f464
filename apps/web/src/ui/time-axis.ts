import type uPlot from "uplot";
import { dateFormat } from "./format";

const DAY_S = 86_400;
// Tick spacings for a time axis: whole days up to years, so labels are always dates.
const TIME_INCREMENTS = [1, 2, 7, 14, 30, 61, 91, 182, 365, 730].map((days) => days * DAY_S);

/**
 * The x range of a time chart (seconds): the data plus a little room so the first and last
 * points are not cut by the edge; at least two weeks wide, so one point (or two on one day)
 * sits mid-chart instead of at the left edge of a years-long axis.
 */
export function timeRange(min: number, max: number): [number, number] {
  const minSpan = 14 * DAY_S;
  if (max - min < minSpan) {
    const mid = (min + max) / 2;
    return [mid - minSpan / 2, mid + minSpan / 2];
  }
  const pad = (max - min) * 0.04;
  return [min - pad, max + pad];
}

/** Axis labels such as "28 Aug", with the year under the first label and at each new year. */
export function timeLabels(splits: number[]): string[] {
  const dayMonth = dateFormat(undefined, { day: "numeric", month: "short" });
  return splits.map((s, i) => {
    const date = new Date(s * 1000);
    const previous = splits[i - 1];
    const newYear =
      previous === undefined || new Date(previous * 1000).getFullYear() !== date.getFullYear();
    return newYear ? `${dayMonth.format(date)}\n${date.getFullYear()}` : dayMonth.format(date);
  });
}

/**
 * A time x scale fixed to `timeRange` of the data. uPlot does not ask a range function when
 * there is a single point (it picks years around it), so the range is given outright.
 */
export function timeScale(xs: readonly number[]): uPlot.Scale {
  const min = Math.min(...xs);
  const max = Math.max(...xs);
  const [from, to] = xs.length === 0 ? [0, 14 * DAY_S] : timeRange(min, max);
  return { time: true, auto: false, min: from, max: to, range: () => [from, to] };
}

/** The x axis of a time chart, on the shared axis look. */
export function timeAxis(base: uPlot.Axis): uPlot.Axis {
  return { ...base, space: 72, incrs: TIME_INCREMENTS, values: (_u, splits) => timeLabels(splits) };
}
