import { ValidationError } from "../errors";
import { instantMs, monthOf } from "./days";
import type { AttemptOutcome } from "./outcome";

/** The six causes a debrief rates, 0 (not at all) to 4 (very much). */
export const ATTRIBUTION_CAUSES = [
  "effort",
  "strategy",
  "ability",
  "luck",
  "help",
  "easy",
] as const;
export type AttributionCause = (typeof ATTRIBUTION_CAUSES)[number];
export type AttributionRatings = Record<AttributionCause, number>;

export type CauseDimensions = {
  locus: "internal" | "external";
  stability: "stable" | "unstable";
  controllability: "controllable" | "uncontrollable";
};

/**
 * Weiner's (1985) three dimensions for each cause. "help" is external and uncontrollable *by the
 * person*; "easy" is the task's difficulty (external, stable, uncontrollable).
 */
export const CAUSE_DIMENSIONS: Record<AttributionCause, CauseDimensions> = {
  effort: { locus: "internal", stability: "unstable", controllability: "controllable" },
  strategy: { locus: "internal", stability: "unstable", controllability: "controllable" },
  ability: { locus: "internal", stability: "stable", controllability: "uncontrollable" },
  luck: { locus: "external", stability: "unstable", controllability: "uncontrollable" },
  help: { locus: "external", stability: "unstable", controllability: "uncontrollable" },
  easy: { locus: "external", stability: "stable", controllability: "uncontrollable" },
};

/** "Mainly" for a success: external causes hold more than this share of all rating points … */
export const DISCOUNT_EXTERNAL_SHARE = 0.5;
/** … and at least one of luck, help, easy is rated this high (2 = "somewhat"). */
export const DISCOUNT_MIN_RATING = 2;
/** A setback is blamed on ability when ability is rated at least this and above every other cause. */
export const FIXED_ABILITY_MIN_RATING = 3;

export type AttributionFlag = "discounted_success" | "fixed_ability_setback";

export type AttributionPrompt = { flag: AttributionFlag; prompt: string };

export type AttributionAnalysis = {
  /** Sum of all six ratings (0–24). */
  total: number;
  /** Share (0–1) of rating points on the internal / stable / controllable pole; null if all 0. */
  internal: number | null;
  stable: number | null;
  controllable: number | null;
  flags: AttributionPrompt[];
  /** Adaptive pattern (see attributionTrend); null when nothing was rated. */
  adaptive: boolean | null;
};

const EXTERNAL = ["luck", "help", "easy"] as const;
type ExternalCause = (typeof EXTERNAL)[number];

const DISCOUNT_PROMPTS: Record<ExternalCause, string> = {
  luck: "Luck may have played a part, and you were the one there to use it. What did you do to be ready: how did you prepare, and where did your effort go?",
  help: "Getting help is a skill too: you asked for it and you used it. What part of this did you do yourself, and how did you go about it?",
  easy: "It may have felt easy, and that is often what good preparation feels like. What did you do beforehand that made it feel that way?",
};

const FIXED_ABILITY_PROMPT =
  "This one did not go the way you hoped, yet. Ability grows with practice. What could you change next time: your preparation, your strategy, the circumstances, or a smaller step first?";

function checkRatings(r: AttributionRatings, path: string): number {
  let total = 0;
  for (const cause of ATTRIBUTION_CAUSES) {
    const v = r[cause];
    if (!Number.isFinite(v) || v < 0 || v > 4) {
      throw new ValidationError([{ path: `${path}.${cause}`, message: "must be from 0 to 4" }]);
    }
    total += v;
  }
  return total;
}

function poleShare(r: AttributionRatings, total: number, pick: (d: CauseDimensions) => boolean) {
  if (total === 0) return null;
  let sum = 0;
  for (const cause of ATTRIBUTION_CAUSES) if (pick(CAUSE_DIMENSIONS[cause])) sum += r[cause];
  return sum / total;
}

/**
 * Reads a debrief's cause ratings on Weiner's dimensions and flags the two low-efficacy patterns
 * (Bandura 1997; Weiner 1985): a success credited mainly to luck, help or an easy task
 * (external share > 0.5 and one of them ≥ 2), and a setback blamed on ability (ability ≥ 3 and
 * rated above every other cause). "partly" is checked for both. Each flag carries a gentle prompt.
 */
