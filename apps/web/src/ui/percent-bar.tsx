import "./percent-bar.css";

/** A small bar drawing a probability (0–1); decorative, so the number beside it must be shown too. */
export function PercentBar(props: { value: number }) {
  const width = Math.min(100, Math.max(0, props.value * 100));
  return (
    <span class="percent-bar" aria-hidden="true">
      <span class="percent-bar-fill" style={{ width: `${width}%` }} />
    </span>
  );
}
