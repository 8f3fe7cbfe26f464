import type { Domain, Goal, InsightsResponse } from "@cando/core";
import type { ComponentChildren } from "preact";
import { useLocation } from "preact-iso";
import { api } from "../../api/client";
import type { DomainListResponse } from "../../api/types";
import { useLoad } from "../../api/use-load";
import { EmptyState } from "../../ui/empty-state";
import { LoadError, Loading } from "../../ui/feedback";
import { formatDay } from "../../ui/format";
import { Page } from "../../ui/page";
import { CalibrationVerdictWhy, Why } from "../advice/why";
import { CalibrationChart } from "./calibration-chart";
import { CalibrationPlot } from "./calibration-plot";
import {
  type Anxiety,
  type AttributionMonth,
  type AttributionRow,
  type AuditSummary,
  anxietyRows,
  attemptsNeededText,
  attributionRows,
  auditRows,
  biasText,
  type Calibration,
  calibrationHeadline,
  calibrationMeaning,
  calibrationPoints,
  calibrationRows,
  generalitySentence,
  hasTrend,
  insightsApiPath,
  insightsPagePath,
  isEmpty,
  monthLabel,
  signedPoints,
  trendSummary,
} from "./insights";
import "../../ui/page-parts.css";
import { PreparationSection } from "../prepare/preparation-insights";
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

function Section(props: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="card insights-section" aria-labelledby={`${props.id}-heading`}>
      <h2 id={`${props.id}-heading`}>{props.title}</h2>
      {props.children}
    </section>
  );
}

/** A table that scrolls sideways on its own (never the page) when a phone is too narrow. */
function ScrollTable(props: { id: string; caption: string; children: ComponentChildren }) {
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

function CalibrationSection(props: { calibration: Calibration }) {
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
        <ScrollTable id="calibration-table" caption="Stated confidence against actual success">
          <thead>
            <tr>
              <th scope="col">You said</th>
              <th scope="col">Attempts</th>
              <th scope="col">Average said</th>
              <th scope="col">Success</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.bin}>
                <th scope="row">{r.label}</th>
                <td class="num">{r.count}</td>
                <td class="num">{r.stated}</td>
                <td class="num">{r.actual}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
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
      <ScrollTable
        id="trend-table"
        caption="Stated confidence against success per month; the gap in points"
      >
        <thead>
          <tr>
            <th scope="col">Month</th>
            <th scope="col">Attempts</th>
            <th scope="col">Said</th>
            <th scope="col">Success</th>
            <th scope="col">Gap</th>
          </tr>
        </thead>
        <tbody>
          {props.byMonth.map((m) => (
            <tr key={m.month}>
              <th scope="row">{monthLabel(m.month)}</th>
              <td class="num">{m.attempts}</td>
              <td class="num">{Math.round(m.meanConfidence)}%</td>
              <td class="num">{Math.round(m.successPercent)}%</td>
              <td class="num">{signedPoints(m.bias)}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </>
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
          <ScrollTable id="anxiety-table" caption="Success by anxiety before the attempt (0–10)">
            <thead>
              <tr>
                <th scope="col">Anxiety before</th>
                <th scope="col">Attempts</th>
                <th scope="col">Success</th>
              </tr>
            </thead>
            <tbody>
              {anxietyRows(a).map((r) => (
                <tr key={r.label}>
                  <th scope="row">{r.label}</th>
                  <td class="num">{r.count}</td>
                  <td class="num">{r.success}</td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
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
          <ScrollTable id="audit-table" caption="Latest rating per domain (0–100) and its change">
            <thead>
              <tr>
                <th scope="col">Domain</th>
                <th scope="col">Latest</th>
                <th scope="col">Since previous</th>
                <th scope="col">Since first</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.domainId}>
                  <th scope="row">{r.name}</th>
                  <td class="num">{r.latest}</td>
                  <td class="num">{r.sincePrevious}</td>
                  <td class="num">{r.sinceFirst}</td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
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
        <ScrollTable
          id="prediction-table"
          caption="Cando's predicted success against actual success"
        >
          <thead>
            <tr>
              <th scope="col">Cando said</th>
              <th scope="col">Attempts</th>
              <th scope="col">Average said</th>
              <th scope="col">Success</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((b) => (
              <tr key={b.bin}>
                <th scope="row">{b.bin === 90 ? "90–100%" : `${b.bin}–${b.bin + 9}%`}</th>
                <td class="num">{b.count}</td>
                <td class="num">
                  {b.meanPredicted === null ? "–" : `${Math.round(b.meanPredicted)}%`}
                </td>
                <td class="num">
                  {b.successPercent === null ? "–" : `${Math.round(b.successPercent)}%`}
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
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