export function analyzeAttribution(
  outcome: AttemptOutcome,
  ratings: AttributionRatings,
  path = "ratings",
): AttributionAnalysis {
  const total = checkRatings(ratings, path);
  const flags: AttributionPrompt[] = [];
  const externalPoints = ratings.luck + ratings.help + ratings.easy;
  const successLike = outcome === "done" || outcome === "partly";
  const setbackLike = outcome === "not_yet" || outcome === "partly";

  if (successLike && total > 0) {
    const topExternal = EXTERNAL.reduce<ExternalCause>(
      (best, c) => (ratings[c] > ratings[best] ? c : best),
      "luck",
    );
    if (
      externalPoints / total > DISCOUNT_EXTERNAL_SHARE &&
      ratings[topExternal] >= DISCOUNT_MIN_RATING
    ) {
      flags.push({
        flag: "discounted_success",
        prompt: DISCOUNT_PROMPTS[topExternal],
      });
    }
  }
  if (setbackLike && ratings.ability >= FIXED_ABILITY_MIN_RATING) {
    const others = ATTRIBUTION_CAUSES.filter((c) => c !== "ability");
    if (others.every((c) => ratings[c] < ratings.ability)) {
      flags.push({ flag: "fixed_ability_setback", prompt: FIXED_ABILITY_PROMPT });
    }
  }

  let adaptive: boolean | null = null;
  if (total > 0) {
    const controllableInternal = ratings.effort + ratings.strategy;
    if (outcome === "not_yet") {
      // A setback read as changeable: effort, strategy, luck or help outweigh ability and the task.
      const unstable = ratings.effort + ratings.strategy + ratings.luck + ratings.help;
      adaptive = unstable > ratings.ability + ratings.easy && flags.length === 0;
    } else {
      // A success (or partial one) owned: effort and strategy at least match the external causes.
      adaptive =
        controllableInternal > 0 && controllableInternal >= externalPoints && flags.length === 0;
    }
  }

  return {
    total,
    internal: poleShare(ratings, total, (d) => d.locus === "internal"),
    stable: poleShare(ratings, total, (d) => d.stability === "stable"),
    controllable: poleShare(ratings, total, (d) => d.controllability === "controllable"),
    flags,
    adaptive,
  };
}

export type AttributedDebrief = {
  at: string;
  outcome: AttemptOutcome;
  ratings: AttributionRatings;
};

export type AttributionMonth = {
  /** `YYYY-MM` (UTC). */
  month: string;
  debriefs: number;
  /** Debriefs with at least one cause rated (the others say nothing about attribution). */
  rated: number;
  adaptive: number;
  /** adaptive / rated; null when nothing was rated that month. */
  adaptiveShare: number | null;
  discountedSuccesses: number;
  fixedAbilitySetbacks: number;
};

/**
 * Share of adaptive attributions per month: a success credited to effort and strategy at least as
 * much as to luck, help and an easy task; a setback credited more to effort, strategy, luck or help
 * than to ability and the task; never when a flag is raised (Weiner 1985; Dweck 2006).
 */
export function attributionTrend(debriefs: readonly AttributedDebrief[]): AttributionMonth[] {
  const months = new Map<string, AttributionMonth>();
  const sorted = debriefs
    .map((d, i) => ({ d, ms: instantMs(d.at, `debriefs.${i}.at`), i }))
    .sort((x, y) => x.ms - y.ms || x.i - y.i);
  for (const { d, i } of sorted) {
    const month = monthOf(d.at);
    const row = months.get(month) ?? {
      month,
      debriefs: 0,
      rated: 0,
      adaptive: 0,
      adaptiveShare: null,
      discountedSuccesses: 0,
      fixedAbilitySetbacks: 0,
    };
    const a = analyzeAttribution(d.outcome, d.ratings, `debriefs.${i}.ratings`);
    row.debriefs += 1;
    if (a.adaptive !== null) row.rated += 1;
    if (a.adaptive === true) row.adaptive += 1;
    for (const f of a.flags) {
      if (f.flag === "discounted_success") row.discountedSuccesses += 1;
      else row.fixedAbilitySetbacks += 1;
    }
    row.adaptiveShare = row.rated === 0 ? null : row.adaptive / row.rated;
    months.set(month, row);
  }
  return [...months.values()];
}
