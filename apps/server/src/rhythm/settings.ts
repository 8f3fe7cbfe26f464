import {
  DEFAULT_PRACTICE_TIME,
  DEFAULT_REFLECTION_TIME,
  dayInZone,
  isTimeZone,
  type RhythmSettings,
} from "@cando/core";
import { type Db, findPersonSettings } from "@cando/storage";

/** The weekly reflection falls on Sunday until the person chooses another day. */
export const DEFAULT_REFLECTION_WEEKDAY = 7;

/** A person's rhythm settings, with the defaults filled in. */
export async function rhythmSettings(db: Db, userId: string): Promise<RhythmSettings> {
  return (await personSettings(db, userId)).settings;
}

/** The person's target success rate (a whole percent) and rhythm settings, in one statement. */
export async function personSettings(
  db: Db,
  userId: string,
): Promise<{ targetPercent: number; settings: RhythmSettings }> {
  const row = await findPersonSettings(db, userId);
  // The time zone is the account's (Settings); the rhythm keeps only the reflection's weekday.
  // A zone this runtime no longer knows falls back to UTC rather than failing every page.
  const zone = row?.timeZone && isTimeZone(row.timeZone) ? row.timeZone : null;
  return {
    targetPercent: row?.targetPercent ?? 80,
    settings: {
      timeZone: zone ?? "UTC",
      timeZoneSet: zone !== null,
      reflectionWeekday: row?.reflectionWeekday ?? DEFAULT_REFLECTION_WEEKDAY,
      practiceTime: row?.practiceTime ?? DEFAULT_PRACTICE_TIME,
      reflectionTime: row?.reflectionTime ?? DEFAULT_REFLECTION_TIME,
    },
  };
}

/** Today as the person lives it: the day `now` falls on in their time zone. */
export async function personToday(
  db: Db,
  userId: string,
  now: Date,
): Promise<{ settings: RhythmSettings; today: string }> {
  const settings = await rhythmSettings(db, userId);
  return { settings, today: dayInZone(now, settings.timeZone) };
}
