import type uPlot from "uplot";
import { chartAxis, cssColour, seriesStyle } from "../../ui/chart-style";
import { timeAxis, timeScale } from "../../ui/time-axis";

/** One line of a percent-over-time chart, in the house style of series `index`. */
export function percentLine(label: string, index: number): uPlot.Series {
  const style = seriesStyle(index);
  const colour = cssColour(style.token);
  return {
    label,
    stroke: colour,
    dash: style.dash,
    width: 2.5,
    // A line's points are its own events: join them across the other lines' times.
    spanGaps: true,
    points: { show: true, size: 7, fill: colour, stroke: colour },
  };
}

/** The goal page's charts of a 0–100% value over time (confidence, predicted success). */
export function percentOverTime(xs: number[], width: number, lines: uPlot.Series[]): uPlot.Options {
  const axis = chartAxis();
  return {
    width,
    height: width < 500 ? 220 : 280,
    legend: { show: false },
    cursor: { show: false },
    select: { show: false, left: 0, top: 0, width: 0, height: 0 },
    scales: { x: timeScale(xs), y: { range: [0, 100] } },
    axes: [
      timeAxis(axis),
      {
        ...axis,
        size: 52,
        splits: () => [0, 20, 40, 60, 80, 100],
        values: (_u, ticks) => ticks.map((t) => `${t}%`),
      },
    ],
    series: [{}, ...lines],
  };
}
