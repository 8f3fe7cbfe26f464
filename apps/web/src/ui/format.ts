const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * The Intl.DateTimeFormat for a locale and options, made once and kept: making one costs about a
 * millisecond on a phone (far more for the first), so one per row of a long list blocked the page
 * for hundreds of milliseconds. One without a `timeZone` keeps the zone it was made in.
 */
export function dateFormat(
  locale: string | undefined,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${locale ?? ""} ${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}

let prepared = false;

/**
 * Makes the reader's date format while the browser is idle, once per page load (a signed-in page
 * waiting for its data): the first Intl formatter of a document loads the locale's data, tens of
 * milliseconds on a phone, which otherwise lands in the same task as drawing the data it formats.
 */
export function prepareDateFormat(): void {
  if (prepared) return;
  prepared = true;
  const make = () => void dateFormat(undefined, { dateStyle: "medium", timeZone: "UTC" });
  if (typeof requestIdleCallback === "function") requestIdleCallback(make, { timeout: 2000 });
  else setTimeout(make, 0);
}

/** "3 Mar 2025" style day of an ISO instant, in the reader's locale and time zone. */
export function formatDay(iso: string, locale?: string, timeZone?: string): string {
  return dateFormat(locale, { dateStyle: "medium", timeZone }).format(new Date(iso));
}

/** Day and time, for telling apart two audits taken on the same day. */
export function formatDayTime(iso: string, locale?: string, timeZone?: string): string {
  return dateFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(
    new Date(iso),
  );
}

// Messages that read on from a field's name ("Title must be at most 200 characters").
const PREDICATE =
  /^(must|is|are|was|already|should|cannot|can't|can|may|has|have to|needs|does|do not|looks)\b/i;

/**
 * The text shown for a field problem. A predicate ("must be at least 10 characters") reads on
 * from the field's label; any other message ("you already have a domain with this name") is its
 * own sentence after the label and a colon, never glued to it.
 */
export function fieldMessage(label: string, message: string): string {
  const text = message.trim();
  const sentence = PREDICATE.test(text)
    ? `${label} ${text}`
    : `${label}: ${text.charAt(0).toUpperCase()}${text.slice(1)}`;
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}
