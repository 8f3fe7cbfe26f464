import { useMemo } from "preact/hooks";
import { SelectField } from "./fields";
import { dateFormat } from "./format";

/** This browser's IANA time zone. */
export function browserTimeZone(): string {
  return dateFormat(undefined, {}).resolvedOptions().timeZone;
}

let supportedZones: readonly string[] | null = null;

/** Every time zone this browser knows, with `current` in the list even if it does not. */
export function timeZones(current: string): readonly string[] {
  // Asked once: the list (~430 zones) is the same for the page's life and costs milliseconds.
  supportedZones ??=
    typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return supportedZones.includes(current) ? supportedZones : [current, ...supportedZones];
}

/**
 * The one time zone picker (Settings and Reminders both set the same account setting with it):
 * a labelled select of every zone the browser knows, shown with spaces for underscores.
 */
export function TimeZoneField(props: {
  id: string;
  label: string;
  value: string;
  hint?: string | undefined;
  error?: string | undefined;
  onChange: (zone: string) => void;
}) {
  const options = useMemo(
    () => timeZones(props.value).map((zone) => ({ value: zone, label: zone.replaceAll("_", " ") })),
    [props.value],
  );
  return (
    <SelectField
      id={props.id}
      label={props.label}
      hint={props.hint}
      error={props.error}
      value={props.value}
      options={options}
      onChange={props.onChange}
    />
  );
}
