import type { Audit, Domain } from "@cando/core";

export type HistoryColumn = { domainId: string; name: string; archived: boolean };
export type HistoryRow = {
  auditId: string;
  takenAt: string;
  note: string | null;
  /** One per column; null where the domain was not part of that audit. */
  ratings: (number | null)[];
};
export type HistoryTable = { columns: HistoryColumn[]; rows: HistoryRow[] };

/**
 * The history as a table: rows are audits, oldest first; columns are the domains ever
 * rated (archived ones too, so old ratings keep their name), in the person's order.
 */
export function buildHistoryTable(audits: Audit[], domains: Domain[]): HistoryTable {
  const rated = new Set(audits.flatMap((a) => a.ratings.map((r) => r.domainId)));
  const columns = domains
    .filter((d) => rated.has(d.id))
    .sort((a, b) => a.position - b.position)
    .map((d) => ({ domainId: d.id, name: d.name, archived: d.archivedAt !== null }));
  const rows = [...audits]
    .sort((a, b) => Date.parse(a.takenAt) - Date.parse(b.takenAt))
    .map((audit) => {
      const byDomain = new Map(audit.ratings.map((r) => [r.domainId, r.rating]));
      return {
        auditId: audit.id,
        takenAt: audit.takenAt,
        note: audit.note,
        ratings: columns.map((c) => byDomain.get(c.domainId) ?? null),
      };
    });
  return { columns, rows };
}

/** uPlot's aligned data: x in seconds since the epoch, then one series per column. */
export function buildChartData(table: HistoryTable): [number[], ...(number | null)[][]] {
  const xs = table.rows.map((r) => Date.parse(r.takenAt) / 1000);
  const series = table.columns.map((_, i) => table.rows.map((r) => r.ratings[i] ?? null));
  return [xs, ...series];
}

/** The chart's text alternative: what it covers and where each domain stands now. */
export function chartSummary(table: HistoryTable, formatDate: (iso: string) => string): string {
  const first = table.rows[0];
  const last = table.rows[table.rows.length - 1];
  if (first === undefined || last === undefined) return "No audits yet.";
  const span =
    table.rows.length === 1
      ? `1 audit, on ${formatDate(first.takenAt)}`
      : `${table.rows.length} audits, from ${formatDate(first.takenAt)} to ${formatDate(last.takenAt)}`;
  const latest = table.columns
    .flatMap((c, i) => {
      const rating = last.ratings[i];
      return rating === null || rating === undefined ? [] : [`${c.name} ${rating}`];
    })
    .join(", ");
  return `Line chart of your ratings (0 to 100) over ${span}. Latest: ${latest}. The table below lists every rating.`;
}

/** Row labels: the day, or day and time where two audits share a day. */
export function auditLabels(
  takenAts: string[],
  formatDay: (iso: string) => string,
  formatDayTime: (iso: string) => string,
): string[] {
  const days = takenAts.map(formatDay);
  return takenAts.map((iso, i) =>
    days.filter((d) => d === days[i]).length > 1 ? formatDayTime(iso) : (days[i] ?? ""),
  );
}
