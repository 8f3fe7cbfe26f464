// Zod-free rules of the coach view: which clients need attention first.

export const COACH_FLAGS = [
  "setbacks_in_a_row",
  "fixed_ability_setback",
  "inactive",
  "goal_reached",
] as const;
export type CoachFlag = (typeof COACH_FLAGS)[number];

/** Days without an attempt after which a client is flagged as inactive. */
export const COACH_INACTIVE_DAYS = 14;
/** Setbacks in a row (not yet) that flag a client. */
export const COACH_SETBACK_RUN = 3;

export const COACH_FLAG_TEXT: Record<CoachFlag, string> = {
  setbacks_in_a_row: "Three setbacks in a row",
  fixed_ability_setback: "A setback blamed on ability, not looked at again",
  inactive: "No activity for 14 days",
  goal_reached: "Goal reached",
};

/** How much each flag weighs in the attention order (higher first). */
const WEIGHT: Record<CoachFlag, number> = {
  setbacks_in_a_row: 40,
  fixed_ability_setback: 30,
  inactive: 20,
  goal_reached: 10,
};

export type CoachFacts = {
  /** Latest outcomes first. */
  recentOutcomes: readonly string[];
  lastActivity: string | null;
  /** A recent setback blamed on ability, neither re-attributed nor dismissed. */
  openFixedAbilitySetback: boolean;
  reached: boolean;
  sharedAt: string;
};

/** The attention flags of one client's goal, most pressing first. */
export function coachFlags(facts: CoachFacts, now: Date): CoachFlag[] {
  const flags: CoachFlag[] = [];
  const run = facts.recentOutcomes.slice(0, COACH_SETBACK_RUN);
  if (run.length === COACH_SETBACK_RUN && run.every((o) => o === "not_yet")) {
    flags.push("setbacks_in_a_row");
  }
  if (facts.openFixedAbilitySetback) flags.push("fixed_ability_setback");
  const since = Date.parse(facts.lastActivity ?? facts.sharedAt);
  if (!facts.reached && now.getTime() - since >= COACH_INACTIVE_DAYS * 86_400_000) {
    flags.push("inactive");
  }
  if (facts.reached) flags.push("goal_reached");
  return flags;
}

/** The attention score: the sum of the flags' weights (0 = nothing needs attention). */
export function attentionScore(flags: readonly CoachFlag[]): number {
  return flags.reduce((sum, f) => sum + WEIGHT[f], 0);
}

/**
 * Clients sorted by what needs attention: highest score first; ties by the longest without
 * activity, then by name, so the order is stable.
 */
export function byAttention<
  T extends { attention: number; lastActivity: string | null; owner: string; goalId: string },
>(clients: readonly T[]): T[] {
  return [...clients].sort(
    (a, b) =>
      b.attention - a.attention ||
      (a.lastActivity ?? "").localeCompare(b.lastActivity ?? "") ||
      a.owner.localeCompare(b.owner) ||
      a.goalId.localeCompare(b.goalId),
  );
}
