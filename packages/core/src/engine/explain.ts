import { type LadderModel, predictLadder } from "./ladder-model";
import { logistic, logit, percent } from "./math";

/** What a step's predicted success rests on. */
export type PredictionBasis = "rating" | "not_rated" | "attempts";
/** How sure the estimate is, from the uncertainty of the ability and of the step. */
export type PredictionCertainty = "rough" | "fair" | "firm";

export type PredictionExplanation = {
  stepId: string;
  predictedSuccess: number;
  basis: PredictionBasis;
  /** The person's rating the step was placed from (0–100), null if not rated. */
  rating: number | null;
  /** Attempts on this step, and on the whole ladder. */
  stepAttempts: number;
  stepDone: number;
  totalAttempts: number;
  certainty: PredictionCertainty;
  /** A plausible range: the prediction one standard deviation either side. */
  low: number;
  high: number;
  /** Plain-language "why", with the numbers. */
  sentence: string;
};

/** Above this total variance (logits²) an estimate is rough, above the next fair, else firm. */
const ROUGH_ABOVE = 0.8;
const FAIR_ABOVE = 0.25;

/**
 * Why a step is predicted where it is: from the person's rating, a guess between its neighbours
 * (not rated), or attempts; how sure the estimate is (the model's variances); a range; a sentence.
 * Recent outcomes count as "done" out of the last three at most.
 */
export function explainPrediction(model: LadderModel, stepId: string): PredictionExplanation {
  const i = model.steps.findIndex((s) => s.id === stepId);
  const step = model.steps[i];
  const p = predictLadder(model)[i]?.predictedSuccess ?? 0.5;
  const variance = model.abilityVariance + (step?.variance ?? 1);
  const certainty: PredictionCertainty =
    variance > ROUGH_ABOVE ? "rough" : variance > FAIR_ABOVE ? "fair" : "firm";
  const sd = Math.sqrt(variance);
  const z = logit(p);
  const low = logistic(z - sd);
  const high = logistic(z + sd);
  const attempts = step?.attempts ?? 0;
  let done = 0;
  for (const o of step?.recent ?? []) if (o === "done") done++;
  const rating = step?.rating ?? null;
  const basis: PredictionBasis =
    attempts > 0 ? "attempts" : rating === null ? "not_rated" : "rating";
  const others = model.attempts - attempts;
  const range = `likely between ${percent(low)} and ${percent(high)}`;
  const sure = `The estimate is ${certainty}: ${range}.`;
  let sentence: string;
  if (basis === "not_rated") {
    sentence = `You have not rated this step, so Cando placed it between the steps around it. ${sure} Rate it and the estimate starts from your rating.`;
  } else if (basis === "rating") {
    sentence =
      model.attempts === 0
        ? `From your rating of ${rating}%: no attempts yet, so Cando takes your word for it. ${sure}`
        : `From your rating of ${rating}%, adjusted by what your ${model.attempts} ${model.attempts === 1 ? "attempt" : "attempts"} on other steps showed. You have not tried this step yet. ${sure}`;
  } else {
    const recent = step?.recent.length ?? 0;
    const from = rating === null ? "" : `, starting from your rating of ${rating}%`;
    const elsewhere = others > 0 ? ` and ${others} on other steps` : "";
    sentence = `From your ${attempts} ${attempts === 1 ? "attempt" : "attempts"} on this step (${done} of the last ${recent} done)${elsewhere}${from}. ${sure}`;
  }
  return {
    stepId,
    predictedSuccess: p,
    basis,
    rating,
    stepAttempts: attempts,
    stepDone: done,
    totalAttempts: model.attempts,
    certainty,
    low,
    high,
    sentence,
  };
}
