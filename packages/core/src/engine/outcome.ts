import { z } from "zod";
import { ATTEMPT_OUTCOMES } from "../attempts/rules";

/** How an attempt went, in the product's words: done, partly, not yet. */
export const AttemptOutcome = z.enum(ATTEMPT_OUTCOMES);
export type AttemptOutcome = z.infer<typeof AttemptOutcome>;

/** Score of an outcome for every success rate in the engine: done 1, partly 0.5 (half), not yet 0. */
export function outcomeScore(outcome: AttemptOutcome): number {
  return outcome === "done" ? 1 : outcome === "partly" ? 0.5 : 0;
}
