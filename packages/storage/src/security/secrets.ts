import type { Db } from "../db";

/**
 * The secret called `name`: made once by the first process that asks (`make`), then read by
 * every other process and after every restart, so what it signs stays valid.
 */
export async function serverSecret(
  db: Db,
  name: string,
  make: () => string,
  now: string,
): Promise<string> {
  await db
    .insertInto("serverSecrets")
    .values({ name, value: make(), createdAt: now })
    .onConflict((oc) => oc.column("name").doNothing())
    .execute();
  const row = await db
    .selectFrom("serverSecrets")
    .select("value")
    .where("name", "=", name)
    .executeTakeFirstOrThrow();
  return row.value;
}
