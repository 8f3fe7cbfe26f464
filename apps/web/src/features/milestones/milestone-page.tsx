import type { Evidence, Goal, LadderView, Milestone } from "@cando/core";
import { useEffect } from "preact/hooks";
import { useRoute } from "preact-iso";
import { ApiError, api } from "../../api/client";
import { readPagesUntil } from "../../api/pages";
import { useLoad } from "../../api/use-load";
import { formatPlainDay } from "../../ui/days";
import { LoadError, Loading } from "../../ui/feedback";
import { formatDay } from "../../ui/format";
import { Page } from "../../ui/page";
import { evidencePath, goalPath, milestonePath } from "../../ui/paths";
import { evidenceFor, milestoneMeaning, otherMilestones } from "./milestones";
import { markSeen } from "./seen";
import "../../ui/corrections.css";
import "./milestones.css";

type MilestoneData = {
  milestone: Milestone;
  all: Milestone[];
  goal: Goal | null;
  evidence: Evidence[];
};

async function loadMilestone(milestoneId: string): Promise<MilestoneData> {
  const { milestones } = await api.get<{ milestones: Milestone[] }>("/api/milestones");
  const milestone = milestones.find((m) => m.id === milestoneId);
  if (milestone === undefined) {
    throw new ApiError(404, "milestone_not_found", "There is no such milestone.");
  }
  const goalId = encodeURIComponent(milestone.goalId);
  const [goal, evidence] = await Promise.all([
    api
      .get<{ goal: Goal; ladder: LadderView }>(`/api/goals/${goalId}`)
      .then((body) => body.goal)
      .catch(() => null),
    milestone.evidenceIds.length === 0
      ? Promise.resolve({ evidence: [] as Evidence[] })
      : readPagesUntil<Evidence>(`/api/evidence?goalId=${goalId}`, "evidence", (items) =>
          milestone.evidenceIds.every((id) => items.some((e) => e.id === id)),
        ).then((items) => ({ evidence: items })),
  ]);
  return { milestone, all: milestones, goal, evidence: evidenceFor(milestone, evidence.evidence) };
}

export function MilestonePage() {
  const { params } = useRoute();
  const milestoneId = params["milestoneId"] ?? "";
  return <MilestoneScreen key={milestoneId} milestoneId={milestoneId} />;
}

function MilestoneScreen(props: { milestoneId: string }) {
  const { state, reload } = useLoad(() => loadMilestone(props.milestoneId));
  const milestone = state.status === "ready" ? state.data.milestone : null;

  // Seeing it is celebrating it: it leaves Today's "To celebrate" list.
  useEffect(() => {
    if (milestone === null || milestone.seenAt !== null) return;
    markSeen(milestone.id);
  }, [milestone]);

  return (
    <Page title="Milestone" heading={milestone?.title ?? "Milestone"}>
      {state.status === "loading" && <Loading what="your milestone" />}
      {state.status === "error" &&
        (state.error instanceof ApiError && state.error.status === 404 ? (
          <p class="notice">
            There is no such milestone here. <a href="/">Go to Today</a>
          </p>
        ) : (
          <LoadError error={state.error} retry={reload} />
        ))}
      {state.status === "ready" && <Celebration data={state.data} />}
    </Page>
  );
}

function Celebration(props: { data: MilestoneData }) {
  const { milestone, goal, evidence } = props.data;
  const others = otherMilestones(props.data.all, milestone.id);
  return (
    <>
      <section class="card celebration" aria-labelledby="celebration-heading">
        <svg class="celebration-mark" viewBox="0 0 48 48" width="48" height="48" aria-hidden="true">
          <circle cx="24" cy="24" r="22" fill="currentColor" />
          <path
            d="M14 25l7 7 13-15"
            fill="none"
            style={{ stroke: "var(--surface)" }}
            stroke-width="4"
            stroke-linecap="round"
            stroke-linejoin="round"
          />
        </svg>
        <div>
          <h2 id="celebration-heading" class="celebration-kind">
            {milestone.kind === "goal_reached" ? "Goal reached" : "Step mastered"}
          </h2>
          <p class="celebration-when">
            On {formatDay(milestone.achievedAt)}
            {goal !== null && (
              <>
                , on your goal <a href={goalPath(goal.id)}>{goal.statement}</a>
              </>
            )}
            .
          </p>
          <p class="celebration-meaning">{milestoneMeaning(milestone, evidence.length)}</p>
        </div>
      </section>
      {milestone.basisRemovedAt !== null && (
        <div class="notice basis-removed" role="note">
          <p>
            <strong>Corrected since.</strong> On {formatDay(milestone.basisRemovedAt)}, attempts
            that earned this were edited or deleted. It stays in your history as it happened; a new
            run of successes earns it again.
          </p>
        </div>
      )}

      <section class="card" aria-labelledby="evidence-heading">
        <h2 id="evidence-heading">The evidence behind it</h2>
        {evidence.length === 0 ? (
          <p class="muted">
            No evidence is linked to this yet. Debrief your attempts and each success goes into your
            evidence journal, ready for the next time doubt comes.
          </p>
        ) : (
          <ul class="milestone-evidence">
            {evidence.map((item) => (
              <li key={item.id}>
                <a href={evidencePath(item.id)}>{item.title}</a>
                <span class="muted">{formatPlainDay(item.occurredOn)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <p class="milestone-next">
        {goal !== null && goal.status === "active" && (
          <a class="button" href={goalPath(goal.id)}>
            See what is next on your ladder
          </a>
        )}
        <a class="button button-secondary" href="/">
          Back to Today
        </a>
        <a href="/milestones">All your milestones</a>
      </p>

      {others.toCelebrate.length > 0 && (
        <MilestoneList
          id="more-heading"
          title="More to celebrate"
          milestones={others.toCelebrate}
        />
      )}
      {others.earlier.length > 0 && (
        <MilestoneList
          id="earlier-heading"
          title="Earlier milestones"
          milestones={others.earlier}
        />
      )}
    </>
  );
}

function MilestoneList(props: { id: string; title: string; milestones: Milestone[] }) {
  return (
    <section class="card" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      <ul class="milestone-list">
        {props.milestones.map((m) => (
          <li key={m.id}>
            <a href={milestonePath(m.id)}>{m.title}</a>
            <span class="muted">
              {formatDay(m.achievedAt)}
              {m.basisRemovedAt !== null && " · corrected since"}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
