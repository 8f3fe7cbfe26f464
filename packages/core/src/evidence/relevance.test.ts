import { describe, expect, it } from "vitest";
import { ownShare, rankEvidenceForDoubt } from "./relevance";
import type { Evidence } from "./schema";

let n = 0;
function buildEvidence(overrides: Partial<Evidence> = {}): Evidence {
  n++;
  return {
    id: `e-${n}`,
    source: "attempt",
    attemptId: null,
    domainId: "career",
    goalId: null,
    stepId: null,
    title: `Evidence ${n}`,
    body: "",
    occurredOn: "2026-11-01",
    ownership: 80,
    effort: 3,
    reattribution: null,
    reflectionId: null,
    createdAt: "2026-11-01T10:00:00.000Z",
    updatedAt: "2026-11-01T10:00:00.000Z",
    ...overrides,
  };
}

describe("rankEvidenceForDoubt", () => {
  it("brings up the same step first, then the same goal, then the domain, then the rest", () => {
    const elsewhere = buildEvidence({ domainId: "health", effort: 5 });
    const domain = buildEvidence({ effort: 5 });
    const goal = buildEvidence({ goalId: "g1", effort: 4 });
    const step = buildEvidence({ goalId: "g1", stepId: "s1", effort: 1 });
    const ranked = rankEvidenceForDoubt([elsewhere, domain, goal, step], {
      stepId: "s1",
      goalId: "g1",
      domainId: "career",
    });
    expect(ranked.map((e) => e.id)).toEqual([step.id, goal.id, domain.id, elsewhere.id]);
  });

  it("puts effortful successes before easy ones at the same closeness, then own doing, then recency", () => {
    const easy = buildEvidence({ goalId: "g1", effort: 1, occurredOn: "2026-11-20" });
    const hard = buildEvidence({ goalId: "g1", effort: 5, occurredOn: "2026-10-01" });
    const helped = buildEvidence({ goalId: "g1", effort: 5, ownership: 30 });
    const recent = buildEvidence({ goalId: "g1", effort: 5, occurredOn: "2026-11-21" });
    const ranked = rankEvidenceForDoubt([easy, helped, hard, recent], { goalId: "g1" });
    expect(ranked.map((e) => e.id)).toEqual([recent.id, hard.id, helped.id, easy.id]);
  });

  it("returns at most the limit", () => {
    const many = Array.from({ length: 9 }, () => buildEvidence());
    expect(rankEvidenceForDoubt(many, {}, 3)).toHaveLength(3);
  });
});

describe("ownShare", () => {
  it("is effort, skill and strategy as a share of all the weights", () => {
    expect(ownShare({ effort: 40, skill: 20, strategy: 20, luck: 10, help: 10, timing: 0 })).toBe(
      80,
    );
    expect(ownShare({ effort: 0, skill: 0, strategy: 0, luck: 0, help: 0, timing: 0 })).toBe(0);
  });
});
