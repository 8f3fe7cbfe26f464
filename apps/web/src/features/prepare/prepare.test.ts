import { describe, expect, it } from "vitest";
import { describeBlock, formatSeconds, parseSleep, startBody } from "./prepare";

describe("prepare helpers", () => {
  it("reads hours slept in half hours", () => {
    expect(parseSleep("7")).toBe(7);
    expect(parseSleep("6,5")).toBe(6.5);
    expect(parseSleep("6.25")).toBeNull();
    expect(parseSleep("25")).toBeNull();
    expect(parseSleep("")).toBeNull();
  });

  it("sends only what was answered", () => {
    expect(
      startBody(
        { confidenceBefore: 60, anxietyBefore: null, energyBefore: 4, sleep: "7.5" },
        "s1",
        "key-12345678",
        "run-1",
      ),
    ).toEqual({
      stepId: "s1",
      idempotencyKey: "key-12345678",
      confidenceBefore: 60,
      energyBefore: 4,
      sleepHours: 7.5,
      routineRunId: "run-1",
    });
  });

  it("says what a block does", () => {
    expect(
      describeBlock({
        kind: "breathing",
        preset: "box",
        duration: { unit: "minutes", minutes: 1 },
      }),
    ).toBe("Paced breathing: Box breathing (4-4-4-4), 1 minute (4 breaths)");
    expect(
      describeBlock({
        kind: "breathing",
        preset: "custom",
        inhale: 4,
        exhale: 8,
        duration: { unit: "cycles", cycles: 6 },
      }),
    ).toBe("Paced breathing: in 4 s, out 8 s, 6 breaths");
    expect(describeBlock({ kind: "rehearsal", script: "", seconds: 90 })).toBe(
      "Mental rehearsal: 1:30",
    );
    expect(formatSeconds(5)).toBe("0:05");
  });
});
