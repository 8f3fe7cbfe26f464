/** A ladder runs from "well within what I can do now" to the goal itself (product.md). */
export const LADDER_MIN_STEPS = 3;
export const LADDER_MAX_STEPS = 15;
/** The first step is scheduled within a week. */
export const FIRST_STEP_WITHIN_DAYS = 7;
/**
 * The person's target success rate for advice: "challenging yet achievable". The default 0.8 lies
 * between Math Garden's 0.75 (Klinkenberg et al. 2011) and the 85% rule (Wilson et al. 2019); a
 * person may choose from 0.7 to 0.9 in whole percent.
 */
export const TARGET_MIN = 0.7;
export const TARGET_MAX = 0.9;
export const TARGET_DEFAULT = 0.8;
