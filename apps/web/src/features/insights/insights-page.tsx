import type { Domain, Goal, InsightsResponse } from "@cando/core";
import { useLocation } from "preact-iso";
import { api } from "../../api/client";
import type { DomainListResponse } from "../../api/types";
import { useLoad } from "../../api/use-load";
import { EmptyState } from "../../ui/empty-state";
import { LoadError, Loading } from "../../ui/feedback";
import { formatDay } from "../../ui/format";
import { Page } from "../../ui/page";
import { Why } from "../advice/why";
import { PreparationSection } from "../prepare/preparation-insights";
import { CalibrationSection } from "./calibration-section";
import {
  type Anxiety,
  type AttributionMonth,
  type AttributionRow,
  type AuditSummary,
  anxietyRows,
  attributionRows,
  auditRows,
  generalitySentence,
  insightsApiPath,
  insightsPagePath,
  isEmpty,
} from "./insights";
import { NumberTable, ScrollTable, Section } from "./insights-tables";
import "../../ui/page-parts.css";
import "./insights.css";

type Setup = { goals: Goal[]; domains: Domain[] };

async function loadSetup(): Promise<Setup> {
  const [goals, domains] = await Promise.all([
    api.get<{ goals: Goal[] }>("/api/goals"),
    api.get<DomainListResponse>("/api/domains"),
  ]);
  return { goals: goals.goals, domains: domains.domains };
}

export function InsightsPage() {
  const { state, reload } = useLoad(loadSetup);
  const { query, route } = useLocation();
  const goalId = query["goalId"] ?? "";
  return (
    <Page title="Insights" heading="Your insights">
      <p class="lead">
        What your own attempts, debriefs and audits say about your belief in yourself, in numbers
        you can check.
      </p>
      {state.status === "loading" && <Loading what="your insights" />}
      {state.status === "error" && <LoadError error={state.error} retry={reload} />}
      {state.status === "ready" && (
        <>
          {state.data.goals.length > 0 && (
            <GoalFilter
              goals={state.data.goals}
              goalId={goalId}
              onChange={(id) => route(insightsPagePath(id), true)}
            />
          )}
          <Insights key={goalId} goalId={goalId} setup={state.data} />
        </>
      )}
    </Page>
  );
}

function GoalFilter(props: { goals: Goal[]; goalId: string; onChange: (goalId: string) => void }) {
  return (
    <search class="insights-filter">
      <div class="field">
        <label for="insights-goal">Goal</label>
        <select
          class="select"
          id="insights-goal"
          value={props.goalId}
          onChange={(e) => props.onChange(e.currentTarget.value)}
        >
          <option value="">All goals</option>
          {props.goals.map((g) => (
            <option key={g.id} value={g.id}>
              {g.statement}
            </option>
          ))}
        </select>
      </div>
    </search>
  );
}

function Insights(props: { goalId: string; setup: Setup }) {
  const { state, reload } = useLoad(() => api.get<InsightsResponse>(insightsApiPath(props.goalId)));
  if (state.status === "loading") return <Loading what="your insights" />;
  if (state.status === "error") return <LoadError error={state.error} retry={reload} />;
  const data = state.data;
  if (props.goalId === "" && isEmpty(data)) return <NothingYet />;
  return (
    <>
      <CalibrationSection calibration={data.calibration} />
      <AnxietySection anxiety={data.anxiety} />
      <PreparationSection preparation={data.preparation} />
      <AttributionSection months={data.attribution} />
      <AuditSection audit={data.audit} domains={props.setup.domains} />
      <PredictionSection prediction={data.prediction} />
    </>
  );
}

function NothingYet() {
  return (
    <EmptyState
      id="empty"
      title="Nothing to learn from yet"
      action={
        <div class="insights-actions">
          <a class="button" href="/goals">
            Set a goal
          </a>
          <a class="button button-secondary" href="/audit">
            Take the audit
          </a>
        </div>
      }
    >
      <p>
        Insights come from what you do. Say how confident you are before each attempt, rate how
        anxious you feel, debrief afterwards and take the monthly audit: after a few attempts this
        page shows whether your belief keeps up with your results.
      </p>
    </EmptyState>
  );
}

function AnxietySection(props: { anxiety: Anxiety }) {
  const a = props.anxiety;
  return (
    <Section id="anxiety" title="Anxiety and outcome">
      <p class="muted">
        Nerves before an attempt are easily read as a sign you cannot do it. Here is what actually
        happened when you felt them.
      </p>
      {a.attempts === 0 ? (
        <p>
          No attempts with an anxiety rating yet. Rate how anxious you feel before your next
          attempts, and this shows whether the feeling predicts the outcome. Often it does not.
        </p>
      ) : (
        <>
          <p>{a.sentence}</p>
          {a.verdict === "not_enough_data" && (
            <p class="insights-kind">
              Until then, remember: a racing heart before an attempt is often read as inability,
              when it is simply your body getting ready.
            </p>
          )}
          <NumberTable
            id="anxiety-table"
            caption="Success by anxiety before the attempt (0–10)"
            columns={["Anxiety before", "Attempts", "Success"]}
            rows={anxietyRows(a).map((r) => ({
              key: r.label,
              head: r.label,
              cells: [r.count, r.success],
            }))}
          />
          <p class="muted insights-note">An anxiety of 5 counts in neither group.</p>
        </>
      )}
    </Section>
  );
}

