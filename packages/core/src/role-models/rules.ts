// Zod-free rules of role models, shared by the server and the browser.

/** Below this similarity (0–100) a role model gets the gentle "outlier" nudge. */
export const ROLE_MODEL_SIMILAR_FROM = 50;

/** How many role models a person keeps, and how many steps each, at most. */
export const ROLE_MODEL_LIMIT = 100;
export const ROLE_MODEL_STEP_LIMIT = 50;

export const ROLE_MODEL_OUTLIER_NUDGE =
  "Outliers inspire but transfer less; who is one or two steps ahead of you?";

/**
 * Vicarious experience works best from someone similar, a step or two ahead: a role model rated
 * under 50 similar gets a gentle question, never a refusal.
 */
export function roleModelNudge(similarity: number): string | null {
  return similarity < ROLE_MODEL_SIMILAR_FROM ? ROLE_MODEL_OUTLIER_NUDGE : null;
}
