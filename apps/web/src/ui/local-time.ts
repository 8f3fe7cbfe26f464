import { dateFormat } from "./format";

const pad = (n: number) => String(n).padStart(2, "0");

/** `YYYY-MM-DD` of an instant in the reader's own time zone (a date input's value). */
export function localDay(at: Date): string {
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** `YYYY-MM-DDTHH:MM` in the reader's time zone, the value of a datetime-local input. */
export function localDateTime(at: Date): string {
  return `${localDay(at)}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/** The instant a datetime-local value names in the reader's time zone; null if it is not one. */
export function fromLocalDateTime(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** Whether `YYYY-MM-DD` is a real calendar day. */
export function isRealDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const t = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === day;
}

/** "3 Mar 2025" for a calendar day `YYYY-MM-DD`, the same day wherever the reader is. */
export function formatCalendarDay(day: string, locale?: string): string {
  if (!isRealDay(day)) return day;
  return dateFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/** A fresh idempotency key; randomUUID needs a secure context, so fall back to random bytes. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
