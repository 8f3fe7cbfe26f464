import { useMemo } from "preact/hooks";
import type uPlot from "uplot";
import { chartAxis, cssColour } from "../../ui/chart-style";
import { LazyPlot, LegendSwatch } from "../../ui/lazy-plot";
import { biasRange, type Calibration, monthLabel } from "./insights";

const LINE = "--chart-1";
const ZERO = "--chart-8";

function chartHeight(width: number): number {
  return width < 500 ? 200 : 240;
}

function options(byMonth: Calibration["byMonth"], width: number): uPlot.Options {
  const axis = chartAxis();
  const line = cssColour(LINE);
  const zero = cssColour(ZERO);
  const labels = byMonth.map((m) => monthLabel(m.month));
  const [low, high] = biasRange(byMonth.map((m) => m.bias));
  const step = high > 40 ? 20 : 10;
  // Ticks outward from zero, so the zero line (belief matches results) is always labelled.
  const splits: number[] = [0];
  for (let v = step; v <= high; v += step) splits.push(-v, v);
  splits.sort((a, b) => a - b);
  return {
    width,
    height: chartHeight(width),
    legend: { show: false },
    cursor: { show: false },
    select: { show: false, left: 0, top: 0, width: 0, height: 0 },
    scales: {
      x: { time: false, range: (_u, min, max) => [min - 0.3, max + 0.3] },
      y: { range: [low, high] },
    },
    axes: [
      {
        ...axis,
        space: 60,
        splits: () => byMonth.map((_, i) => i),
        values: (_u, ticks) => ticks.map((t) => labels[t] ?? ""),
      },
      {
        ...axis,
        size: 48,
        splits: () => splits,
        values: (_u, ticks) => ticks.map((t) => (t > 0 ? `+${t}` : t < 0 ? `−${-t}` : "0")),
      },
    ],
    series: [
      {},
      { label: "Calibrated", stroke: zero, width: 1.5, dash: [6, 4], points: { show: false } },
      {
        label: "Gap in points",
        stroke: line,
        width: 2.5,
        points: { show: true, size: 8, fill: line, stroke: line },
      },
    ],
  };
}

/** Bias per month as a line around zero; uPlot is fetched only when this chart is first shown. */
export function CalibrationChart(props: { byMonth: Calibration["byMonth"]; summary: string }) {
  const data = useMemo<uPlot.AlignedData>(
    () => [
      props.byMonth.map((_, i) => i),
      props.byMonth.map(() => 0),
      props.byMonth.map((m) => m.bias),
    ],
    [props.byMonth],
  );
  return (
    <LazyPlot
      class="insights-chart"
      options={(width) => options(props.byMonth, width)}
      data={data}
      summary={props.summary}
      unavailable="The chart could not be loaded; the table below has every month."
      legend={
        <>
          <li>
            <LegendSwatch colour={`var(${LINE})`} />
            Stated confidence minus success, in points
          </li>
          <li>
            <LegendSwatch colour={`var(${ZERO})`} width={1.5} dash={[6, 4]} point={false} />
            Zero: belief matches results
          </li>
        </>
      }
    />
  );
}
