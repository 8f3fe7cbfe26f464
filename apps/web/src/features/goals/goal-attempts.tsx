import type { AttemptSummary, LadderView } from "@cando/core";
import { Disclosure } from "../../ui/disclosure";
import { formatDayTime } from "../../ui/format";
import { attemptRecordPath } from "../../ui/paths";
import { ShowMore } from "../../ui/show-more";
import { attemptRows } from "./ladder-view";

/** How many attempts show at once; the earlier ones fold away, so the page stays short. */
const SHOWN = 5;

function AttemptList(props: { rows: ReturnType<typeof attemptRows> }) {
  return (
    <ul class="attempt-list">
      {props.rows.map((row) => (
        <li key={row.id} class="attempt-item">
          <a href={attemptRecordPath(row.id)}>{formatDayTime(row.attemptedAt)}</a>
          <span class="attempt-step">{row.stepTitle}</span>
          <span class={`attempt-outcome outcome-${row.outcome.toLowerCase().replace(" ", "-")}`}>
            {row.outcome}
          </span>
          <span class={row.debriefed ? "attempt-debrief" : "attempt-debrief muted"}>
            {row.debriefed ? "Debriefed" : "Not debriefed yet"}
          </span>
        </li>
      ))}
    </ul>
  );
}

/**
 * The goal's attempts, newest first, each linking to its record and debrief. The page loads the
 * newest ones; `more` says older ones remain, loaded by `onMore`.
 */
export function GoalAttempts(props: {
  attempts: AttemptSummary[];
  ladder: LadderView;
  more?: boolean;
  onMore?: () => Promise<void>;
}) {
  if (props.ladder.steps.length === 0 && props.attempts.length === 0) return null;
  const rows = attemptRows(props.attempts, [...props.ladder.steps, ...props.ladder.archivedSteps]);
  return (
    <section class="card" aria-labelledby="attempts-heading">
      <h2 id="attempts-heading">Attempts</h2>
      {rows.length === 0 ? (
        <p class="muted">
          No attempts yet. Each attempt, whatever its outcome, teaches the ladder what is within
          reach.
        </p>
      ) : (
        <>
          <AttemptList rows={rows.slice(0, SHOWN)} />
          {rows.length > SHOWN && (
            <Disclosure
              lazy
              summary={`${rows.length - SHOWN}${props.more ? "+" : ""} earlier attempts`}
            >
              <AttemptList rows={rows.slice(SHOWN)} />
              {props.onMore && (
                <ShowMore what="attempts" more={props.more ?? false} onMore={props.onMore} />
              )}
            </Disclosure>
          )}
        </>
      )}
    </section>
  );
}
