/** One of the successes that earned a milestone, with what the person said about it. */
export type EarningSuccess = {
  /** Effort it took, 1–5. */
  effort: number;
  /** From the debrief, if there is one: "What did I do well?" */
  didWell?: string | null;
  /** The debrief's attribution ratings (0–4), if any. */
  attributions?: {
    effort: number;
    strategy: number;
    luck: number;
    help: number;
    easy: number;
  } | null;
};

/** Mean effort at or above this (of 5) is "real effort"; at or below the next, "within reach". */
const REAL_EFFORT = 4;
const LIGHT_EFFORT = 2;

/**
 * Praise that matches the data (product.md: hollow praise is discounted or backfires): it names
 * the effort the earning successes actually took, and what the person's own debriefs credited.
 * Real effort is praised as such; a step that felt light is called a sign it is now the person's
 * own, with the next step as where belief grows.
 */
export function milestonePraise(
  kind: "step_mastered" | "goal_reached",
  successes: readonly EarningSuccess[],
): string {
  const n = successes.length;
  const what = kind === "goal_reached" ? "your goal" : "this step";
  if (n === 0) return `You did ${what}; the record of how it went is not here any more.`;
  const mean = successes.reduce((s, x) => s + x.effort, 0) / n;
  const shown = Math.round(mean * 10) / 10;
  const times = n === 1 ? "one success" : `${n} successes`;
  let effort: string;
  if (mean >= REAL_EFFORT) {
    effort = `It took real effort: ${shown} of 5 on average over ${times}. Success that takes effort is what builds belief.`;
  } else if (mean <= LIGHT_EFFORT) {
    effort = `It felt within reach: effort ${shown} of 5 on average over ${times}. That is a sign ${what} is now yours; ${kind === "goal_reached" ? "a new goal" : "the next step"} is where belief grows.`;
  } else {
    effort = `You put steady effort in: ${shown} of 5 on average over ${times}.`;
  }
  const rated = successes.flatMap((s) => (s.attributions ? [s.attributions] : []));
  let credit = "";
  if (rated.length > 0) {
    const own = rated.reduce((s, a) => s + a.effort + a.strategy, 0);
    const outside = rated.reduce((s, a) => s + a.luck + a.help + a.easy, 0);
    credit =
      own > outside
        ? " In your debriefs you credited your own effort and strategy."
        : outside > own
          ? " In your debriefs you credited luck, help or an easy task more than yourself; you were the one who kept showing up."
          : "";
  }
  const well = successes
    .map((s) => s.didWell?.trim() ?? "")
    .filter((t) => t.length > 0)
    .at(-1);
  const said = well ? ` You said you did well at: “${well}”.` : "";
  return `${effort}${credit}${said}`;
}
