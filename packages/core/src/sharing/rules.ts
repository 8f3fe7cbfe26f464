/** Zod-free sharing rules, also imported by the browser through `@cando/core/constants`. */
export const SHARING_ROLES = ["supporter", "coach"] as const;

/** What a grant can add to the goal, ladder, outcomes and next step; each off by default. */
export const SHARING_SECTIONS = ["debriefs", "evidence", "audits", "reflections"] as const;
export type SharingSection = (typeof SHARING_SECTIONS)[number];

/** Days an invitation link stays usable. */
export const INVITATION_DAYS = 7;
