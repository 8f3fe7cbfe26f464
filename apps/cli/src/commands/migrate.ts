import { describeDatabaseUrl, migrateToLatest } from "@cando/storage";
import { cannotOpen, openOrCreateDatabase } from "../database";
import type { Output } from "../io";

/** `cando migrate`: applies pending migrations and says which, or that there were none. */
export async function runMigrate(input: {
  databaseUrl: string;
  stdout: Output;
}): Promise<string[]> {
  const where = describeDatabaseUrl(input.databaseUrl);
  const db = openOrCreateDatabase(input.databaseUrl);
  try {
    const { applied } = await migrateToLatest(db);
    if (applied.length === 0) {
      input.stdout.write(`${where}: up to date\n`);
    } else {
      input.stdout.write(
        `${where}: applied ${applied.length} migration${applied.length === 1 ? "" : "s"}\n`,
      );
      for (const name of applied) input.stdout.write(`  ${name}\n`);
    }
    return applied;
  } catch (error) {
    throw cannotOpen(input.databaseUrl, error);
  } finally {
    await db.destroy();
  }
}
