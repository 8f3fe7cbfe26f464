/** How an attempt went, in the product's words, with the labels the app shows. */
export const ATTEMPT_OUTCOMES = ["done", "partly", "not_yet"] as const;
export const OUTCOME_LABELS = { done: "Done", partly: "Partly", not_yet: "Not yet" } as const;

/** The six causes a debrief rates 0–4, with the questions the app asks. */
export const ATTRIBUTION_LABELS = {
  effort: "My effort",
  strategy: "My strategy or preparation",
  ability: "My ability",
  luck: "Luck",
  help: "Help from others",
  easy: "The task was easy",
} as const;
