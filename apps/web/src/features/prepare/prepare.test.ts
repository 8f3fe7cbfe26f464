import { describe, expect, it } from "vitest";
import {
  describeBlock,
  formatSeconds,
  parseSleep,
  queryRating,
  routineProblem,
  startBody,
  startPath,
} from "./prepare";

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

  it("names a refused field in words", () => {
    expect(routineProblem("blocks.0.exhale", "must be at least 1")).toBe(
      "Block 1, Breathe out: must be at least 1",
    );
    expect(routineProblem("blocks.2.duration.minutes", "must be at most 20")).toBe(
      "Block 3, Minutes: must be at most 20",
    );
    expect(routineProblem("blocks.1", "bad")).toBe("Block 2: bad");
    expect(routineProblem("name", "is required")).toBe("Name: is required");
  });

  it("carries a routine's state check to the start page", () => {
    expect(startPath("g", "s")).toBe("/goals/g/steps/s/start");
    expect(startPath("g", "s", { id: "r 1", anxiety: 6, energy: null, sleepHours: 7.5 })).toBe(
      "/goals/g/steps/s/start?run=r+1&anxiety=6&sleep=7.5",
    );
    expect(queryRating("6")).toBe(6);
    expect(queryRating("11")).toBeNull();
    expect(queryRating("x")).toBeNull();
    expect(queryRating(undefined)).toBeNull();
  });
});
