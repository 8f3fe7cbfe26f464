import { describe, expect, it } from "vitest";
import { breathingPhases, cycleCount, phaseAt, routineSchedule, stopwatch } from "./schedule";

describe("breathingPhases", () => {
  it("turns resonance breathing into 5 s in, 5 s out, back to back", () => {
    const phases = breathingPhases({
      preset: "resonance",
      duration: { unit: "cycles", cycles: 2 },
    });
    expect(phases).toEqual([
      { kind: "inhale", cycle: 1, startMs: 0, durationMs: 5000 },
      { kind: "exhale", cycle: 1, startMs: 5000, durationMs: 5000 },
      { kind: "inhale", cycle: 2, startMs: 10_000, durationMs: 5000 },
      { kind: "exhale", cycle: 2, startMs: 15_000, durationMs: 5000 },
    ]);
  });

  it("gives box breathing four phases of 4 s per breath", () => {
    const phases = breathingPhases({ preset: "box", duration: { unit: "cycles", cycles: 1 } });
    expect(phases.map((p) => [p.kind, p.durationMs])).toEqual([
      ["inhale", 4000],
      ["hold", 4000],
      ["exhale", 4000],
      ["hold_after", 4000],
    ]);
  });

  it("gives cyclic sighing a double inhale then a long exhale", () => {
    const phases = breathingPhases({
      preset: "cyclic_sighing",
      duration: { unit: "cycles", cycles: 1 },
    });
    expect(phases.map((p) => p.kind)).toEqual(["inhale", "top_up", "exhale"]);
    const [inhale, topUp, exhale] = phases;
    expect((exhale?.durationMs ?? 0) > (inhale?.durationMs ?? 0) + (topUp?.durationMs ?? 0)).toBe(
      true,
    );
  });

  it("uses the person's own seconds and leaves out holds of 0 s", () => {
    const phases = breathingPhases({
      preset: "custom",
      inhale: 3,
      hold: 0,
      exhale: 7,
      duration: { unit: "cycles", cycles: 1 },
    });
    expect(phases.map((p) => [p.kind, p.durationMs])).toEqual([
      ["inhale", 3000],
      ["exhale", 7000],
    ]);
  });

  it("fits whole breaths to minutes, so it always ends on a full exhale", () => {
    expect(cycleCount({ preset: "resonance", duration: { unit: "minutes", minutes: 1 } })).toBe(6);
    expect(cycleCount({ preset: "box", duration: { unit: "minutes", minutes: 1 } })).toBe(4);
    // 60 s / 9 s per cyclic sigh = 6.7 → 7 breaths.
    expect(
      cycleCount({ preset: "cyclic_sighing", duration: { unit: "minutes", minutes: 1 } }),
    ).toBe(7);
    const phases = breathingPhases({
      preset: "resonance",
      duration: { unit: "minutes", minutes: 1 },
    });
    const last = phases[phases.length - 1];
    expect(last?.kind).toBe("exhale");
    expect((last?.startMs ?? 0) + (last?.durationMs ?? 0)).toBe(60_000);
  });
});

describe("phaseAt", () => {
  const phases = breathingPhases({ preset: "box", duration: { unit: "cycles", cycles: 2 } });

  it("finds the phase and what remains of it", () => {
    expect(phaseAt(phases, 0)).toMatchObject({ index: 0, remainingMs: 4000 });
    expect(phaseAt(phases, 4000)).toMatchObject({ index: 1, remainingMs: 4000 });
    expect(phaseAt(phases, 15_999)).toMatchObject({
      index: 3,
      remainingMs: 1,
      phase: { kind: "hold_after", cycle: 1 },
    });
    expect(phaseAt(phases, 16_500)).toMatchObject({
      index: 4,
      phase: { kind: "inhale", cycle: 2 },
      remainingMs: 3500,
    });
  });

  it("is done at the end, and for no phases at all", () => {
    expect(phaseAt(phases, 32_000)).toEqual({ done: true });
    expect(phaseAt([], 0)).toEqual({ done: true });
  });

  it("does not drift over a long session: position depends on elapsed time only", () => {
    const long = breathingPhases({
      preset: "resonance",
      duration: { unit: "minutes", minutes: 20 },
    });
    // 20 minutes = 120 breaths; 19 min 57.5 s in is the last exhale with 2.5 s left.
    expect(phaseAt(long, 1_197_500)).toMatchObject({
      phase: { kind: "exhale", cycle: 120 },
      remainingMs: 2500,
    });
  });
});

describe("routineSchedule", () => {
  it("times breathing and rehearsal, and leaves the rest to the person's pace", () => {
    const schedule = routineSchedule([
      { kind: "breathing", preset: "resonance", duration: { unit: "minutes", minutes: 1 } },
      { kind: "evidence" },
      { kind: "rehearsal", seconds: 90 },
      { kind: "warmup" },
      { kind: "state_check" },
    ]);
    expect(schedule.map((s) => [s.kind, s.durationMs])).toEqual([
      ["breathing", 60_000],
      ["evidence", null],
      ["rehearsal", 90_000],
      ["warmup", null],
      ["state_check", null],
    ]);
    expect(schedule[0]?.phases).toHaveLength(12);
  });
});

describe("stopwatch", () => {
  it("counts only running time across pauses", () => {
    let s = stopwatch.start(1000);
    expect(stopwatch.elapsed(s, 3000)).toBe(2000);
    s = stopwatch.pause(s, 3000);
    expect(stopwatch.elapsed(s, 60_000)).toBe(2000);
    s = stopwatch.resume(s, 60_000);
    expect(stopwatch.elapsed(s, 61_500)).toBe(3500);
    // Pausing or resuming twice changes nothing.
    expect(stopwatch.resume(s, 70_000)).toBe(s);
    const paused = stopwatch.pause(s, 62_000);
    expect(stopwatch.pause(paused, 90_000)).toBe(paused);
  });
});
