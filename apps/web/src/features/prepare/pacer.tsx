import { type BreathingPhase, PHASE_LABELS } from "@cando/core/constants";

/**
 * The breathing pacer: a circle that grows on the in-breath and shrinks on the out-breath, each
 * over the phase's own duration. With reduced motion: a calm text and a number counting down,
 * no animation. The live region is the runner's, so nothing here is announced every second.
 */
export function Pacer(props: {
  phase: BreathingPhase;
  remainingMs: number;
  cycles: number;
  reducedMotion: boolean;
  paused: boolean;
  /** Cyclic sighing: the first inhale fills most of the way, the second tops it up. */
  hasTopUp: boolean;
}) {
  const { phase } = props;
  const label = PHASE_LABELS[phase.kind];
  const seconds = Math.max(1, Math.ceil(props.remainingMs / 1000));
  const full = props.hasTopUp ? 0.85 : 1;
  const [from, to] = {
    inhale: [0.45, full],
    top_up: [full, 1],
    hold: [1, 1],
    exhale: [1, 0.45],
    hold_after: [0.45, 0.45],
  }[phase.kind];
  return (
    <div class="pacer" aria-hidden="true">
      {props.reducedMotion ? (
        <div class="pacer-still">
          <span class="pacer-label">{label}</span>
          <span class="pacer-count">{seconds}</span>
        </div>
      ) : (
        <div class="pacer-stage">
          <div
            // A new element per phase, so its transition starts from the phase's start.
            key={`${phase.cycle}-${phase.kind}`}
            class={`pacer-circle pacer-${phase.kind}${props.paused ? " pacer-paused" : ""}`}
            style={{ "--phase-ms": `${phase.durationMs}ms`, "--from": from, "--to": to }}
          />
          <span class="pacer-label pacer-over">{label}</span>
        </div>
      )}
      <p class="pacer-breath">
        Breath {phase.cycle} of {props.cycles}
      </p>
    </div>
  );
}
