import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors";
import { type AnxietyAttempt, anxietyVsOutcome } from "./anxiety";
import type { AttemptOutcome } from "./outcome";

const at = (anxiety: number, outcomes: AttemptOutcome[]): AnxietyAttempt[] =>
  outcomes.map((outcome) => ({ anxiety, outcome }));

describe("anxietyVsOutcome", () => {
  it("finds no link when the person succeeds as often anxious as calm", () => {
    const a = anxietyVsOutcome([
      ...at(7, ["done", "done", "not_yet", "done", "done", "not_yet"]),
      ...at(2, ["done", "not_yet", "done", "done", "not_yet", "done"]),
    ]);
    expect(a.high).toEqual({ count: 6, successPercent: (4 / 6) * 100 });
    expect(a.low).toEqual({ count: 6, successPercent: (4 / 6) * 100 });
    expect(a.difference).toBe(0);
    expect(a.correlation).toBeCloseTo(0, 10);
    expect(a.verdict).toBe("no_clear_link");
    expect(a.sentence).toContain("has not predicted how it went");
  });

  it("finds a link when every anxious attempt was a setback and every calm one a success", () => {
    const a = anxietyVsOutcome([
      ...at(8, Array(6).fill("not_yet")),
      ...at(1, Array(6).fill("done")),
    ]);
    expect(a.difference).toBe(100);
    expect(a.correlation).toBeCloseTo(-1, 10);
    expect(a.verdict).toBe("higher_anxiety_went_with_setbacks");
  });

  it("finds the opposite link too", () => {
    const a = anxietyVsOutcome([
      ...at(9, ["done", "done", "done", "done", "done", "partly"]),
      ...at(3, ["not_yet", "not_yet", "not_yet", "not_yet", "partly", "not_yet"]),
    ]);
    expect(a.verdict).toBe("higher_anxiety_went_with_success");
  });

  it("claims nothing with too few attempts, or too few in a group", () => {
    const few = anxietyVsOutcome([
      ...at(8, Array(4).fill("not_yet")),
      ...at(1, Array(4).fill("done")),
    ]);
    expect(few.verdict).toBe("not_enough_data");
    expect(few.sentence).toContain("Not enough attempts yet");
    const oneSided = anxietyVsOutcome([
      ...at(8, Array(4).fill("not_yet")),
      ...at(1, Array(10).fill("done")),
    ]);
    expect(oneSided.verdict).toBe("not_enough_data");
  });

  it("leaves an anxiety of 5 out of both groups but in the correlation", () => {
    const a = anxietyVsOutcome(at(5, ["done", "not_yet"]));
    expect(a.high.count).toBe(0);
    expect(a.low.count).toBe(0);
    expect(a.difference).toBeNull();
    expect(a.correlation).toBeNull(); // anxiety does not vary
    expect(a.attempts).toBe(2);
  });

  it("rejects anxiety outside 0–10", () => {
    expect(() => anxietyVsOutcome([{ anxiety: 11, outcome: "done" }])).toThrow(ValidationError);
  });
});
