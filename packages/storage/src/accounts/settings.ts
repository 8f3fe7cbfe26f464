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
