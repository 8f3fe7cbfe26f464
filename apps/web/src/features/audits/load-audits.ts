import { api } from "../../api/client";
import type { AuditListResponse } from "../../api/types";

/**
 * Every audit (the list is paged; audits are monthly, so this is a page or two): the history chart,
 * the latest ratings and the due notice need them all.
 */
export async function loadAudits(): Promise<AuditListResponse> {
  let page = await api.get<AuditListResponse>("/api/audits?limit=500");
  const audits = [...page.audits];
  while (page.nextCursor) {
    page = await api.get<AuditListResponse>(
      `/api/audits?limit=500&cursor=${encodeURIComponent(page.nextCursor)}`,
    );
    audits.push(...page.audits);
  }
  return { audits, due: page.due, nextCursor: null };
}

/** Only the latest audit, and whether the next is due: what Today and the welcome show. */
export function loadLatestAudit(): Promise<AuditListResponse> {
  return api.get<AuditListResponse>("/api/audits?order=newest&limit=1");
}
