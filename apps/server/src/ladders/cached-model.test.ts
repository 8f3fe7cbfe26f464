import { replayLadderModel } from "@cando/core";
import type { GoalRow } from "@cando/storage";
import { buildGoal } from "@cando/storage/test-support";
import { describe, expect, it } from "vitest";
import { cachedModel } from "./replay";

const at = (day: number) => new Date(Date.UTC(2026, 10, day)).toISOString();
const steps = ["a", "b", "c"].map((id, i) => ({
  id,
  confidence: 80 - 30 * i,
  addedAt: at(1),
  archived: false,
  override: null,
}));
const model = (attempts: number) =>
  replayLadderModel({
    steps,
    attempts: Array.from({ length: attempts }, (_, i) => ({
      id: `t${i}`,
      stepId: "a",
      outcome: "done" as const,
      at: at(2 + i),
    })),
  });
const goalWith = (id: string, json: string | null): GoalRow =>
  buildGoal("user", "domain", { id, model: json });

describe("the stored model's parse (memoised)", () => {
  it("answers an unchanged goal's model without parsing again, and a changed one anew", () => {
    const first = JSON.stringify(model(1));
    const parsed = cachedModel(goalWith("g1", first));
    expect(parsed).toEqual(JSON.parse(first));
    // The same JSON (another read of the row: an equal string, not the same one) → the same object.
    expect(cachedModel(goalWith("g1", `${first} `.trimEnd()))).toBe(parsed);
    // Another goal with the same text has its own entry; a new model is parsed.
    expect(cachedModel(goalWith("g2", first))).toEqual(parsed);
    const second = JSON.stringify(model(2));
    const reparsed = cachedModel(goalWith("g1", second));
    expect(reparsed).not.toBe(parsed);
    expect(reparsed).toEqual(JSON.parse(second));
    expect(reparsed?.attempts).toBe(2);
  });

  it("still refuses damaged JSON and answers null without a model", () => {
    const good = JSON.stringify(model(1));
    expect(cachedModel(goalWith("g3", good))).toBeDefined();
    expect(cachedModel(goalWith("g3", good.slice(0, -1)))).toBeUndefined();
    expect(
      cachedModel(goalWith("g3", JSON.stringify({ ...model(1), version: -1 }))),
    ).toBeUndefined();
    expect(cachedModel(goalWith("g3", null))).toBeNull();
  });
});
