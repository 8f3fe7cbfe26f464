import type { Goal } from "@cando/core";

/** The journal's filters, as kept in the address (`?q=&domainId=&goalId=&stepId=`). */
export type EvidenceFilters = { q: string; domainId: string; goalId: string; stepId: string };

export const NO_FILTERS: EvidenceFilters = { q: "", domainId: "", goalId: "", stepId: "" };
const KEYS = ["q", "domainId", "goalId", "stepId"] as const;

export function filtersFromQuery(query: Record<string, string | undefined>): EvidenceFilters {
  return {
    q: query["q"] ?? "",
    domainId: query["domainId"] ?? "",
    goalId: query["goalId"] ?? "",
    // A step only means something within its goal.
    stepId: query["goalId"] ? (query["stepId"] ?? "") : "",
  };
}

/** The query string (with its "?", or "") of the filters that are set, in a stable order. */
export function filtersToSearch(filters: EvidenceFilters): string {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = key === "q" ? filters.q.trim() : filters[key];
    if (value !== "") params.set(key, value);
  }
  const text = params.toString();
  return text === "" ? "" : `?${text}`;
}

/** `GET /api/evidence` with these filters; with a cursor, the page after it (the list is paged). */
export function evidenceListPath(filters: EvidenceFilters, cursor?: string): string {
  const search = filtersToSearch(filters);
  if (!cursor) return `/api/evidence${search}`;
  return `/api/evidence${search === "" ? "?" : `${search}&`}cursor=${encodeURIComponent(cursor)}`;
}

export function hasFilters(filters: EvidenceFilters): boolean {
  return filtersToSearch(filters) !== "";
}

/** A new domain keeps the goal only if the goal is in it; the step goes with the goal. */
export function withDomain(
  filters: EvidenceFilters,
  domainId: string,
  goals: readonly Goal[],
): EvidenceFilters {
  const goal = goals.find((g) => g.id === filters.goalId);
  const keepGoal = domainId === "" || goal?.domainId === domainId;
  return keepGoal ? { ...filters, domainId } : { ...filters, domainId, goalId: "", stepId: "" };
}

/** A new goal clears the step, and narrows the domain to the goal's own. */
export function withGoal(
  filters: EvidenceFilters,
  goalId: string,
  goals: readonly Goal[],
): EvidenceFilters {
  const goal = goals.find((g) => g.id === goalId);
  return {
    ...filters,
    goalId,
    stepId: "",
    domainId: goal ? goal.domainId : filters.domainId,
  };
}

/** The goals a goal filter offers: those in the chosen domain, or all. */
export function goalsInDomain(goals: readonly Goal[], domainId: string): Goal[] {
  return domainId === "" ? [...goals] : goals.filter((g) => g.domainId === domainId);
}

/** "3 pieces of evidence" / "1 piece of evidence" / with "match" when filtered. */
export function countText(count: number, filtered: boolean, more = false): string {
  const noun = count === 1 && !more ? "piece of evidence" : "pieces of evidence";
  if (count === 0) return filtered ? "No evidence matches these filters." : "No evidence yet.";
  // More remain to load: say how many are shown, not a total the page does not know.
  if (more) return `The latest ${count} ${noun}${filtered ? " that match" : ""}; there are more.`;
  return filtered ? `${count} ${noun} ${count === 1 ? "matches" : "match"}.` : `${count} ${noun}.`;
}
