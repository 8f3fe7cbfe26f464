import type { AttemptSummary, LadderView, StepRating } from "@cando/core";
import { useMemo, useState } from "preact/hooks";
import type uPlot from "uplot";
import { seriesStyle } from "../../ui/chart-style";
import { SelectField } from "../../ui/fields";
import { formatDay } from "../../ui/format";
import { LazyPlot, LegendSwatch } from "../../ui/lazy-plot";
import { type ConfidenceHistory, confidenceHistory, confidenceSummary } from "./confidence-history";
import { PartialHistoryNote } from "./history-note";
import { percentLine, percentOverTime } from "./percent-chart";

function options(history: ConfidenceHistory, width: number): uPlot.Options {
  return percentOverTime(history.xs, width, [
    percentLine("Your confidence", 0),
    percentLine("Predicted success", 1),
  ]);
}

/**
 * One step at a time: the person's confidence ratings over time (the monthly re-ratings) against
 * the model's predicted success, with a table of the same numbers. Beliefs that trail the
 * evidence show as a confidence line below the prediction.
 */
export function ConfidenceChart(props: {
  ratings: StepRating[];
  attempts: AttemptSummary[];
  ladder: LadderView;
  /** Older attempts remain to be loaded. */
  more: boolean;
}) {
  const steps = props.ladder.steps;
  const [stepId, setStepId] = useState(steps[0]?.id ?? "");
  const step = steps.find((s) => s.id === stepId) ?? steps[0];
  const history = useMemo(
    () =>
      step
        ? confidenceHistory(props.ratings, props.attempts, step, new Date().toISOString())
        : null,
    [props.ratings, props.attempts, step],
  );
  const data = useMemo<uPlot.AlignedData>(
    () => (history ? [history.xs, history.confidence, history.predicted] : [[]]),
    [history],
  );
  if (!step || !history) return null;
  return (
    <section class="card" aria-labelledby="confidence-heading">
      <h2 id="confidence-heading">Confidence against predicted success</h2>
      <p class="muted">
        Your ratings of a step over time, beside what your attempts predict. When your confidence
        sits below the prediction, your belief has not yet caught up with the evidence.
      </p>
      <SelectField
        id="confidence-step"
        label="Step"
        value={step.id}
        options={steps.map((s) => ({ value: s.id, label: s.title }))}
        onChange={setStepId}
      />
      <LazyPlot
        key={step.id}
        options={(width) => options(history, width)}
        data={data}
        summary={confidenceSummary(step.title, history)}
        unavailable="The chart could not be loaded; the table below has the numbers."
        legend={["Your confidence", "Predicted success"].map((label, i) => {
          const style = seriesStyle(i);
          return (
            <li key={label}>
              <LegendSwatch colour={style.colour} dash={style.dash} />
              {label}
            </li>
          );
        })}
      />
      <PartialHistoryNote attempts={props.attempts} more={props.more} />
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it (WCAG 2.1.1). */}
      <section class="table-scroll" tabIndex={0} aria-labelledby="confidence-caption">
        <table class="history-table">
          <caption id="confidence-caption">
            {step.title}: confidence and predicted success, in percent
          </caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Your confidence</th>
              <th scope="col">Predicted success</th>
            </tr>
          </thead>
          <tbody>
            {history.rows.map((row, i) => (
              <tr key={row.at}>
                <th scope="row">
                  {i === history.rows.length - 1 && row.confidence === null
                    ? "Now"
                    : formatDay(row.at)}
                </th>
                <td class="num">{row.confidence === null ? "" : `${row.confidence}%`}</td>
                <td class="num">{row.predicted === null ? "" : `${Math.round(row.predicted)}%`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </section>
  );
}
