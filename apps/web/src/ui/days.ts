import { dateFormat } from "./format";

/** Today as `YYYY-MM-DD` in the reader's own time zone: the day they are living in. */
export function localDay(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** "3 Mar 2025" for a calendar day (`YYYY-MM-DD`), the same day wherever the reader is. */
export function formatPlainDay(day: string, locale?: string): string {
  return dateFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(
    new Date(`${day}T00:00:00Z`),
  );
}
