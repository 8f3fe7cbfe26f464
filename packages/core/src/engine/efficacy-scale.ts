import { ValidationError } from "../errors";
import { mean } from "./math";

/** Bandura (2006): "a cut-off" for level; 50 is his "moderately certain can do" anchor. */
export const EFFICACY_CUTOFF = 50;
/** A rating at or above this counts toward the ceiling flag. */
export const EFFICACY_CEILING_RATING = 90;

export type EfficacyScaleOptions = {
  /** Level counts steps rated at or above this (default 50). */
  cutoff?: number;
  /** Rating that counts as "at the ceiling" (default 90). */
  ceilingRating?: number;
};

export type EfficacyScale = {
  /** Steps on the ladder, rated or not. */
  steps: number;
  /** Steps with a rating. */
  rated: number;
  /** Mean rating, 0–100; null when nothing is rated. */
  strength: number | null;
  /** Number of steps rated at or above the cut-off. */
  level: number;
  /** Mean over the steps rated at or above the cut-off; null when none is. */
  composite: number | null;
  cutoff: number;
  /** Share (0–1) of rated steps rated at or above the ceiling rating. */
  ceilingShare: number;
  /** Most (more than half) of the rated steps are rated 90+: the ladder needs harder steps. */
  ceiling: boolean;
};

/**
 * Scores a ladder's confidence ratings as a task-specific efficacy scale (Bandura 2006): strength =
 * mean rating, level = steps at or above the cut-off, composite = mean of those steps (the scoring
 * Lee & Bobko 1994 found most valid). Unrated steps (null) are left out.
 */
export function scoreEfficacyScale(
  ratings: readonly (number | null)[],
  options: EfficacyScaleOptions = {},
): EfficacyScale {
  const cutoff = options.cutoff ?? EFFICACY_CUTOFF;
  const ceilingRating = options.ceilingRating ?? EFFICACY_CEILING_RATING;
  const rated: number[] = [];
  ratings.forEach((r, i) => {
    if (r === null) return;
    if (!Number.isFinite(r) || r < 0 || r > 100) {
      throw new ValidationError([{ path: `ratings.${i}`, message: "must be from 0 to 100" }]);
    }
    rated.push(r);
  });
  const above = rated.filter((r) => r >= cutoff);
  const atCeiling = rated.filter((r) => r >= ceilingRating).length;
  const ceilingShare = rated.length === 0 ? 0 : atCeiling / rated.length;
  return {
    steps: ratings.length,
    rated: rated.length,
    strength: mean(rated),
    level: above.length,
    composite: mean(above),
    cutoff,
    ceilingShare,
    ceiling: ceilingShare > 0.5,
  };
}
