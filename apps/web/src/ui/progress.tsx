/**
 * Where one is in a sequence: a bar of segments (done, current, to come) and a line of text
 * that says the same ("Step 3 of 6: …"), so the bar itself is decorative.
 */
export function ProgressSteps(props: { steps: readonly string[]; current: number; text: string }) {
  return (
    <div class="progress">
      <ol class="progress-steps" aria-hidden="true">
        {props.steps.map((step, i) => (
          <li
            key={step}
            class={
              i < props.current ? "progress-done" : i === props.current ? "progress-current" : ""
            }
          />
        ))}
      </ol>
      <p class="progress-text">{props.text}</p>
    </div>
  );
}
