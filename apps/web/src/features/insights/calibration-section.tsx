import { CalibrationVerdictWhy } from "../advice/why";
import { CalibrationChart } from "./calibration-chart";
import { CalibrationPlot } from "./calibration-plot";
import {
  attemptsNeededText,
  biasText,
  type Calibration,
  calibrationHeadline,
  calibrationMeaning,
  calibrationPoints,
  calibrationRows,
  hasTrend,
  monthLabel,
  signedPoints,
  trendSummary,
} from "./insights";
import { NumberTable, Section } from "./insights-tables";

/** Belief calibration: the verdict and why, the plot and table by stated confidence, the trend. */
export function CalibrationSection(props: { calibration: Calibration }) {
  const c = props.calibration;
  const headline = calibrationHeadline(c.verdict);
  const meaning = calibrationMeaning(c.verdict);
  const bias = biasText(c.bias);
  const rows = calibrationRows(c.table);
  return (
    <Section id="calibration" title="Belief calibration">
      <p class="muted">
        The confidence you state before an attempt, compared with how it went. When results keep
        running ahead of belief, that is the imposter pattern.
      </p>
      {headline === null ? (
        <p class="insights-verdict insights-verdict-pending">{attemptsNeededText(c.attempts)}</p>
      ) : (
        <div class={`insights-verdict insights-verdict-${c.verdict}`}>
          <p class="insights-headline">{headline}</p>
          <p>{c.sentence}</p>
          {bias !== null && <p>{bias}</p>}
          {meaning !== null && <p>{meaning}</p>}
          <CalibrationVerdictWhy />
        </div>
      )}
      {headline === null && c.attempts > 0 && <p>{c.sentence}</p>}
      {rows.length > 0 && <CalibrationPlot points={calibrationPoints(c.table)} />}
      {rows.length > 0 && (
        <NumberTable
          id="calibration-table"
          caption="Stated confidence against actual success"
          columns={["You said", "Attempts", "Average said", "Success"]}
          rows={rows.map((r) => ({
            key: r.bin,
            head: r.label,
            cells: [r.count, r.stated, r.actual],
          }))}
        />
      )}
      {rows.length > 0 && (
        <p class="muted insights-note">
          Only the confidence ranges you have used are shown. A partly done attempt counts half.
        </p>
      )}
      {hasTrend(c) && <CalibrationTrend byMonth={c.byMonth} />}
    </Section>
  );
}

function CalibrationTrend(props: { byMonth: Calibration["byMonth"] }) {
  return (
    <>
      <h3 id="trend-heading">Month by month</h3>
      <CalibrationChart byMonth={props.byMonth} summary={trendSummary(props.byMonth)} />
      <NumberTable
        id="trend-table"
        caption="Stated confidence against success per month; the gap in points"
        columns={["Month", "Attempts", "Said", "Success", "Gap"]}
        rows={props.byMonth.map((m) => ({
          key: m.month,
          head: monthLabel(m.month),
          cells: [
            m.attempts,
            `${Math.round(m.meanConfidence)}%`,
            `${Math.round(m.successPercent)}%`,
            signedPoints(m.bias),
          ],
        }))}
      />
    </>
  );
}
