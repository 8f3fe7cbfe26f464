// Zod-free, so the browser can import these without the schemas (see constants.ts).

/** The five life domains every person starts with (product.md); they may add their own. */
export const DEFAULT_DOMAINS = [
  { key: "career", name: "Career" },
  { key: "health", name: "Health" },
  { key: "relationships", name: "Relationships" },
  { key: "learning", name: "Learning new skills" },
  { key: "finances", name: "Finances" },
] as const;

/** Bandura's 0–100 format in steps of 10, with his anchor labels (Bandura 2006). */
export const RATING_STEP = 10;
export const RATING_ANCHORS = {
  0: "Cannot do at all",
  50: "Moderately certain can do",
  100: "Highly certain can do",
} as const;

/** An audit becomes due when there is none yet or the last is older than this. */
export const AUDIT_INTERVAL_DAYS = 30;
