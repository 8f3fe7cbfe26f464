import { RATING_ANCHORS, RATING_STEP } from "@cando/core/constants";
import { SelectField } from "./fields";

const anchors: Record<number, string> = RATING_ANCHORS;

/** The options of Bandura's 0–100 scale in steps of 10, the anchors named beside 0, 50 and 100. */
export function confidenceOptions(allowUnrated: boolean): { value: string; label: string }[] {
  const points = Array.from({ length: 100 / RATING_STEP + 1 }, (_, i) => i * RATING_STEP);
  const options = points.map((p) => ({
    value: String(p),
    label: anchors[p] ? `${p} – ${anchors[p]}` : String(p),
  }));
  return allowUnrated ? [{ value: "", label: "Not rated yet" }, ...options] : options;
}

/**
 * "How certain am I that I can do this now?" on Bandura's 0–100 format, as one labelled select:
 * compact enough to sit beside every step of a ladder, and fully keyboard and screen-reader usable.
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
    <SelectField
      id={props.id}
      label={props.label ?? "How certain am I that I can do this now?"}
      hint="0 cannot do at all, 50 moderately certain, 100 highly certain."
      value={props.value === null ? "" : String(props.value)}
      options={confidenceOptions(allowUnrated)}
      onChange={(v) => props.onChange(v === "" ? null : Number(v))}
      error={props.error}
    />
  );
}
