import { useEffect, useRef, useState } from "preact/hooks";
import type uPlot from "uplot";
import { biasRange, type Calibration, monthLabel } from "./insights";

const LINE = "#1f5fa8";
const ZERO = "#4e5b6b";

function chartHeight(width: number): number {
  return width < 500 ? 200 : 240;
}

function options(byMonth: Calibration["byMonth"], width: number): uPlot.Options {
  const axis: uPlot.Axis = {
    stroke: "#3d4650",
    font: "13px system-ui, sans-serif",
    grid: { stroke: "#e6e3dc", width: 1 },
    ticks: { stroke: "#d5d1c7", width: 1 },
  };
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
      { label: "Calibrated", stroke: ZERO, width: 1.5, dash: [6, 4], points: { show: false } },
      {
        label: "Gap in points",
        stroke: LINE,
        width: 2.5,
        points: { show: true, size: 8, fill: LINE, stroke: LINE },
      },
    ],
  };
}

/** Bias per month as a line around zero; uPlot is fetched only when this chart is first shown. */
export function CalibrationChart(props: { byMonth: Calibration["byMonth"]; summary: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let plot: uPlot | null = null;
    let observer: ResizeObserver | null = null;
    let live = true;
    const data: uPlot.AlignedData = [
      props.byMonth.map((_, i) => i),
      props.byMonth.map(() => 0),
      props.byMonth.map((m) => m.bias),
    ];
    Promise.all([import("uplot"), import("uplot/dist/uPlot.min.css")]).then(
      ([{ default: UPlot }]) => {
        const el = box.current;
        if (!live || el === null) return;
        plot = new UPlot(options(props.byMonth, el.clientWidth), data, el);
        observer = new ResizeObserver(() => {
          const width = el.clientWidth;
          if (plot !== null && width > 0 && width !== plot.width) {
            plot.setSize({ width, height: chartHeight(width) });
          }
        });
        observer.observe(el);
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
      observer?.disconnect();
      plot?.destroy();
    };
  }, [props.byMonth]);

  return (
    <figure class="chart insights-chart">
      {failed ? (
        <p class="notice">The chart could not be loaded; the table below has every month.</p>
      ) : (
        <div class="chart-plot insights-plot" ref={box} role="img" aria-label={props.summary} />
      )}
      <figcaption>
        <ul class="legend">
          <li>
            <svg aria-hidden="true" width="28" height="10" viewBox="0 0 28 10">
              <line x1="1" y1="5" x2="27" y2="5" stroke={LINE} stroke-width="2.5" />
              <circle cx="14" cy="5" r="3.5" fill={LINE} />
            </svg>
            Stated confidence minus success, in points
          </li>
          <li>
            <svg aria-hidden="true" width="28" height="10" viewBox="0 0 28 10">
              <line
                x1="1"
                y1="5"
                x2="27"
                y2="5"
                stroke={ZERO}
                stroke-width="1.5"
                stroke-dasharray="6 4"
              />
            </svg>
            Zero: belief matches results
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}
