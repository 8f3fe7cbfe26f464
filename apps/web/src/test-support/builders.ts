import type { Audit, AuditDue, Domain } from "@cando/core";

export function buildDomain(overrides: Partial<Domain> = {}): Domain {
  return {
    id: "domain-1",
    key: null,
    name: "Career",
    position: 0,
    archivedAt: null,
    createdAt: "2025-01-01T00:00:00.000Z",
    ...overrides,
  };
}

export function buildAudit(overrides: Partial<Audit> = {}): Audit {
  return {
    id: "audit-1",
    takenAt: "2025-01-10T09:00:00.000Z",
    note: null,
    ratings: [],
    ...overrides,
  };
}

export function buildDue(overrides: Partial<AuditDue> = {}): AuditDue {
  return { due: true, lastTakenAt: null, nextDueAt: null, reason: "none_yet", ...overrides };
}
