import type { PracticeDay } from "@cando/core";
import { addDays, dayNumber, practiceLevel } from "@cando/core/constants";
import { dateFormat } from "../../ui/format";

export type HeatCell = {
  day: string;
  minutes: number;
  level: 0 | 1 | 2 | 3 | 4;
  rest: boolean;
};

/** Monday-first weekday index 0–6 of a day. */
function weekday(day: string): number {
  return (((dayNumber(day) + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday (index 3)
}

/**
 * The calendar grid of a heat map: one column per week (Monday to Sunday), days outside
 * `from`…`to` left empty (null), each day with its minutes and shade.
 */
export function heatWeeks(
  from: string,
  to: string,
  days: readonly PracticeDay[],
  restDays: readonly string[],
): (HeatCell | null)[][] {
  const minutes = new Map(days.map((d) => [d.day, d.minutes]));
  const rest = new Set(restDays);
  const start = addDays(from, -weekday(from));
  const weeks: (HeatCell | null)[][] = [];
  for (let monday = start; monday <= to; monday = addDays(monday, 7)) {
    const week: (HeatCell | null)[] = [];
    for (let i = 0; i < 7; i++) {
      const day = addDays(monday, i);
      if (day < from || day > to) {
        week.push(null);
        continue;
      }
      const m = minutes.get(day) ?? 0;
      week.push({ day, minutes: m, level: practiceLevel(m), rest: rest.has(day) });
    }
    weeks.push(week);
  }
  return weeks;
}

export type MonthTotal = { month: string; days: number; minutes: number };

/** Days practised and minutes per calendar month from `from` to `to`, oldest first. */
export function monthTotals(from: string, to: string, days: readonly PracticeDay[]): MonthTotal[] {
  const months: MonthTotal[] = [];
  let month = from.slice(0, 7);
  const last = to.slice(0, 7);
  while (month <= last) {
    months.push({ month, days: 0, minutes: 0 });
    const [y, m] = month.split("-").map(Number) as [number, number];
    month = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
  }
  const byMonth = new Map(months.map((m) => [m.month, m]));
  for (const d of days) {
    const total = byMonth.get(d.day.slice(0, 7));
    if (total && d.minutes > 0) {
      total.days += 1;
      total.minutes += d.minutes;
    }
  }
  return months;
}

/** "March 2026" for `2026-03`. */
export function monthName(month: string, locale?: string): string {
  return dateFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${month}-01T00:00:00Z`),
  );
}
