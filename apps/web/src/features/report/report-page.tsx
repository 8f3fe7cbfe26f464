import type { Goal } from "@cando/core";
import { isoDay, REPORT_SECTION_TITLES, REPORT_SECTIONS } from "@cando/core/constants";
import { useState } from "preact/hooks";
import { api } from "../../api/client";
import { useLoad } from "../../api/use-load";
import { LoadError, Loading } from "../../ui/feedback";
import { Page } from "../../ui/page";
import type { GoalListResponse } from "../goals/api-types";
import { daysBefore, reportHref } from "./report-link";
import "./report.css";

/**
 * Choose what goes in a report for a therapist, coach or mentor: the days, the goals and the
 * sections. The report itself is one printable page from the server (print it to PDF).
 */
export function ReportPage() {
  const goals = useLoad(() => api.get<GoalListResponse>("/api/goals"));
  const today = isoDay(new Date());
  const [from, setFrom] = useState(daysBefore(today, 90));
  const [to, setTo] = useState(today);
  const [allGoals, setAllGoals] = useState(true);
  const [goalIds, setGoalIds] = useState<string[]>([]);
  const [sections, setSections] = useState<string[]>([...REPORT_SECTIONS]);
  const toggle = (list: string[], item: string, on: boolean) =>
    on ? [...list, item] : list.filter((x) => x !== item);
  const ready = sections.length > 0 && (allGoals || goalIds.length > 0) && from <= to;

  return (
    <Page title="Report" heading="A report for your therapist, coach or mentor">
      <p class="lead">
        Choose what to share. The report opens as a page of its own: print it, or save it as a PDF
        from your browser's print dialog. Nothing is sent to anyone.
      </p>
      <form class="stack report-form" onSubmit={(e) => e.preventDefault()}>
        <fieldset>
          <legend>Days</legend>
          <div class="field">
            <label for="report-from">From</label>
            <input
              id="report-from"
              type="date"
              value={from}
              max={to}
              onInput={(e) => setFrom(e.currentTarget.value)}
            />
          </div>
          <div class="field">
            <label for="report-to">To</label>
            <input
              id="report-to"
              type="date"
              value={to}
              min={from}
              onInput={(e) => setTo(e.currentTarget.value)}
            />
          </div>
        </fieldset>
        <fieldset>
          <legend>Goals</legend>
          {goals.state.status === "loading" && <Loading what="your goals" />}
          {goals.state.status === "error" && (
            <LoadError error={goals.state.error} retry={goals.reload} />
          )}
          <label class="check">
            <input
              type="checkbox"
              checked={allGoals}
              onChange={(e) => setAllGoals(e.currentTarget.checked)}
            />{" "}
            Every goal
          </label>
          {goals.state.status === "ready" &&
            !allGoals &&
            goals.state.data.goals.map((g: Goal) => (
              <label class="check" key={g.id}>
                <input
                  type="checkbox"
                  checked={goalIds.includes(g.id)}
                  onChange={(e) => setGoalIds(toggle(goalIds, g.id, e.currentTarget.checked))}
                />{" "}
                {g.statement}
              </label>
            ))}
        </fieldset>
        <fieldset>
          <legend>What goes in</legend>
          {REPORT_SECTIONS.map((s) => (
            <label class="check" key={s}>
              <input
                type="checkbox"
                checked={sections.includes(s)}
                onChange={(e) => setSections(toggle(sections, s, e.currentTarget.checked))}
              />{" "}
              {REPORT_SECTION_TITLES[s]}
            </label>
          ))}
        </fieldset>
        {ready ? (
          <p>
            {/* A page of its own (a new tab): the app's router must not take this link. */}
            <a
              class="button"
              href={reportHref({ from, to, goalIds, allGoals, sections })}
              target="_blank"
              rel="noopener"
            >
              Open the printable report (new tab)
            </a>
          </p>
        ) : (
          <p class="muted" role="status">
            Choose at least one goal and one section, with “From” on or before “To”.
          </p>
        )}
      </form>
    </Page>
  );
}
