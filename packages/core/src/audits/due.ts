import { DAY_MS } from "../time";
import { AUDIT_INTERVAL_DAYS } from "./scale";
import type { AuditDue } from "./schema";

/** The audit is repeated monthly (product.md): due when none exists or the last is 30+ days old. */
export function auditDue(lastTakenAt: string | null, now: Date): AuditDue {
  if (lastTakenAt === null) {
    return { due: true, lastTakenAt: null, nextDueAt: null, reason: "none_yet" };
  }
  const next = new Date(Date.parse(lastTakenAt) + AUDIT_INTERVAL_DAYS * DAY_MS);
  if (next.getTime() <= now.getTime()) {
    return { due: true, lastTakenAt, nextDueAt: null, reason: "over_interval" };
  }
  return { due: false, lastTakenAt, nextDueAt: next.toISOString(), reason: "recent" };
}
