import type { CoachingNote } from "./schema";

// Phrases that name a feeling or trait instead of something one can observably do.
const VAGUE = [
  /\bbe (more )?confident\b/i,
  /\bfeel (more )?(confident|better|good|ready)\b/i,
  /\bbe (better|good) at\b/i,
  /\bimprove\b/i,
  /\bget better\b/i,
  /\bbelieve in myself\b/i,
  /\bbe happier\b/i,
  /\bstop being\b/i,
];

/**
 * Coaches a goal's wording without blocking it (product.md: a goal is a capability, "I can …",
 * with an observable outcome). Returns gentle notes; an empty list means it reads well.
 */
export function coachGoal(statement: string, outcome: string): CoachingNote[] {
  const notes: CoachingNote[] = [];
  const s = statement.trim();
  if (/^i will\b/i.test(s) || /\bi('ll| will)\b/i.test(s)) {
    notes.push({
      field: "statement",
      code: "will_not_can",
      message:
        'Try "I can …" instead of "I will …": name the capability you are building, not a promise.',
    });
  } else if (!/^i can\b/i.test(s)) {
    notes.push({
      field: "statement",
      code: "not_capability",
      message: 'Phrase it as a capability, starting with "I can …".',
    });
  }
  if (VAGUE.some((re) => re.test(s))) {
    notes.push({
      field: "statement",
      code: "vague",
      message:
        'This names a feeling more than an action. What would you do, concretely, that shows it? ("I can speak up twice in a team meeting")',
    });
  } else if (s.split(/\s+/).length < 4) {
    notes.push({
      field: "statement",
      code: "too_short",
      message: "Add what, where or with whom, so it is one specific task.",
    });
  }
  if (outcome.trim().length === 0) {
    notes.push({
      field: "outcome",
      code: "no_observable_outcome",
      message: "Add an observable outcome: what would someone see or count when you have done it?",
    });
  }
  return notes;
}
