import { RATING_ANCHORS, RATING_STEP } from "@cando/core/constants";
import { NumberScale, type ScaleAnchor } from "./number-scale";

const ANCHORS: readonly ScaleAnchor[] = Object.entries(RATING_ANCHORS).map(([value, text]) => ({
  value: Number(value),
  text,
}));

/**
 * "How certain am I that I can do this now?" on Bandura's 0–100 format in steps of 10: the same
 * button scale as every other rating in Cando (the audit, an attempt's confidence), keyboard and
 * screen-reader usable. `id` lands on the point that takes the focus (the chosen one, else 0),
 * so error links and "focus the field" work as with any control.
 */
export function ConfidenceSelect(props: {
  id: string;
  value: number | null;
  onChange: (value: number | null) => void;
  label?: string;
  allowUnrated?: boolean;
  error?: string | undefined;
}) {
  const allowUnrated = props.allowUnrated ?? true;
  return (
    <NumberScale
      name={props.id}
      focusId={props.id}
      class="confidence-scale"
      legend={props.label ?? "How certain am I that I can do this now?"}
      min={0}
      max={100}
      step={RATING_STEP}
      anchors={ANCHORS}
      value={props.value}
      onChange={props.onChange}
      error={props.error}
      clearable={allowUnrated}
    />
  );
}
