import type { Domain } from "@cando/core";

const byPosition = (a: Domain, b: Domain) => a.position - b.position;

/** Domains the person rates in an audit: not archived, in their order. */
export function activeDomains(domains: Domain[]): Domain[] {
  return domains.filter((d) => d.archivedAt === null).sort(byPosition);
}

/** Archived domains, kept for their history and restorable. */
export function archivedDomains(domains: Domain[]): Domain[] {
  return domains.filter((d) => d.archivedAt !== null).sort(byPosition);
}

/** Replaces one domain in the list with the server's newer copy (after a rename, archive, restore). */
export function replaceDomain(domains: Domain[], updated: Domain): Domain[] {
  return domains.map((d) => (d.id === updated.id ? updated : d));
}
