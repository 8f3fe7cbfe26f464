/** A ladder runs from "well within what I can do now" to the goal itself (product.md). */
export const LADDER_MIN_STEPS = 3;
export const LADDER_MAX_STEPS = 15;
/** The first step is scheduled within a week. */
export const FIRST_STEP_WITHIN_DAYS = 7;
