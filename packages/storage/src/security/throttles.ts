import type { Db } from "../db";

/**
 * A growing-delay rule: the first `free` attempts under a key go through at once; after that,
 * each one makes the next wait twice as long (base, 2·base, 4·base, … up to max). A key that has
 * been quiet for `resetAfterMs` starts again from zero.
 */
export interface ThrottleRule {
  free: number;
  baseDelayMs: number;
  maxDelayMs: number;
  resetAfterMs: number;
}

export type ThrottleClaim = { ok: true; count: number } | { ok: false; retryAfterMs: number };

/** How long the attempt after the `count`-th must wait under `rule`. */
export function throttleDelayMs(rule: ThrottleRule, count: number): number {
  if (count <= rule.free) return 0;
  return Math.min(rule.maxDelayMs, rule.baseDelayMs * 2 ** Math.min(count - rule.free - 1, 40));
}

const iso = (ms: number) => new Date(ms).toISOString();
// Free attempts hold nobody back, even if a clock later steps backwards.
const until = (at: number, delay: number) => (delay > 0 ? iso(at + delay) : iso(0));

/**
 * Takes one attempt under `key`, or says how long to wait. The attempt is counted before the
 * caller does the work (checking a password), so a burst of parallel requests cannot all slip
 * through before the first failure is written: each claim is a compare-and-swap on the row,
 * which is atomic on PostgreSQL (READ COMMITTED re-checks the WHERE after a row lock) and on
 * SQLite (one writer).
 */
export async function claimThrottle(
  db: Db,
  key: string,
  rule: ThrottleRule,
  now: Date,
): Promise<ThrottleClaim> {
  const at = now.getTime();
  for (let tries = 0; tries < 10; tries++) {
    const row = await db
      .selectFrom("throttles")
      .selectAll()
      .where("key", "=", key)
      .executeTakeFirst();
    if (!row) {
      const inserted = await db
        .insertInto("throttles")
        .values({
          key,
          count: 1,
          lastAt: iso(at),
          blockedUntil: iso(at + throttleDelayMs(rule, 1)),
        })
        .onConflict((oc) => oc.column("key").doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1) return { ok: true, count: 1 };
      continue;
    }
    const blockedUntil = Date.parse(row.blockedUntil);
    if (blockedUntil > at) return { ok: false, retryAfterMs: blockedUntil - at };
    const count = at - Date.parse(row.lastAt) >= rule.resetAfterMs ? 1 : row.count + 1;
    const updated = await db
      .updateTable("throttles")
      .set({ count, lastAt: iso(at), blockedUntil: until(at, throttleDelayMs(rule, count)) })
      .where("key", "=", key)
      .where("count", "=", row.count)
      .where("lastAt", "=", row.lastAt)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 1) return { ok: true, count };
  }
  // Many processes racing on one key: only an attack looks like this.
  return { ok: false, retryAfterMs: 1000 };
}

/** Gives back one claimed attempt (it turned out not to be a failure). */
export async function unclaimThrottle(db: Db, key: string): Promise<void> {
  await db
    .updateTable("throttles")
    .set((eb) => ({ count: eb("count", "-", 1) }))
    .where("key", "=", key)
    .where("count", ">", 0)
    .execute();
}

/** Forgets a key entirely (a success that proves the failures under it were the owner's). */
export async function clearThrottle(db: Db, key: string): Promise<void> {
  await db.deleteFrom("throttles").where("key", "=", key).execute();
}

export async function findThrottle(db: Db, key: string) {
  return db.selectFrom("throttles").selectAll().where("key", "=", key).executeTakeFirst();
}

/** Deletes counters quiet since `before` and no longer holding anyone back at `now`. */
export async function deleteStaleThrottles(db: Db, before: string, now: string): Promise<number> {
  const result = await db
    .deleteFrom("throttles")
    .where("lastAt", "<", before)
    .where("blockedUntil", "<=", now)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
