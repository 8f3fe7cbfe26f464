import type { Attempt, Debrief, Evidence, Goal } from "@cando/core";

export function buildEvidence(overrides: Partial<Evidence> = {}): Evidence {
  return {
    id: "evidence-1",
    source: "manual",
    attemptId: null,
    domainId: "career",
    goalId: null,
    stepId: null,
    title: "Ran the workshop",
    body: "",
    occurredOn: "2025-03-03",
    ownership: 70,
    effort: null,
    reattribution: null,
    reflectionId: null,
    createdAt: "2025-03-03T10:00:00.000Z",
    updatedAt: "2025-03-03T10:00:00.000Z",
    ...overrides,
  };
}

export function buildGoal(overrides: Partial<Goal> = {}): Goal {
  return {
    id: "goal-1",
    domainId: "career",
    statement: "I can give a clear 10-minute talk",
    outcome: "",
    context: "",
    targetDate: null,
    status: "active",
    createdAt: "2025-01-01T00:00:00.000Z",
    updatedAt: "2025-01-01T00:00:00.000Z",
    reachedAt: null,
    coaching: [],
    ...overrides,
  };
}

export function buildDebrief(overrides: Partial<Debrief> = {}): Debrief {
  return {
    attemptId: "attempt-1",
    didWell: "Started on time",
    capability: "I can prepare",
    differently: "Slow down",
    attributions: { effort: 3, strategy: 2, ability: 1, luck: 0, help: 0, easy: 0 },
    reattribution: "",
    prompts: [],
    createdAt: "2025-03-03T10:00:00.000Z",
    updatedAt: "2025-03-03T10:00:00.000Z",
    ...overrides,
  };
}

export function buildAttempt(overrides: Partial<Attempt> = {}): Attempt {
  return {
    id: "attempt-1",
    goalId: "goal-1",
    stepId: "step-1",
    attemptedAt: "2025-03-03T09:00:00.000Z",
    confidenceBefore: null,
    anxietyBefore: null,
    outcome: "done",
    effort: 3,
    difficulty: 3,
    anxietyAfter: null,
    minutes: null,
    note: "",
    predictedSuccess: 0.7,
    confidenceRated: "after",
    energyBefore: null,
    sleepHours: null,
    debrief: null,
    createdAt: "2025-03-03T09:00:00.000Z",
    ...overrides,
  };
}
