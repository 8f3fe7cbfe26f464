import { ValidationError } from "../errors";
import { DAY_MS } from "../time";

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a `YYYY-MM-DD` day, computed with Date.UTC (no local time zone). */
export function dayNumber(day: string, field = "day"): number {
  const m = DAY_PATTERN.exec(day);
  if (!m) throw new ValidationError([{ path: field, message: "must be a day as YYYY-MM-DD" }]);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new ValidationError([{ path: field, message: "is not a real calendar day" }]);
  }
  return ms / DAY_MS;
}

/** The `YYYY-MM-DD` day `n` days after `day` (negative n goes back). */
export function addDays(day: string, n: number): string {
  return new Date((dayNumber(day) + n) * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to, "to") - dayNumber(from, "from");
}

/** Milliseconds of an ISO-8601 instant (or a Date); throws a ValidationError naming `field`. */
export function instantMs(at: string | Date, field = "at"): number {
  const ms = typeof at === "string" ? Date.parse(at) : at.getTime();
  if (Number.isNaN(ms)) {
    throw new ValidationError([{ path: field, message: "must be an ISO-8601 instant" }]);
  }
  return ms;
}

/** `YYYY-MM` (UTC) of an instant: the bucket for monthly trends. */
export function monthOf(at: string | Date): string {
  return new Date(instantMs(at)).toISOString().slice(0, 7);
}

// Making an Intl.DateTimeFormat costs far more than using one (tens of µs: it resolves the locale
// and the zone's rules), and a person's day in their zone is asked on most requests: one per
// locale, options and zone, kept. Bounded by the runtime's zones (a few hundred); the cap only
// guards against a runtime that accepts any name.
const zoneFormats = new WeakMap<Intl.DateTimeFormatOptions, Map<string, Intl.DateTimeFormat>>();

/** A kept formatter for `options` (a constant object of the caller's) in `zone`. */
export function formatInZone(
  locale: string,
  options: Intl.DateTimeFormatOptions,
  zone: string,
): Intl.DateTimeFormat {
  let byZone = zoneFormats.get(options);
  if (!byZone) {
    byZone = new Map();
    zoneFormats.set(options, byZone);
  }
  const key = `${locale}|${zone}`;
  let format = byZone.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone: zone });
    if (byZone.size >= 1000) byZone.clear();
    byZone.set(key, format);
  }
  return format;
}
