import type { AttemptSummary, LadderView } from "@cando/core";
import { useMemo } from "preact/hooks";
import type uPlot from "uplot";
import { seriesStyle } from "../../ui/chart-style";
import { LazyPlot, LegendSwatch } from "../../ui/lazy-plot";
import { PartialHistoryNote } from "./history-note";
import { percentLine, percentOverTime } from "./percent-chart";
import { type PredictionHistory, predictionHistory, predictionSummary } from "./prediction-history";

function options(history: PredictionHistory, width: number): uPlot.Options {
  return percentOverTime(
    history.xs,
    width,
    history.steps.map((step, i) => percentLine(step.title, i)),
  );
}

/**
 * The ladder's predicted success per step over time, from the prediction stored with each
 * attempt and the ladder's prediction now; with a table of the same numbers.
 */
export function PredictionChart(props: {
  attempts: AttemptSummary[];
  ladder: LadderView;
  /** Older attempts remain to be loaded. */
  more: boolean;
}) {
  const history = useMemo(
    () => predictionHistory(props.attempts, props.ladder.steps, new Date().toISOString()),
    [props.attempts, props.ladder],
  );
  const data = useMemo<uPlot.AlignedData>(() => [history.xs, ...history.series], [history]);
  if (history.steps.length === 0) return null;
  return (
    <section class="card" aria-labelledby="prediction-heading">
      <h2 id="prediction-heading">Predicted success over time</h2>
      <p class="muted">
        How likely each step looked to succeed at each of its attempts, and now. Rising lines are
        your capability growing.
      </p>
      <LazyPlot
        options={(width) => options(history, width)}
        data={data}
        summary={predictionSummary(history)}
        unavailable="The chart could not be loaded; the table below has the numbers."
        legend={history.steps.map((step, i) => {
          const style = seriesStyle(i);
          return (
            <li key={step.id}>
              <LegendSwatch colour={style.colour} dash={style.dash} />
              {step.title}
            </li>
          );
        })}
      />
      <PartialHistoryNote attempts={props.attempts} more={props.more} />
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it (WCAG 2.1.1). */}
      <section class="table-scroll" tabIndex={0} aria-labelledby="prediction-caption">
        <table class="history-table">
          <caption id="prediction-caption">Predicted success per step, in percent</caption>
          <thead>
            <tr>
              <th scope="col">Step</th>
              <th scope="col">{props.more ? "First shown" : "First attempt"}</th>
              <th scope="col">Latest attempt</th>
              <th scope="col">Now</th>
              <th scope="col">Attempts</th>
            </tr>
          </thead>
          <tbody>
            {history.steps.map((step) => (
              <tr key={step.id}>
                <th scope="row" class="prediction-step">
                  {step.title}
                </th>
                <td class="num">{Math.round(step.first)}%</td>
                <td class="num">{Math.round(step.latest)}%</td>
                <td class="num">{Math.round(step.now)}%</td>
                <td class="num">{step.attempts}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </section>
  );
}
