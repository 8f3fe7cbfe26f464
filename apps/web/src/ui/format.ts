/** "3 Mar 2025" style day of an ISO instant, in the reader's locale and time zone. */
export function formatDay(iso: string, locale?: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone }).format(new Date(iso));
}

/** Day and time, for telling apart two audits taken on the same day. */
export function formatDayTime(iso: string, locale?: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone,
  }).format(new Date(iso));
}

/** The text shown for a field problem: the API's messages read on from the field's label. */
export function fieldMessage(label: string, message: string): string {
  const sentence = `${label} ${message}`;
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}
