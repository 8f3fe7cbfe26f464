import type { UserRow } from "../accounts/users";
import type { AttemptRow } from "../attempts/attempts";
import type { DomainRow } from "../audits/domains";
import type { EvidenceRow } from "../evidence/evidence";
import type { GoalRow } from "../goals/goals";
import type { StepRow } from "../goals/steps";

let counter = 0;
const next = () => `${Date.UTC(2026, 10, 22)}-${++counter}`;

export function buildUser(overrides: Partial<UserRow> = {}): UserRow {
  const n = next();
  return {
    id: `user-${n}`,
    email: `person-${n}@example.test`,
    passwordHash: "$argon2id$not-a-real-hash",
    createdAt: "2026-11-22T07:00:00.000Z",
    ...overrides,
  };
}

export function buildDomain(userId: string, overrides: Partial<DomainRow> = {}): DomainRow {
  const n = next();
  return {
    id: `domain-${n}`,
    userId,
    key: null,
    name: `Domain ${n}`,
    position: 0,
    archivedAt: null,
    createdAt: "2026-11-22T07:00:00.000Z",
    ...overrides,
  };
}

export function buildGoal(
  userId: string,
  domainId: string,
  overrides: Partial<GoalRow> = {},
): GoalRow {
  const n = next();
  return {
    id: `goal-${n}`,
    userId,
    domainId,
    statement: "I can give a clear 10-minute talk to a room of ten or more",
    outcome: "Ten people heard it and could say back the main point",
    context: "At work",
    targetDate: null,
    status: "active",
    model: null,
    createdAt: `2026-11-22T07:00:00.${String(counter % 1000).padStart(3, "0")}Z`,
    updatedAt: "2026-11-22T07:00:00.000Z",
    reachedAt: null,
    ...overrides,
  };
}

export function buildStep(
  userId: string,
  goalId: string,
  overrides: Partial<StepRow> = {},
): StepRow {
  const n = next();
  return {
    id: `step-${n}`,
    userId,
    goalId,
    title: `Step ${n}`,
    description: "",
    position: 0,
    confidence: 50,
    plannedDate: null,
    archivedAt: null,
    masteryOverride: null,
    createdAt: "2026-11-22T07:00:00.000Z",
    attemptCount: 0,
    successCount: 0,
    ...overrides,
  };
}

export function buildAttempt(
  userId: string,
  goalId: string,
  stepId: string,
  overrides: Partial<AttemptRow> = {},
): AttemptRow {
  const n = next();
  return {
    id: `attempt-${n}`,
    userId,
    goalId,
    stepId,
    idempotencyKey: null,
    attemptedAt: "2026-11-22T08:00:00.000Z",
    confidenceBefore: 60,
    anxietyBefore: 4,
    outcome: "done",
    effort: 3,
    difficulty: 3,
    anxietyAfter: 2,
    minutes: 20,
    note: "",
    predictedSuccess: 0.7,
    confidenceRated: null,
    energyBefore: null,
    sleepHours: null,
    createdAt: "2026-11-22T08:00:00.000Z",
    ...overrides,
  };
}

export function buildEvidence(
  userId: string,
  domainId: string,
  overrides: Partial<EvidenceRow> = {},
): EvidenceRow {
  const n = next();
  return {
    id: `evidence-${n}`,
    userId,
    source: "manual",
    attemptId: null,
    domainId,
    goalId: null,
    stepId: null,
    title: `Evidence ${n}`,
    body: "",
    occurredOn: "2026-11-22",
    ownership: 80,
    effort: null,
    reattribution: null,
    createdAt: "2026-11-22T08:00:00.000Z",
    updatedAt: "2026-11-22T08:00:00.000Z",
    ...overrides,
  };
}
