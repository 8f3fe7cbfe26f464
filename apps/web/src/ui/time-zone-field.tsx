import { SelectField } from "./fields";
import { dateFormat } from "./format";

/** This browser's IANA time zone. */
export function browserTimeZone(): string {
  return dateFormat(undefined, {}).resolvedOptions().timeZone;
}

/** Every time zone this browser knows, with `current` in the list even if it does not. */
export function timeZones(current: string): string[] {
  const supported =
    typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return supported.includes(current) ? supported : [current, ...supported];
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
  return (
    <SelectField
      id={props.id}
      label={props.label}
      hint={props.hint}
      error={props.error}
      value={props.value}
      options={timeZones(props.value).map((zone) => ({
        value: zone,
        label: zone.replaceAll("_", " "),
      }))}
      onChange={props.onChange}
    />
  );
}
