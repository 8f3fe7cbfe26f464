// The runner's schedule, pure and zod-free (the browser imports it): a breathing pattern becomes
// timed phases; the runner asks which phase a moment falls in, from a monotonic clock.
import {
  BREATHING_PRESET_PATTERNS,
  type BreathingPattern,
  type BreathingPreset,
  type RoutineBlockKind,
} from "./rules";

export type BreathingPhaseKind = "inhale" | "top_up" | "hold" | "exhale" | "hold_after";

export const PHASE_LABELS: Record<BreathingPhaseKind, string> = {
  inhale: "Breathe in",
  top_up: "Breathe in again",
  hold: "Hold",
  exhale: "Breathe out",
  hold_after: "Hold",
};

export type BreathingPhase = {
  kind: BreathingPhaseKind;
  /** 1-based breath this phase belongs to. */
  cycle: number;
  startMs: number;
  durationMs: number;
};

/** The fields of a breathing block the schedule reads (the zod schema is `BreathingBlock`). */
export type BreathingSpec = {
  preset: BreathingPreset;
  inhale?: number | null | undefined;
  hold?: number | null | undefined;
  exhale?: number | null | undefined;
  holdAfter?: number | null | undefined;
  duration: { unit: "cycles"; cycles: number } | { unit: "minutes"; minutes: number };
};

/** The pattern of one breath: the preset's, or the person's own seconds. */
export function breathingPattern(spec: BreathingSpec): BreathingPattern {
  if (spec.preset !== "custom") return BREATHING_PRESET_PATTERNS[spec.preset];
  return {
    inhale: spec.inhale ?? 4,
    topUp: 0,
    hold: spec.hold ?? 0,
    exhale: spec.exhale ?? 6,
    holdAfter: spec.holdAfter ?? 0,
  };
}

export function cycleSeconds(p: BreathingPattern): number {
  return p.inhale + p.topUp + p.hold + p.exhale + p.holdAfter;
}

/**
 * How many whole breaths a block runs: its cycles, or as many whole breaths as come closest to
 * its minutes (at least one), so a session always ends on a full exhale.
 */
export function cycleCount(spec: BreathingSpec): number {
  if (spec.duration.unit === "cycles") return spec.duration.cycles;
  const seconds = cycleSeconds(breathingPattern(spec));
  return Math.max(1, Math.round((spec.duration.minutes * 60) / seconds));
}

/** The timed phases of a breathing block, back to back from 0; parts of 0 s are left out. */
export function breathingPhases(spec: BreathingSpec): BreathingPhase[] {
  const p = breathingPattern(spec);
  const parts: [BreathingPhaseKind, number][] = [
    ["inhale", p.inhale],
    ["top_up", p.topUp],
    ["hold", p.hold],
    ["exhale", p.exhale],
    ["hold_after", p.holdAfter],
  ];
  const phases: BreathingPhase[] = [];
  let at = 0;
  const cycles = cycleCount(spec);
  for (let cycle = 1; cycle <= cycles; cycle++) {
    for (const [kind, seconds] of parts) {
      if (seconds <= 0) continue;
      phases.push({ kind, cycle, startMs: at, durationMs: seconds * 1000 });
      at += seconds * 1000;
    }
  }
  return phases;
}

export type PhasePosition =
  | { done: false; index: number; phase: BreathingPhase; remainingMs: number }
  | { done: true };

/**
 * Where `elapsedMs` falls in the phases (binary search). Computed from elapsed time each
 * frame rather than counted tick by tick, so timer jitter never accumulates into drift.
 */
export function phaseAt(phases: readonly BreathingPhase[], elapsedMs: number): PhasePosition {
  const last = phases[phases.length - 1];
  if (!last || elapsedMs >= last.startMs + last.durationMs) return { done: true };
  const t = Math.max(0, elapsedMs);
  let lo = 0;
  let hi = phases.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((phases[mid] as BreathingPhase).startMs <= t) lo = mid;
    else hi = mid - 1;
  }
  const phase = phases[lo] as BreathingPhase;
  return { done: false, index: lo, phase, remainingMs: phase.startMs + phase.durationMs - t };
}

export type ScheduleBlock =
  | ({ kind: "breathing" } & BreathingSpec)
  | { kind: "rehearsal"; seconds: number }
  | { kind: Exclude<RoutineBlockKind, "breathing" | "rehearsal"> };

export type RoutineSegment = {
  index: number;
  kind: RoutineBlockKind;
  /** How long the block runs; null = at the person's own pace (they say when they are done). */
  durationMs: number | null;
  phases: BreathingPhase[];
};

/** A routine's blocks as the runner plays them. */
export function routineSchedule(blocks: readonly ScheduleBlock[]): RoutineSegment[] {
  return blocks.map((block, index) => {
    if (block.kind === "breathing") {
      const phases = breathingPhases(block);
      const last = phases[phases.length - 1];
      return {
        index,
        kind: block.kind,
        durationMs: last ? last.startMs + last.durationMs : 0,
        phases,
      };
    }
    if (block.kind === "rehearsal") {
      return { index, kind: block.kind, durationMs: block.seconds * 1000, phases: [] };
    }
    return { index, kind: block.kind, durationMs: null, phases: [] };
  });
}

/**
 * A pausable stopwatch over a monotonic clock (performance.now in the browser): elapsed time is
 * what was banked at pauses plus the running stretch, never a sum of ticks.
 */
export type Stopwatch = { bankedMs: number; runningSince: number | null };

export const stopwatch = {
  start(now: number): Stopwatch {
    return { bankedMs: 0, runningSince: now };
  },
  elapsed(s: Stopwatch, now: number): number {
    return s.bankedMs + (s.runningSince === null ? 0 : Math.max(0, now - s.runningSince));
  },
  pause(s: Stopwatch, now: number): Stopwatch {
    return s.runningSince === null
      ? s
      : { bankedMs: stopwatch.elapsed(s, now), runningSince: null };
  },
  resume(s: Stopwatch, now: number): Stopwatch {
    return s.runningSince === null ? { bankedMs: s.bankedMs, runningSince: now } : s;
  },
};