function AttributionSection(props: { months: AttributionMonth[] }) {
  const rows = attributionRows(props.months);
  return (
    <Section id="attribution" title="How you explain what happened">
      <p class="muted">
        From your debriefs. Adaptive explanations credit what you can change, such as effort and
        strategy.
      </p>
      {rows.length === 0 ? (
        <p>No debriefs yet. After an attempt, the debrief asks what made the difference.</p>
      ) : (
        <ScrollTable id="attribution-table" caption="Your explanations per month">
          <thead>
            <tr>
              <td />
              {rows.map((r) => (
                <th scope="col" key={r.month}>
                  {r.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <AttributionLine rows={rows} label="Debriefs rated" value={(r) => r.rated} />
            <AttributionLine rows={rows} label="Adaptive" value={(r) => r.adaptive} />
            <AttributionLine
              rows={rows}
              label="Successes put down to luck, help or an easy task"
              value={(r) => r.discounted}
            />
            <AttributionLine
              rows={rows}
              label="Setbacks put down to ability"
              value={(r) => r.fixed}
            />
          </tbody>
        </ScrollTable>
      )}
    </Section>
  );
}

function AttributionLine(props: {
  rows: AttributionRow[];
  label: string;
  value: (row: AttributionRow) => string | number;
}) {
  return (
    <tr>
      <th scope="row">{props.label}</th>
      {props.rows.map((r) => (
        <td class="num" key={r.month}>
          {props.value(r)}
        </td>
      ))}
    </tr>
  );
}

function AuditSection(props: { audit: AuditSummary; domains: Domain[] }) {
  const { audit } = props;
  const rows = auditRows(audit, props.domains);
  const generality = generalitySentence(audit.generality);
  return (
    <Section id="audit" title="Your audits">
      {audit.audits === 0 || audit.latestAt === null ? (
        <>
          <p>No audits yet. The monthly audit rates how certain you are in each area of life.</p>
          <p>
            <a href="/audit">Take your first audit</a>
          </p>
        </>
      ) : (
        <>
          <p class="muted">
            All your audits, whatever goal is chosen above. Latest on{" "}
            <time dateTime={audit.latestAt}>{formatDay(audit.latestAt)}</time>
            {audit.firstAt !== null && audit.audits > 1 && (
              <>
                , first on <time dateTime={audit.firstAt}>{formatDay(audit.firstAt)}</time>
              </>
            )}
            .
          </p>
          <NumberTable
            id="audit-table"
            caption="Latest rating per domain (0–100) and its change"
            columns={["Domain", "Latest", "Since previous", "Since first"]}
            rows={rows.map((r) => ({
              key: r.domainId,
              head: r.name,
              cells: [r.latest, r.sincePrevious, r.sinceFirst],
            }))}
          />
          {generality !== null && <p>{generality}</p>}
        </>
      )}
    </Section>
  );
}

function PredictionSection(props: { prediction: InsightsResponse["prediction"] }) {
  const p = props.prediction;
  const rows = p.table.filter((b) => b.count > 0);
  return (
    <Section id="prediction" title="How well Cando predicts you">
      <p class="muted">
        Each attempt stores the chance Cando gave it beforehand. Here those chances meet what
        happened, so you can judge the advice for yourself.
      </p>
      <p>{p.sentence}</p>
      {p.enough && rows.length > 0 && (
        <NumberTable
          id="prediction-table"
          caption="Cando's predicted success against actual success"
          columns={["Cando said", "Attempts", "Average said", "Success"]}
          rows={rows.map((b) => ({
            key: b.bin,
            head: b.bin === 90 ? "90–100%" : `${b.bin}–${b.bin + 9}%`,
            cells: [
              b.count,
              b.meanPredicted === null ? "–" : `${Math.round(b.meanPredicted)}%`,
              b.successPercent === null ? "–" : `${Math.round(b.successPercent)}%`,
            ],
          }))}
        />
      )}
      <Why label="Why trust these numbers?">
        <p>
          Shown only from {p.minAttempts} attempts, so a handful is not read as a verdict. The gap
          is the average distance between what Cando said and how often you succeeded, weighted by
          how many attempts each range holds. <a href="/how-cando-works">How Cando works</a>
        </p>
      </Why>
    </Section>
  );
}
