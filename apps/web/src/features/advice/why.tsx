import type { Evidence, Step } from "@cando/core";
import { CALIBRATION_BIAS_THRESHOLD, CALIBRATION_MIN_ATTEMPTS } from "@cando/core/constants";
import type { ComponentChildren } from "preact";
import { percent } from "../../ui/ladder-words";
import { ownDoingWhy } from "../evidence/own-doing";
import { TargetControl } from "./target-control";
import "./advice.css";

export const HOW_IT_WORKS_PATH = "/how-cando-works";

/**
 * A number's "why", one click away: a native disclosure, so a screen reader announces it as a
 * button with its expanded state and reads the explanation in place.
 */
export function Why(props: { label: string; children: ComponentChildren; id?: string }) {
  return (
    <details class="why" id={props.id}>
      <summary>{props.label}</summary>
      <div class="why-body">{props.children}</div>
    </details>
  );
}

const CERTAINTY: Record<NonNullable<Step["why"]>["certainty"], string> = {
  rough: "rough (little is known yet)",
  fair: "fair",
  firm: "firm",
};

/** Why a step is predicted where it is: from what, how sure, and what the target means. */
export function PredictionWhy(props: { step: Step; target: number }) {
  const why = props.step.why;
  if (why === null) return null;
  return (
    <Why label={`Why ${percent(props.step.predictedSuccess)}?`}>
      <p>{why.sentence}</p>
      <ul class="why-facts">
        <li>
          Based on:{" "}
          {why.basis === "attempts"
            ? `${why.stepAttempts} ${why.stepAttempts === 1 ? "attempt" : "attempts"} on this step, ${why.totalAttempts} on the ladder`
            : why.basis === "rating"
              ? `your rating of ${why.rating}%`
              : "the steps around it (not rated)"}
        </li>
        <li>
          How sure: {CERTAINTY[why.certainty]}, likely {percent(why.low)} to {percent(why.high)}
        </li>
        <li>Your target: {percent(props.target)}, the chance Cando aims your next step at</li>
      </ul>
      <p>
        <a href={HOW_IT_WORKS_PATH}>How Cando works</a>
      </p>
    </Why>
  );
}

/** Why the advice aims at the target, with its sources, and the control to change it. */
export function TargetWhy(props: { target: number; onChange?: (target: number) => void }) {
  return (
    <Why label={`Why aim for ${percent(props.target)}?`}>
      <p>
        Cando recommends the step whose chance of success is closest to your target: challenging,
        yet achievable. Learning is fastest when you succeed about 85% of the time (the 85% rule,
        Wilson et al. 2019); Math Garden, an adaptive practice site used by many thousands of
        children, aims for 75% (Klinkenberg et al. 2011). Cando's default, 80%, lies between the
        two. You can choose from 70% (more stretch) to 90% (more ease).
      </p>
      <TargetControl onSaved={props.onChange} />
    </Why>
  );
}

/** Why an own share (the imposter exercise) is what it is: the sum, with the person's weights. */
export function OwnShareWhy(props: {
  weights: {
    effort: number;
    skill: number;
    strategy: number;
    luck: number;
    help: number;
    timing: number;
  };
  share: number;
}) {
  const w = props.weights;
  const own = w.effort + w.skill + w.strategy;
  const all = own + w.luck + w.help + w.timing;
  return (
    <Why label={`Why ${all === 0 ? "no share yet" : `${props.share}%`}?`}>
      <p>
        Your own share is the weight you gave your effort, skill and strategy, out of all the weight
        you gave.{" "}
        {all === 0
          ? "You have not weighed anything yet."
          : `Here: ${w.effort} + ${w.skill} + ${w.strategy} = ${own} of ${all} points, so ${props.share}%.`}
      </p>
      <p>
        It is not a score. Imposter feelings credit success to luck, help or timing (Clance & Imes
        1978); seeing the part that was yours, the part you can repeat, is what lets belief catch up
        with the evidence (Weiner 1985; Bandura 1997).{" "}
        <a href={HOW_IT_WORKS_PATH}>How Cando works</a>
      </p>
    </Why>
  );
}

/** Why a piece of evidence is "N% your own doing": where the number came from, and why it matters. */
export function OwnDoingWhy(props: { evidence: Pick<Evidence, "source" | "ownership"> }) {
  const [from, matters] = ownDoingWhy(props.evidence);
  return (
    <Why label={`Why ${props.evidence.ownership}% your own doing?`}>
      <p>{from}</p>
      <p>
        {matters} <a href={`${HOW_IT_WORKS_PATH}#how-own-share`}>How Cando works</a>
      </p>
    </Why>
  );
}

/** Why the belief-calibration verdict says what it does (Insights and the doubt page). */
export function CalibrationVerdictWhy() {
  return (
    <Why label="Why this verdict?">
      <p>
        The verdict compares your average stated confidence with your success rate over at least{" "}
        {CALIBRATION_MIN_ATTEMPTS} attempts (a partly done attempt counts half).{" "}
        {CALIBRATION_BIAS_THRESHOLD} points or more below your results is under-confidence,{" "}
        {CALIBRATION_BIAS_THRESHOLD} or more above is over-confidence; in between is calibrated
        (calibration curves: Lichtenstein, Fischhoff & Phillips 1982).
      </p>
    </Why>
  );
}
