import type { Domain, Goal, GoalStatus } from "@cando/core";

/** The statuses in the order the Goals page lists them: what is live first. */
export const STATUS_ORDER: readonly GoalStatus[] = ["active", "paused", "reached", "dropped"];

export const STATUS_LABELS: Record<GoalStatus, string> = {
  active: "Active",
  paused: "Paused",
  reached: "Reached",
  dropped: "Dropped",
};

export type GoalGroup = { status: GoalStatus; label: string; goals: Goal[] };

/** Goals grouped by status, active first; each group keeps the API's order (newest first). */
export function groupGoals(goals: Goal[]): GoalGroup[] {
  return STATUS_ORDER.map((status) => ({
    status,
    label: STATUS_LABELS[status],
    goals: goals.filter((g) => g.status === status),
  })).filter((group) => group.goals.length > 0);
}

/** The active goals already set in a domain: Cando suggests one at a time per domain. */
export function activeGoalsIn(goals: Goal[], domainId: string): Goal[] {
  return goals.filter((g) => g.domainId === domainId && g.status === "active");
}

/** A domain's name by id, archived domains included (old goals may sit in one). */
export function domainName(domains: Domain[], domainId: string): string {
  return domains.find((d) => d.id === domainId)?.name ?? "Unknown domain";
}
