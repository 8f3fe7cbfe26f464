import { useMemo } from "preact/hooks";
import type uPlot from "uplot";
import { chartAxis, cssColour } from "../../ui/chart-style";
import { LazyPlot, LegendSwatch } from "../../ui/lazy-plot";
import { type CalibrationPoint, calibrationPlotSummary, pointRadius } from "./insights";

const POINT = "--chart-1";
const DIAGONAL = "--chart-8";
const TICKS = [0, 20, 40, 60, 80, 100];

/**
 * Stated confidence (across) against actual success (up), one circle per confidence range,
 * its size by the number of attempts, over the diagonal where belief matches results. Circles
 * above the diagonal: results ahead of belief (under-confidence); below: the reverse.
 */
function options(points: readonly CalibrationPoint[], width: number): uPlot.Options {
  const axis = chartAxis();
  const fill = cssColour(POINT);
  const ring = cssColour("--surface");
  const maxCount = Math.max(0, ...points.map((p) => p.count));
  const percent = (_u: uPlot, ticks: number[]) => ticks.map((t) => `${t}%`);
  return {
    width,
    height: Math.min(360, Math.max(240, Math.round(width * 0.7))),
    legend: { show: false },
    cursor: { show: false },
    select: { show: false, left: 0, top: 0, width: 0, height: 0 },
    // A little room past 0 and 100, so a circle at the edge is drawn whole.
    scales: { x: { time: false, range: [-4, 104] }, y: { range: [-4, 104] } },
    axes: [
      { ...axis, splits: () => TICKS, values: percent, label: "You said", labelSize: 24 },
      { ...axis, size: 52, splits: () => TICKS, values: percent, label: "Success", labelSize: 24 },
    ],
    series: [
      {},
      {
        label: "Belief matches results",
        stroke: cssColour(DIAGONAL),
        width: 1.5,
        dash: [6, 4],
        points: { show: false },
      },
    ],
    hooks: {
      // uPlot draws circles of one size; these are sized by count, so they are drawn here.
      draw: [
        (u) => {
          const ctx = u.ctx;
          const ratio = devicePixelRatio || 1;
          ctx.save();
          // uPlot leaves the last series' dash set: the rings are solid.
          ctx.setLineDash([]);
          for (const p of points) {
            const x = u.valToPos(p.stated, "x", true);
            const y = u.valToPos(p.actual, "y", true);
            ctx.beginPath();
            ctx.arc(x, y, pointRadius(p.count, maxCount) * ratio, 0, 2 * Math.PI);
            ctx.globalAlpha = 0.85;
            ctx.fillStyle = fill;
            ctx.fill();
            ctx.globalAlpha = 1;
            ctx.lineWidth = 2 * ratio;
            ctx.strokeStyle = ring;
            ctx.stroke();
          }
          ctx.restore();
        },
      ],
    },
  };
}

export function CalibrationPlot(props: { points: readonly CalibrationPoint[] }) {
  const data = useMemo<uPlot.AlignedData>(
    () => [
      [0, 100],
      [0, 100],
    ],
    [props.points],
  );
  return (
    <LazyPlot
      class="calibration-plot"
      options={(width) => options(props.points, width)}
      data={data}
      summary={calibrationPlotSummary(props.points)}
      unavailable="The plot could not be loaded; the table below has the same numbers."
      legend={
        <>
          <li>
            <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16">
              <circle cx="8" cy="8" r="6" style={{ fill: `var(${POINT})` }} />
            </svg>
            A range of stated confidence; bigger means more attempts
          </li>
          <li>
            <LegendSwatch colour={`var(${DIAGONAL})`} width={1.5} dash={[6, 4]} point={false} />
            Diagonal: belief matches results (above it, you did better than you said)
          </li>
        </>
      }
    />
  );
}
