import { instantMs } from "./days";
import { mean, populationSd } from "./math";

/** The shape of an audit the summary needs; a stored `Audit` fits it. */
export type AuditSnapshot = {
  takenAt: string;
  ratings: readonly { domainId: string; rating: number }[];
};

export type DomainChange = {
  domainId: string;
  /** Audits that rated this domain. */
  audits: number;
  /** The domain's most recent rating, its previous one and its first one. */
  latest: number;
  previous: number | null;
  first: number;
  /** latest − previous; null with a single rating. */
  changeSincePrevious: number | null;
  /** latest − first; 0 with a single rating. */
  changeSinceFirst: number;
};

export type Generality = {
  /** Domains rated in the latest audit. */
  domains: number;
  mean: number;
  /** Population standard deviation of the latest ratings: low = belief is general across domains. */
  sd: number;
  /** Highest − lowest latest rating. */
  range: number;
  min: number;
  max: number;
};

export type AuditSummary = {
  audits: number;
  firstAt: string | null;
  previousAt: string | null;
  latestAt: string | null;
  /** One row per domain ever rated, in order of first appearance. */
  domains: DomainChange[];
  /** Spread of the latest audit's ratings across domains (Bandura's "generality"); null without audits. */
  generality: Generality | null;
};

/**
 * Summarises repeated audits (the monthly re-rating): each domain's change since its previous and
 * its first rating, and generality as the SD and range of the latest audit's ratings (Bandura 2006).
 */
export function summarizeAudits(audits: readonly AuditSnapshot[]): AuditSummary {
  const sorted = audits
    .map((a, i) => ({ a, ms: instantMs(a.takenAt, `audits.${i}.takenAt`), i }))
    .sort((x, y) => x.ms - y.ms || x.i - y.i)
    .map((x) => x.a);
  const byDomain = new Map<string, number[]>();
  for (const audit of sorted) {
    for (const r of audit.ratings) {
      const list = byDomain.get(r.domainId) ?? [];
      list.push(r.rating);
      byDomain.set(r.domainId, list);
    }
  }
  const domains: DomainChange[] = [];
  for (const [domainId, ratings] of byDomain) {
    const first = ratings[0] ?? 0;
    const latest = ratings[ratings.length - 1] ?? first;
    const previous = ratings.length >= 2 ? (ratings[ratings.length - 2] ?? null) : null;
    domains.push({
      domainId,
      audits: ratings.length,
      latest,
      previous,
      first,
      changeSincePrevious: previous === null ? null : latest - previous,
      changeSinceFirst: latest - first,
    });
  }
  const last = sorted[sorted.length - 1];
  let generality: Generality | null = null;
  if (last && last.ratings.length > 0) {
    const values = last.ratings.map((r) => r.rating);
    const min = Math.min(...values);
    const max = Math.max(...values);
    generality = {
      domains: values.length,
      mean: mean(values) ?? 0,
      sd: populationSd(values) ?? 0,
      range: max - min,
      min,
      max,
    };
  }
  return {
    audits: sorted.length,
    firstAt: sorted[0]?.takenAt ?? null,
    previousAt: sorted[sorted.length - 2]?.takenAt ?? null,
    latestAt: last?.takenAt ?? null,
    domains,
    generality,
  };
}
