// Zod-free rules of supporters' feedback, shared by the server and the browser.

export const FEEDBACK_SPECIFICS_NOTE =
  "What did you see them do? Naming one concrete thing (a moment, a choice, a number) makes encouragement count; general praise is easily discounted.";

/** Signs that feedback points at something seen: a number, a quote, an observed action or detail. */
const CONCRETE = [
  /\d/,
  /["“”]/,
  /\b(i|we) (saw|noticed|heard|watched|liked how|liked that)\b/i,
  /\bwhen you\b/i,
  /\bthe (part|moment|bit|point|slide|question|start|end|beginning|opening|ending) (where|when|about|with)\b/i,
  /\byou (said|asked|answered|did|used|kept|paused|spoke|showed|made|ran|wrote|started|finished|tried|looked|explained|handled|moved|slowed|took|stayed|held|chose|planned|prepared|practi[sc]ed|breathed|listened|opened|closed|named|stopped|managed|got|went|came|brought|told|gave|read)\b/i,
  /\b(for example|for instance|specifically|e\.g\.)\b/i,
];

/**
 * A gentle note when feedback names nothing concrete ("great job!"): encouragement persuades
 * when it is specific and credible, hollow praise is discounted (Bandura 1997). Never blocks.
 */
export function feedbackSpecificsNote(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  return CONCRETE.some((re) => re.test(trimmed)) ? null : FEEDBACK_SPECIFICS_NOTE;
}

/** True when feedback names something concrete. */
export const isSpecificFeedback = (text: string) => feedbackSpecificsNote(text) === null;

/** A supporter whose credibility is not rated counts as this (0–100). */
export const UNRATED_CREDIBILITY = 50;

/** How much general praise counts against specific feedback in the persuasion source. */
export const VAGUE_FEEDBACK_WEIGHT = 0.5;

/**
 * The week's social persuasion, weighted: each piece of feedback counts its supporter's
 * credibility (0–100, unrated = 50) as a share of 1, and half that when it names nothing concrete.
 * Hidden feedback does not count.
 */
export function persuasionWeight(
  feedback: readonly { credibility: number | null; specific: boolean; hidden: boolean }[],
): number {
  let total = 0;
  for (const f of feedback) {
    if (f.hidden) continue;
    const credibility = (f.credibility ?? UNRATED_CREDIBILITY) / 100;
    total += credibility * (f.specific ? 1 : VAGUE_FEEDBACK_WEIGHT);
  }
  return Math.round(total * 100) / 100;
}
