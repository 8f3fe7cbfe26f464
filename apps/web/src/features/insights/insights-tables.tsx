import type { ComponentChildren } from "preact";

/** One part of the Insights page: a card with its heading. */
export function Section(props: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="card insights-section" aria-labelledby={`${props.id}-heading`}>
      <h2 id={`${props.id}-heading`}>{props.title}</h2>
      {props.children}
    </section>
  );
}

/** A table that scrolls sideways on its own (never the page) when a phone is too narrow. */
export function ScrollTable(props: { id: string; caption: string; children: ComponentChildren }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it (WCAG 2.1.1).
    <section class="table-scroll" aria-labelledby={`${props.id}-caption`} tabIndex={0}>
      <table class="history-table insights-table" id={props.id}>
        <caption id={`${props.id}-caption`}>{props.caption}</caption>
        {props.children}
      </table>
    </section>
  );
}

/** One row of a `NumberTable`: its heading, then one number (already formatted) per column. */
export type NumberRow = {
  key: string | number;
  head: ComponentChildren;
  cells: ComponentChildren[];
};

/**
 * A scrolling table of numbers: the columns' names, then a row per item whose first cell
 * names it. The calibration, trend, anxiety, audit and prediction tables are all this shape.
 */
export function NumberTable(props: {
  id: string;
  caption: string;
  /** The first names the rows' headings; the others, the numbers. */
  columns: readonly string[];
  rows: readonly NumberRow[];
}) {
  const numbers = props.columns.slice(1);
  return (
    <ScrollTable id={props.id} caption={props.caption}>
      <thead>
        <tr>
          {props.columns.map((column) => (
            <th scope="col" key={column}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.head}</th>
            {row.cells.map((cell, i) => (
              <td class="num" key={numbers[i]}>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
