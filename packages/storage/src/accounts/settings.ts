import { fixedQuery } from "../compiled";
import type { Db } from "../db";
import type { AccountSettingsTable } from "../schema";

export type AccountSettingsRow = AccountSettingsTable;

/** The week starts on Monday unless the person says otherwise (ISO 8601). */
export const DEFAULT_WEEK_STARTS_ON = 1;

export async function findAccountSettings(
  db: Db,
  userId: string,
): Promise<AccountSettingsRow | undefined> {
  return (await accountSettingsOf(db, userId))[0];
}

// Compiled once (see fixedQuery): the person's day (their zone) is asked on most pages.
const accountSettingsOf = fixedQuery((db: Db, userId: string) =>
  db.selectFrom("accountSettings").selectAll().where("userId", "=", userId),
);

/** Creates or changes a person's settings; a field left undefined keeps its value. */
export async function saveAccountSettings(
  db: Db,
  userId: string,
  patch: { timeZone?: string | null; weekStartsOn?: number | null },
  updatedAt: string,
): Promise<void> {
  const set = { ...patch, updatedAt };
  await db
    .insertInto("accountSettings")
    .values({
      userId,
      timeZone: patch.timeZone ?? null,
      weekStartsOn: patch.weekStartsOn ?? null,
      updatedAt,
    })
    .onConflict((oc) => oc.column("userId").doUpdateSet(set))
    .execute();
}

/** What a person has chosen that most pages need; null where they have not chosen. */
export interface PersonSettingsRow {
  targetPercent: number;
  timeZone: string | null;
  reflectionWeekday: number | null;
  practiceTime: string | null;
  reflectionTime: string | null;
}

/**
 * The target success rate, the time zone and the rhythm's weekday and times in one statement (the
 * account row with its two settings rows, if any): Today and every page that needs the person's
 * day ask for them together.
 */
export async function findPersonSettings(
  db: Db,
  userId: string,
): Promise<PersonSettingsRow | undefined> {
  const [row] = await personSettingsOf(db, userId);
  if (!row) return undefined;
  return {
    targetPercent: Number(row.targetPercent),
    timeZone: row.timeZone,
    reflectionWeekday: row.reflectionWeekday,
    practiceTime: row.practiceTime ?? null,
    reflectionTime: row.reflectionTime ?? null,
  };
}

// Compiled once (see fixedQuery).
const personSettingsOf = fixedQuery((db: Db, userId: string) =>
  db
    .selectFrom("users")
    .leftJoin("accountSettings", "accountSettings.userId", "users.id")
    .leftJoin("rhythmSettings", "rhythmSettings.userId", "users.id")
    .select([
      "users.targetPercent",
      "accountSettings.timeZone",
      "rhythmSettings.reflectionWeekday",
      "rhythmSettings.practiceTime",
      "rhythmSettings.reflectionTime",
    ])
    .where("users.id", "=", userId),
);
