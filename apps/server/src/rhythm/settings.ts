import {
  DEFAULT_PRACTICE_TIME,
  DEFAULT_REFLECTION_TIME,
  dayInZone,
  isTimeZone,
  type RhythmSettings,
} from "@cando/core";
import { type Db, findAccountSettings, findRhythmSettings } from "@cando/storage";

/** The weekly reflection falls on Sunday until the person chooses another day. */
export const DEFAULT_REFLECTION_WEEKDAY = 7;

/** A person's rhythm settings, with the defaults filled in. */
export async function rhythmSettings(db: Db, userId: string): Promise<RhythmSettings> {
  const row = await findRhythmSettings(db, userId);
  // The time zone is the account's (Settings); the rhythm keeps only the reflection's weekday.
  const account = await findAccountSettings(db, userId);
  // A zone this runtime no longer knows falls back to UTC rather than failing every page.
  const zone = account?.timeZone && isTimeZone(account.timeZone) ? account.timeZone : null;
  return {
    timeZone: zone ?? "UTC",
    timeZoneSet: zone !== null,
    reflectionWeekday: row?.reflectionWeekday ?? DEFAULT_REFLECTION_WEEKDAY,
    practiceTime: row?.practiceTime ?? DEFAULT_PRACTICE_TIME,
    reflectionTime: row?.reflectionTime ?? DEFAULT_REFLECTION_TIME,
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
