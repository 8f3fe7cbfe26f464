// The routine's rules, zod-free so the browser can import them (`@cando/core/constants`).

/** The kinds of block a routine is built from, in the product's words. */
export const ROUTINE_BLOCK_KINDS = [
  "breathing",
  "evidence",
  "rehearsal",
  "warmup",
  "state_check",
] as const;
export type RoutineBlockKind = (typeof ROUTINE_BLOCK_KINDS)[number];

export const ROUTINE_BLOCK_LABELS: Record<RoutineBlockKind, string> = {
  breathing: "Paced breathing",
  evidence: "Evidence review",
  rehearsal: "Mental rehearsal",
  warmup: "Warm-up checklist",
  state_check: "State check",
};

export const BREATHING_PRESETS = ["resonance", "box", "cyclic_sighing", "custom"] as const;
export type BreathingPreset = (typeof BREATHING_PRESETS)[number];

/** Seconds of each part of one breath. `topUp` is the second, short inhale of a cyclic sigh. */
export type BreathingPattern = {
  inhale: number;
  topUp: number;
  hold: number;
  exhale: number;
  holdAfter: number;
};

/**
 * The presets: resonance breathing at about 6 breaths a minute; box breathing; cyclic sighing
 * (a double inhale through the nose, then a long exhale; Balban et al. 2023).
 */
export const BREATHING_PRESET_PATTERNS: Record<
  Exclude<BreathingPreset, "custom">,
  BreathingPattern
> = {
  resonance: { inhale: 5, topUp: 0, hold: 0, exhale: 5, holdAfter: 0 },
  box: { inhale: 4, topUp: 0, hold: 4, exhale: 4, holdAfter: 4 },
  cyclic_sighing: { inhale: 2, topUp: 1, hold: 0, exhale: 6, holdAfter: 0 },
};

export const BREATHING_PRESET_LABELS: Record<BreathingPreset, string> = {
  resonance: "Resonance breathing (5 s in, 5 s out)",
  box: "Box breathing (4-4-4-4)",
  cyclic_sighing: "Cyclic sighing (double inhale, long exhale)",
  custom: "My own pattern",
};

/** Validated bounds, in seconds (a custom pattern) and in cycles or minutes (a breathing block). */
export const BREATHING_BOUNDS = {
  inhale: { min: 1, max: 15 },
  hold: { min: 0, max: 30 },
  exhale: { min: 1, max: 30 },
  holdAfter: { min: 0, max: 30 },
  cycles: { min: 1, max: 60 },
  minutes: { min: 1, max: 20 },
} as const;

export const ROUTINE_MAX_BLOCKS = 10;
export const WARMUP_MAX_ITEMS = 12;
/** A mental rehearsal's timer, in seconds. */
export const REHEARSAL_SECONDS = { min: 30, max: 900 } as const;
/** How many pieces of evidence an evidence review shows. */
export const EVIDENCE_REVIEW_COUNT = 3;
