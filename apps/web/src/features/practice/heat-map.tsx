import type { PracticeDay } from "@cando/core";
import { formatPlainDay } from "../../ui/days";
import { heatWeeks, monthName, monthTotals } from "./heat-grid";

const CELL = 10;
const GAP = 2;

/**
 * A year of practice as a calendar grid (weeks as columns, Monday at the top), with the same
 * numbers as a table of months beside it for people who do not read colour.
 */
export function HeatMap(props: {
  from: string;
  to: string;
  days: readonly PracticeDay[];
  restDays: readonly string[];
}) {
  const weeks = heatWeeks(props.from, props.to, props.days, props.restDays);
  const months = monthTotals(props.from, props.to, props.days);
  const practised = props.days.filter((d) => d.minutes > 0).length;
  const width = weeks.length * (CELL + GAP);
  const height = 7 * (CELL + GAP);
  return (
    <div class="heat">
      <figure class="heat-figure">
        <svg
          class="heat-map"
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-labelledby="heat-title"
        >
          <title id="heat-title">
            Heat map of practice, {practised} day{practised === 1 ? "" : "s"} in the year
          </title>
          {weeks.map((week, x) =>
            week.map((cell, y) =>
              cell === null ? null : (
                <rect
                  key={cell.day}
                  x={x * (CELL + GAP)}
                  y={y * (CELL + GAP)}
                  width={CELL}
                  height={CELL}
                  rx={2}
                  class={`heat-cell heat-${cell.level}${cell.rest ? " heat-rest" : ""}`}
                >
                  <title>
                    {formatPlainDay(cell.day)}:{" "}
                    {cell.minutes > 0 ? `${cell.minutes} minutes` : cell.rest ? "rest" : "none"}
                  </title>
                </rect>
              ),
            ),
          )}
        </svg>
        <figcaption id="heat-caption" class="muted">
          Practice from {formatPlainDay(props.from)} to {formatPlainDay(props.to)}: {practised} day
          {practised === 1 ? "" : "s"} practised. Darker means more minutes; outlined days are
          planned rest.
        </figcaption>
      </figure>
      <div class="heat-table-wrap">
        <table class="history-table heat-table">
          <caption>Practice by month</caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col">Days</th>
              <th scope="col">Minutes</th>
            </tr>
          </thead>
          <tbody>
            {months
              .slice()
              .reverse()
              .map((m) => (
                <tr key={m.month}>
                  <th scope="row">{monthName(m.month)}</th>
                  <td>{m.days}</td>
                  <td>{m.minutes}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
