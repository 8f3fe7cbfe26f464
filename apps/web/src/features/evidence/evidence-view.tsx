import type { Domain, Evidence, Goal } from "@cando/core";
import { formatCalendarDay } from "../../ui/local-time";
import { OwnDoingWhy } from "../advice/why";

/** Names for the ids evidence points at. */
export type Lookups = { domains: ReadonlyMap<string, Domain>; goals: ReadonlyMap<string, Goal> };

export function lookupsOf(domains: readonly Domain[], goals: readonly Goal[]): Lookups {
  return {
    domains: new Map(domains.map((d) => [d.id, d])),
    goals: new Map(goals.map((g) => [g.id, g])),
  };
}

const SOURCE_BADGES: Record<Evidence["source"], string> = {
  attempt: "From an attempt",
  manual: "Added by hand",
  reflection: "From a weekly reflection",
  social_persuasion: "From a supporter's feedback",
};

/** Where it came from, and whether the imposter exercise has been done for it. */
export function evidenceBadges(evidence: Evidence): string[] {
  const badges = [SOURCE_BADGES[evidence.source]];
  if (evidence.reattribution !== null) badges.push("Re-attributed");
  return badges;
}

export function EvidenceBadges(props: { evidence: Evidence }) {
  return (
    <span class="badges">
      {evidenceBadges(props.evidence).map((badge) => (
        <span
          key={badge}
          class={
            badge === "Re-attributed" ? "badge badge-done" : `badge badge-${props.evidence.source}`
          }
        >
          {badge}
        </span>
      ))}
    </span>
  );
}

/** Date, domain and goal, on one line. */
export function EvidenceContext(props: { evidence: Evidence; lookups: Lookups }) {
  const { evidence, lookups } = props;
  const domain = lookups.domains.get(evidence.domainId);
  const goal = evidence.goalId === null ? undefined : lookups.goals.get(evidence.goalId);
  return (
    <p class="evidence-context">
      <time dateTime={evidence.occurredOn}>{formatCalendarDay(evidence.occurredOn)}</time>
      {domain && <span>{domain.name}</span>}
      {goal && <span>{goal.statement}</span>}
    </p>
  );
}

/** How much was the person's own doing (and why that number), and the effort it took. */
export function EvidenceNumbers(props: { evidence: Evidence }) {
  const { evidence } = props;
  return (
    <>
      <p class="evidence-numbers">
        <span>
          Your own doing: <strong>{evidence.ownership}%</strong>
        </span>
        {evidence.effort !== null && (
          <span>
            Effort: <strong>{evidence.effort} of 5</strong>
          </span>
        )}
        {evidence.reattribution !== null && (
          <span>
            Own share after a second look: <strong>{evidence.reattribution.ownShare}%</strong>
          </span>
        )}
      </p>
      <OwnDoingWhy evidence={evidence} />
    </>
  );
}
