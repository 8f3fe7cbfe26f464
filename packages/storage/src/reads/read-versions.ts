import type { Db } from "../db";

/**
 * The person's read version: bumped (by triggers) in every transaction that writes an attempt,
 * debrief, audit, audit rating or domain of theirs. 0 before their first such write.
 */
export async function readVersionOf(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom("readVersions")
    .select("version")
    .where("userId", "=", userId)
    .executeTakeFirst();
  return Number(row?.version ?? 0);
}
