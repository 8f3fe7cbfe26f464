import type { RecommendationOut } from "@cando/core";

/**
 * A predicted probability as a whole percentage. The engine's p is never 0 or 1, so neither is
 * what we show: "100%" would read as a certainty the model does not claim.
 */
export function percent(p: number): string {
  const value = Math.min(99, Math.max(1, Math.round(p * 100)));
  return `${value}%`;
}

/** The recommendation in a few words, naming the step: "Step up to “Talk to five colleagues”". */
export function actionHeadline(
  action: RecommendationOut["action"],
  stepTitle: string,
  attempted: boolean,
): string {
  const step = `“${stepTitle}”`;
  switch (action) {
    case "repeat":
      return attempted ? `Repeat ${step}` : `Start with ${step}`;
    case "step_up":
      return `Step up to ${step}`;
    case "step_back":
      return `Step back to ${step}`;
    case "skip_ahead":
      return `Skip ahead to ${step}`;
    case "split":
      return `Practise ${step} and add a smaller step`;
    case "goal_reached":
      return `Goal reached: keep ${step} up`;
  }
}
