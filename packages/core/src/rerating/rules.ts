/** One attempt made since its step's latest rating. */
export type AttemptSince = {
  stepId: string;
  outcome: string;
  attemptedAt: string;
  predictedSuccess: number | null;
};

export type StepSinceRating = {
  stepId: string;
  lastRating: { confidence: number; ratedAt: string } | null;
  attempts: number;
  done: number;
  partly: number;
  notYet: number;
  /** The model's estimate at the first attempt since the rating (stored with it), if any. */
  estimateThen: number | null;
  estimateNow: number;
};

/**
 * What happened on each step since the person last rated it: the attempts and outcomes since,
 * and the model's estimate then (as stored with the first attempt since) and now.
 */
export function sinceLastRating(
  steps: readonly { id: string; predictedSuccess: number }[],
  latest: ReadonlyMap<string, { confidence: number; ratedAt: string }>,
  attempts: readonly AttemptSince[],
): StepSinceRating[] {
  return steps.map((step) => {
    const last = latest.get(step.id) ?? null;
    const since = attempts
      .filter((a) => a.stepId === step.id && (last === null || a.attemptedAt >= last.ratedAt))
      .sort((a, b) => (a.attemptedAt < b.attemptedAt ? -1 : a.attemptedAt > b.attemptedAt ? 1 : 0));
    const count = (outcome: string) => since.filter((a) => a.outcome === outcome).length;
    return {
      stepId: step.id,
      lastRating: last,
      attempts: since.length,
      done: count("done"),
      partly: count("partly"),
      notYet: count("not_yet"),
      estimateThen: since[0]?.predictedSuccess ?? null,
      estimateNow: step.predictedSuccess,
    };
  });
}
