import { describe, expect, it } from "vitest";
import { createLadderModel, predictSuccess, syncSteps, updateWithAttempt } from "./ladder-model";
import { compareLadderAttempts, foldsLast, type LadderFacts, replayLadderModel } from "./replay";

const step = (
  id: string,
  confidence: number | null,
  archived = false,
  addedAt = "2026-10-01T00:00:00.000Z",
) => ({ id, confidence, addedAt, archived, override: null });

const ladder: LadderFacts = {
  steps: [step("s1", 90), step("s2", 60), step("s3", 30)],
  attempts: [],
};

describe("replayLadderModel", () => {
  it("starts from the active steps' ratings", () => {
    expect(replayLadderModel(ladder)).toEqual(
      createLadderModel([
        { id: "s1", confidence: 90 },
        { id: "s2", confidence: 60 },
        { id: "s3", confidence: 30 },
      ]),
    );
  });

  it("folds the attempts in attemptedAt order, ties by id, whatever order they come in", () => {
    const attempts = [
      { id: "b", stepId: "s2", outcome: "done" as const, at: "2026-11-02T10:00:00.000Z" },
      { id: "a", stepId: "s1", outcome: "not_yet" as const, at: "2026-11-02T10:00:00.000Z" },
      { id: "c", stepId: "s1", outcome: "partly" as const, at: "2026-11-01T10:00:00.000Z" },
    ];
    let expected = replayLadderModel(ladder);
    if (!expected) throw new Error("no model");
    for (const a of [attempts[2], attempts[1], attempts[0]]) {
      if (a) expected = updateWithAttempt(expected, a);
    }
    expect(replayLadderModel({ ...ladder, attempts })).toEqual(expected);
    expect(replayLadderModel({ ...ladder, attempts: [...attempts].reverse() })).toEqual(expected);
  });

  it("counts attempts on an archived step towards the ability, then drops the step", async () => {
    const attempts = [1, 2, 3].map((d) => ({
      id: `a${d}`,
      stepId: "old",
      outcome: "done" as const,
      at: `2026-11-0${d}T10:00:00.000Z`,
    }));
    const facts: LadderFacts = {
      steps: [step("s1", 90), step("old", 70, true), step("s2", 60), step("s3", 30)],
      attempts,
    };
    const model = replayLadderModel(facts);
    const fresh = replayLadderModel(ladder);
    if (!model || !fresh) throw new Error("no model");
    expect(model.steps.map((s) => s.id)).toEqual(["s1", "s2", "s3"]);
    expect(model.attempts).toBe(3);
    expect(model.currentStepId).toBeNull();
    expect(model.ability).toBeGreaterThan(fresh.ability);
  });

  it("applies the overrides of active steps and ignores attempts on unknown steps", () => {
    const model = replayLadderModel({
      steps: [{ ...step("s1", 90), override: "mastered" as const }, step("s2", 60), step("s3", 30)],
      attempts: [{ id: "x", stepId: "gone", outcome: "done", at: "2026-11-01T10:00:00.000Z" }],
    });
    expect(model?.steps[0]?.override).toBe("mastered");
    expect(model?.attempts).toBe(0);
  });

  it("is null when no step is active", () => {
    expect(replayLadderModel({ steps: [step("s1", 50, true)], attempts: [] })).toBeNull();
    expect(replayLadderModel({ steps: [], attempts: [] })).toBeNull();
  });

  it("places a step added after attempts by its rating at the ability of that moment", () => {
    const attempts = Array.from({ length: 20 }, (_, i) => ({
      id: `a${String(i).padStart(2, "0")}`,
      stepId: i < 10 ? "s1" : "s2",
      outcome: "done" as const,
      at: new Date(Date.UTC(2026, 9, 2 + i)).toISOString(),
    }));
    const before = replayLadderModel({ ...ladder, attempts });
    if (!before) throw new Error("no model");
    const later = step("new", 30, false, "2026-11-15T00:00:00.000Z");
    const replayed = replayLadderModel({ steps: [...ladder.steps, later], attempts });
    if (!replayed) throw new Error("no model");
    // As the ladder was when the step was added: the person's 30% is taken as of now.
    expect(replayed).toEqual(
      syncSteps(
        before,
        [...ladder.steps, later].map((s) => ({ id: s.id, confidence: s.confidence })),
      ),
    );
    expect(predictSuccess(replayed, "new")).toBeCloseTo(0.3, 5);
    // Had it been there from the start, the growth since would make it look easy.
    const fromStart = replayLadderModel({
      steps: [...ladder.steps, { ...later, addedAt: "2026-10-01T00:00:00.000Z" }],
      attempts,
    });
    expect(predictSuccess(fromStart ?? before, "new")).toBeGreaterThan(0.6);
  });

  it("lets a step join at its first attempt when that was logged as earlier than the step", () => {
    const late = step("s3", 30, false, "2026-12-01T00:00:00.000Z");
    const attempt = {
      id: "a",
      stepId: "s3",
      outcome: "done" as const,
      at: "2026-11-01T00:00:00.000Z",
    };
    const model = replayLadderModel({
      steps: [step("s1", 90), step("s2", 60), late],
      attempts: [attempt],
    });
    expect(model?.attempts).toBe(1);
    expect(model?.currentStepId).toBe("s3");
  });
});

describe("foldsLast", () => {
  const model = createLadderModel([{ id: "s1", confidence: 50 }]);
  const after = updateWithAttempt(model, {
    stepId: "s1",
    outcome: "done",
    at: "2026-11-02T10:00:00.000Z",
  });
  it("folds only an attempt strictly after the last one and not before a step joined", () => {
    expect(foldsLast(model, "2020-01-01T00:00:00.000Z", null)).toBe(true);
    expect(foldsLast(after, "2026-11-02T10:00:00.001Z", null)).toBe(true);
    expect(foldsLast(after, "2026-11-02T10:00:00.000Z", null)).toBe(false);
    expect(foldsLast(after, "2026-11-01T10:00:00.000Z", null)).toBe(false);
    // Not before a step joined the ladder: the replay would put that step first.
    expect(foldsLast(after, "2026-11-03T10:00:00.000Z", "2026-11-03T10:00:00.000Z")).toBe(true);
    expect(foldsLast(after, "2026-11-03T10:00:00.000Z", "2026-11-04T00:00:00.000Z")).toBe(false);
  });
});

describe("compareLadderAttempts", () => {
  it("orders by instant, then id", () => {
    const list = [
      { id: "b", at: "2026-11-02T10:00:00.000Z" },
      { id: "a", at: "2026-11-02T10:00:00.000Z" },
      { id: "z", at: "2026-11-01T10:00:00.000Z" },
    ].sort(compareLadderAttempts);
    expect(list.map((x) => x.id)).toEqual(["z", "a", "b"]);
  });
});
