import type { Reattribution } from "@cando/core";

export type WeightKey = keyof Reattribution["weights"];
export type Weights = Reattribution["weights"];

/** What may have produced an accomplishment: three of one's own, three from outside. */
export const WEIGHTS: readonly { key: WeightKey; label: string; own: boolean }[] = [
  { key: "effort", label: "My effort", own: true },
  { key: "skill", label: "My skill", own: true },
  { key: "strategy", label: "My strategy or preparation", own: true },
  { key: "luck", label: "Luck", own: false },
  { key: "help", label: "Help from others", own: false },
  { key: "timing", label: "Timing or circumstances", own: false },
];

export const NO_WEIGHTS: Weights = {
  effort: 0,
  skill: 0,
  strategy: 0,
  luck: 0,
  help: 0,
  timing: 0,
};

export type ReattributionProblems = { weights?: string; shows?: string };

export function validateReattribution(weights: Weights, shows: string): ReattributionProblems {
  const problems: ReattributionProblems = {};
  if (Object.values(weights).every((w) => w === 0)) {
    problems.weights = "Give at least one cause some weight.";
  }
  if (shows.trim() === "") problems.shows = "Write what this shows about you, in a line or two.";
  else if (shows.trim().length > 2000) problems.shows = "This must be at most 2000 characters.";
  return problems;
}

/** A weight typed or slid in: a whole number clamped to 0–100 (0 for anything else). */
export function clampWeight(value: string | number): number {
  const n = typeof value === "number" ? value : Number(value.trim());
  if (!Number.isFinite(n)) return 0;
  return Math.min(100, Math.max(0, Math.round(n)));
}

/** A kind sentence about the share, never a judgement. */
export function ownShareSentence(share: number): string {
  if (share >= 67) return "Most of what produced this was yours.";
  if (share >= 34) return "A real part of this was yours.";
  if (share > 0) return "Some of this was yours, and that part counts.";
  return "Look again at what you did to be there: showing up counts too.";
}
