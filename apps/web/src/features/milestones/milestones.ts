import type { Evidence, Milestone } from "@cando/core";

/** The evidence a milestone names, in the milestone's order; pieces since deleted are skipped. */
export function evidenceFor(milestone: Milestone, evidence: Evidence[]): Evidence[] {
  const byId = new Map(evidence.map((e) => [e.id, e]));
  return milestone.evidenceIds.flatMap((id) => {
    const found = byId.get(id);
    return found ? [found] : [];
  });
}

/** The other milestones, split into those still to celebrate and those already seen, newest first. */
export function otherMilestones(
  all: Milestone[],
  currentId: string,
): { toCelebrate: Milestone[]; earlier: Milestone[] } {
  const others = all
    .filter((m) => m.id !== currentId)
    .sort((a, b) => (a.achievedAt < b.achievedAt ? 1 : a.achievedAt > b.achievedAt ? -1 : 0));
  return {
    toCelebrate: others.filter((m) => m.seenAt === null),
    earlier: others.filter((m) => m.seenAt !== null),
  };
}

/**
 * A sentence on what the milestone means: the evidence behind it, counted, and the server's praise,
 * which matches the effort and debriefs that earned it (never "real effort" for an easy one).
 */
export function milestoneMeaning(milestone: Milestone, evidenceCount: number): string {
  const proof =
    evidenceCount === 0
      ? "No evidence is linked to it yet."
      : `You have ${evidenceCount} ${evidenceCount === 1 ? "piece" : "pieces"} of evidence behind it.`;
  return `${proof} ${milestone.praise}`;
}
