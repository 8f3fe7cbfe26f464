import { useMemo } from "preact/hooks";
import type uPlot from "uplot";
import { chartAxis, cssColour, seriesStyle } from "../../ui/chart-style";
import { LazyPlot, LegendSwatch } from "../../ui/lazy-plot";
import { timeAxis, timeScale } from "../../ui/time-axis";
import { buildChartData, type HistoryTable } from "./history";

function chartHeight(width: number): number {
  return width < 500 ? 240 : 300;
}

function options(table: HistoryTable, width: number): uPlot.Options {
  const axis = chartAxis();
  const xs = table.rows.map((r) => Date.parse(r.takenAt) / 1000);
  return {
    width,
    height: chartHeight(width),
    legend: { show: false },
    cursor: { show: false },
    select: { show: false, left: 0, top: 0, width: 0, height: 0 },
    scales: {
      x: timeScale(xs),
      y: { range: [0, 100] },
    },
    axes: [timeAxis(axis), { ...axis, size: 44, splits: () => [0, 20, 40, 60, 80, 100] }],
    series: [
      {},
      ...table.columns.map((column, i) => {
        const style = seriesStyle(i);
        const colour = cssColour(style.token);
        return {
          label: column.name,
          stroke: colour,
          dash: style.dash,
          width: 2.5,
          points: { show: true, size: 8, fill: colour, stroke: colour },
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
