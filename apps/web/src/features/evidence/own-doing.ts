import type { Evidence } from "@cando/core";

/**
 * Why "Your own doing N%" is what it is, in plain words: where the number came from (worked out
 * from a debrief, or the person's own estimate) and why it matters. The number itself is shown
 * beside it, so the sentences name it only where the sum needs it.
 */
export function ownDoingWhy(evidence: Pick<Evidence, "source" | "ownership">): string[] {
  const from: Record<Evidence["source"], string> = {
    attempt:
      "When you debriefed this success, Cando worked it out from the causes you rated: the weight you gave your effort, your strategy and your ability, out of all the weight you gave, luck, help from others and an easy task included. With no cause rated, it counts as all yours.",
    manual: "You set it yourself when you added this evidence.",
    reflection: "You set it yourself when you kept this from a weekly reflection.",
    social_persuasion:
      "You set it yourself when you saved this supporter's feedback as evidence: how much of what they noticed was your own doing.",
  };
  return [
    from[evidence.source],
    "You can change it by editing this evidence. It is not a score: the part of a success that was yours, your effort and how you went about it, is the part you can repeat, and it is what lets belief catch up with the evidence (Weiner 1985; Bandura 1997). When doubt comes, evidence that was more your own doing comes first.",
  ];
}
