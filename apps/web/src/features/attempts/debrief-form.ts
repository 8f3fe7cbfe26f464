import type { AttributionInput, Debrief } from "@cando/core";
import { ATTRIBUTION_LABELS } from "@cando/core/constants";

export type Cause = keyof typeof ATTRIBUTION_LABELS;
export type AttributionFlag = Debrief["prompts"][number]["flag"];

/** The six causes in the order the debrief asks about them. */
export const CAUSES = Object.keys(ATTRIBUTION_LABELS) as Cause[];

/** The 0–4 contribution scale's words (0 "not at all" … 4 "a great deal"). */
export const CONTRIBUTION_ANCHORS = [
  { value: 0, text: "Not at all" },
  { value: 2, text: "Somewhat" },
  { value: 4, text: "A great deal" },
] as const;

export type DebriefDraft = {
  didWell: string;
  capability: string;
  differently: string;
  attributions: Record<Cause, number | null>;
};

/** The form's starting point: the saved debrief, or empty. */
export function draftFromDebrief(debrief: Debrief | null): DebriefDraft {
  const attributions = Object.fromEntries(
    CAUSES.map((cause) => [cause, debrief ? debrief.attributions[cause] : null]),
  ) as Record<Cause, number | null>;
  return {
    didWell: debrief?.didWell ?? "",
    capability: debrief?.capability ?? "",
    differently: debrief?.differently ?? "",
    attributions,
  };
}

/** The causes the person has not rated yet; the API needs all six. */
export function unratedCauses(draft: DebriefDraft): Cause[] {
  return CAUSES.filter((cause) => draft.attributions[cause] === null);
}

export type DebriefBody = {
  didWell: string;
  capability: string;
  differently: string;
  attributions: AttributionInput;
  reattribution: string;
  dismissedFlags: AttributionFlag[];
};

/**
 * `PUT /api/attempts/:id/debrief` replaces the whole debrief, so a save of the form keeps the
 * re-attribution and the dismissed prompts already saved.
 */
export function debriefBody(draft: DebriefDraft, saved: Debrief | null): DebriefBody {
  const unrated = unratedCauses(draft);
  if (unrated.length > 0) throw new Error(`debriefBody needs every cause rated: ${unrated}`);
  return {
    didWell: draft.didWell.trim(),
    capability: draft.capability.trim(),
    differently: draft.differently.trim(),
    attributions: draft.attributions as AttributionInput,
    reattribution: saved?.reattribution ?? "",
    dismissedFlags: dismissedFlags(saved),
  };
}

function dismissedFlags(debrief: Debrief | null): AttributionFlag[] {
  return (debrief?.prompts ?? []).filter((p) => p.dismissed).map((p) => p.flag);
}

/** The saved debrief again, with a change to the re-attribution or the dismissed prompts. */
export function savedDebriefBody(
  saved: Debrief,
  change: { reattribution?: string; dismiss?: readonly AttributionFlag[] },
): DebriefBody {
  const dismissed = dismissedFlags(saved);
  for (const flag of change.dismiss ?? []) {
    if (!dismissed.includes(flag)) dismissed.push(flag);
  }
  return {
    didWell: saved.didWell,
    capability: saved.capability,
    differently: saved.differently,
    attributions: saved.attributions,
    reattribution: (change.reattribution ?? saved.reattribution).trim(),
    dismissedFlags: dismissed,
  };
}

/** The engine's prompts the person has not set aside with "Not now". */
export function openPrompts(debrief: Debrief | null): Debrief["prompts"] {
  return (debrief?.prompts ?? []).filter((p) => !p.dismissed);
}

/** The title of the invitation, in the words of the pattern it gently names. */
export function promptHeading(flag: AttributionFlag): string {
  return flag === "discounted_success"
    ? "A success worth owning"
    : "A setback is not a verdict on your ability";
}
