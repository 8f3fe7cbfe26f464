import type { Audit, AuditDue, Domain } from "@cando/core";
import { AUDIT_INTERVAL_DAYS } from "@cando/core/constants";

export type DueNotice = { message: string; action: string; due: boolean };

/** What Today says about the monthly audit, from the server's `due` answer. */
export function dueNotice(due: AuditDue, formatDate: (iso: string) => string): DueNotice {
  switch (due.reason) {
    case "none_yet":
      return {
        message: "Your first audit: rate how certain you are in each area of life",
        action: "Take your first audit",
        due: true,
      };
    case "over_interval":
      return {
        message: `It has been over ${AUDIT_INTERVAL_DAYS} days since your last audit`,
        action: "Take the audit",
        due: true,
      };
    case "recent":
      return {
        message:
          due.nextDueAt === null
            ? "Your audit is up to date"
            : `Next audit due ${formatDate(due.nextDueAt)}`,
        action: "Take the audit again",
        due: false,
      };
  }
}

export type LatestRating = { domainId: string; name: string; rating: number };

/** The most recent audit's ratings, in the person's domain order (archived domains included, as rated). */
export function latestRatings(
  audits: Audit[],
  domains: Domain[],
): { takenAt: string; ratings: LatestRating[] } | null {
  const latest = audits.reduce<Audit | null>(
    (best, audit) => (best === null || audit.takenAt >= best.takenAt ? audit : best),
    null,
  );
  if (latest === null) return null;
  const byId = new Map(domains.map((d) => [d.id, d]));
  const ratings = latest.ratings
    .flatMap((r) => {
      const domain = byId.get(r.domainId);
      return domain
        ? [{ domainId: r.domainId, name: domain.name, rating: r.rating, position: domain.position }]
        : [];
    })
    .sort((a, b) => a.position - b.position)
    .map(({ domainId, name, rating }) => ({ domainId, name, rating }));
  return { takenAt: latest.takenAt, ratings };
}
