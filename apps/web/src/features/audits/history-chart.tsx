import { useMemo } from "preact/hooks";
import type uPlot from "uplot";
import { CHART_AXIS, LazyPlot, LegendSwatch } from "../../ui/lazy-plot";
import { seriesStyle } from "./chart-style";
import { buildChartData, type HistoryTable } from "./history";

const DAY_S = 86_400;
// Tick spacings for the time axis: whole days up to years, so labels are always dates.
const TIME_INCREMENTS = [1, 2, 7, 14, 30, 61, 91, 182, 365, 730].map((days) => days * DAY_S);

/**
 * The x range: the audits plus a little room so the first and last points are not cut by the
 * edge; at least two weeks wide, so one audit (or two on one day) sits mid-chart.
 */
function timeRange(min: number, max: number): [number, number] {
  const minSpan = 14 * DAY_S;
  if (max - min < minSpan) {
    const mid = (min + max) / 2;
    return [mid - minSpan / 2, mid + minSpan / 2];
  }
  const pad = (max - min) * 0.04;
  return [min - pad, max + pad];
}

/** Axis labels such as "28 Aug", with the year under the first label and at each new year. */
function timeLabels(splits: number[]): string[] {
  const dayMonth = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short" });
  return splits.map((s, i) => {
    const date = new Date(s * 1000);
    const previous = splits[i - 1];
    const newYear =
      previous === undefined || new Date(previous * 1000).getFullYear() !== date.getFullYear();
    return newYear ? `${dayMonth.format(date)}\n${date.getFullYear()}` : dayMonth.format(date);
  });
}

function chartHeight(width: number): number {
  return width < 500 ? 240 : 300;
}

function options(table: HistoryTable, width: number): uPlot.Options {
  const axis = CHART_AXIS;
  return {
    width,
    height: chartHeight(width),
    legend: { show: false },
    cursor: { show: false },
    select: { show: false, left: 0, top: 0, width: 0, height: 0 },
    scales: {
      x: { time: true, range: (_u, min, max) => timeRange(min, max) },
      y: { range: [0, 100] },
    },
    axes: [
      {
        ...axis,
        space: 72,
        incrs: TIME_INCREMENTS,
        values: (_u, splits) => timeLabels(splits),
      },
      { ...axis, size: 44, splits: () => [0, 20, 40, 60, 80, 100] },
    ],
    series: [
      {},
      ...table.columns.map((column, i) => {
        const style = seriesStyle(i);
        return {
          label: column.name,
          stroke: style.colour,
          dash: style.dash,
          width: 2.5,
          points: { show: true, size: 8, fill: style.colour, stroke: style.colour },
          spanGaps: false,
        };
      }),
    ],
  };
}

/** The ratings as lines over time; uPlot is fetched only when this chart is first shown. */
export function HistoryChart(props: { table: HistoryTable; summary: string }) {
  const data = useMemo(() => buildChartData(props.table), [props.table]);
  return (
    <LazyPlot
      options={(width) => options(props.table, width)}
      data={data}
      summary={props.summary}
      unavailable="The chart could not be loaded; the table below has every rating."
      legend={props.table.columns.map((column, i) => {
        const style = seriesStyle(i);
        return (
          <li key={column.domainId}>
            <LegendSwatch colour={style.colour} dash={style.dash} />
            {column.name}
            {column.archived && <span class="muted"> (archived)</span>}
          </li>
        );
      })}
    />
  );
}
