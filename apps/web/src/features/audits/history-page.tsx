import type { Undo } from "@cando/core";
import { useMemo, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { api } from "../../api/client";
import type { DomainListResponse } from "../../api/types";
import { useLoad } from "../../api/use-load";
import { EmptyState } from "../../ui/empty-state";
import { LoadError, Loading } from "../../ui/feedback";
import { formatDay, formatDayTime } from "../../ui/format";
import { Page } from "../../ui/page";
import { UndoNotice } from "../../ui/undo-notice";
import { DeleteAudits } from "./audit-delete";
import { auditLabels, buildHistoryTable, chartSummary, type HistoryTable } from "./history";
import { HistoryChart } from "./history-chart";
import { loadAudits } from "./load-audits";

export function HistoryPage() {
  const { query } = useLocation();
  const { state, reload } = useLoad(() =>
    Promise.all([loadAudits(), api.get<DomainListResponse>("/api/domains")]),
  );
  const [deleted, setDeleted] = useState<Undo | null>(null);
  const table = useMemo(
    () =>
      state.status === "ready"
        ? buildHistoryTable(state.data[0].audits, state.data[1].domains)
        : null,
    [state],
  );

  return (
    <Page title="History" heading="Your audit history">
      {query["saved"] === "1" && (
        <p class="notice notice-success" role="status">
          Your audit is saved.
        </p>
      )}
      {deleted !== null && (
        <UndoNotice
          key={deleted.deletionId}
          message="Audit deleted."
          undo={deleted}
          onRestored={() => {
            setDeleted(null);
            reload();
          }}
        />
      )}
      {state.status === "loading" && <Loading what="your history" />}
      {state.status === "error" && <LoadError error={state.error} retry={reload} />}
      {table !== null && table.rows.length === 0 && (
        <EmptyState
          id="history-empty"
          title="No audits yet"
          action={
            <a class="button" href="/audit">
              Take your first audit
            </a>
          }
        >
          <p>
            Your first audit is your baseline: how certain you are, today, in each area of life.
            Each monthly audit adds a point to this history.
          </p>
        </EmptyState>
      )}
      {table !== null && table.rows.length > 0 && (
        <History
          table={table}
          onDeleted={(undo) => {
            setDeleted(undo);
            reload();
          }}
        />
      )}
    </Page>
  );
}

function History(props: { table: HistoryTable; onDeleted: (undo: Undo) => void }) {
  const { table } = props;
  const summary = chartSummary(table, (iso) => formatDay(iso));
  const labels = auditLabels(
    table.rows.map((r) => r.takenAt),
    (iso) => formatDay(iso),
    (iso) => formatDayTime(iso),
  );
  const notes = table.rows.flatMap((row, i) =>
    row.note ? [{ auditId: row.auditId, label: labels[i] ?? "", note: row.note }] : [],
  );
  return (
    <>
      <section class="card" aria-labelledby="chart-heading">
        <h2 id="chart-heading">Ratings over time</h2>
        <HistoryChart table={table} summary={summary} />
      </section>
      <section class="card" aria-labelledby="table-heading">
        <h2 id="table-heading">Every audit</h2>
        <p class="muted">
          Ratings from 0 to 100, one row per audit, oldest first.
          <span class="narrow-only"> Scroll the table sideways to see every domain.</span>
        </p>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it (WCAG 2.1.1). */}
        <section class="table-scroll" aria-labelledby="history-caption" tabIndex={0}>
          <table class="history-table">
            <caption id="history-caption" class="visually-hidden">
              Your ratings in each audit, from 0 to 100
            </caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                {table.columns.map((c) => (
                  <th scope="col" key={c.domainId}>
                    {c.name}
                    {c.archived && <span class="muted"> (archived)</span>}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, i) => (
                <tr key={row.auditId}>
                  <th scope="row">
                    <time dateTime={row.takenAt}>{labels[i]}</time>
                  </th>
                  {row.ratings.map((rating, j) => (
                    <td key={table.columns[j]?.domainId} class="num">
                      {rating ?? <span class="muted">not rated</span>}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        {notes.length > 0 && (
          <>
            <h3 id="notes-heading">Notes</h3>
            <dl class="notes" aria-labelledby="notes-heading">
              {notes.map((n) => (
                <div key={n.auditId}>
                  <dt>{n.label}</dt>
                  <dd>{n.note}</dd>
                </div>
              ))}
            </dl>
          </>
        )}
        <p>
          <a href="/audit">Take the audit again</a>
        </p>
      </section>
      <DeleteAudits
        audits={table.rows.map((row, i) => ({ auditId: row.auditId, label: labels[i] ?? "" }))}
        onDeleted={props.onDeleted}
      />
    </>
  );
}
