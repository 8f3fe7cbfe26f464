import type { Audit, AuditDue, Domain, Step } from "@cando/core";

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

export function buildStep(overrides: Partial<Step> = {}): Step {
  return {
    id: "step-1",
    goalId: "goal-1",
    title: "Explain my project to one colleague",
    description: "",
    position: 0,
    confidence: 70,
    plannedDate: null,
    archivedAt: null,
    attemptCount: 0,
    successCount: 0,
    predictedSuccess: 0.7,
    mastered: false,
    masteredOverride: null,
    why: null,
    createdAt: "2025-03-01T09:00:00.000Z",
    ...overrides,
  };
}
