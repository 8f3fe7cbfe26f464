import { existsSync } from "node:fs";
import {
  createDb,
  type Db,
  describeDatabaseUrl,
  ensureDatabaseDirectory,
  migrateToLatest,
  sqlitePathOf,
} from "@cando/storage";
import { CliError, type Output } from "./io";

/**
 * Opens an existing database and brings it to the latest schema, as the server does when it
 * starts. Unlike the server it does not create a missing SQLite file: a typo in
 * CANDO_DATA_DIR should be an error, not a new empty database.
 */
export async function openExistingDatabase(databaseUrl: string, stderr: Output): Promise<Db> {
  const path = sqlitePathOf(databaseUrl);
  if (path !== null && !existsSync(path)) {
    throw new CliError(
      `There is no Cando database at ${path}.\n` +
        "Set CANDO_DATA_DIR (or DATABASE_URL) to where it is, or create it with `cando migrate`.",
    );
  }
  const db = createDb(databaseUrl);
  try {
    const { applied } = await migrateToLatest(db);
    if (applied.length > 0) stderr.write(`Applied migrations first: ${applied.join(", ")}\n`);
    return db;
  } catch (error) {
    await db.destroy();
    throw cannotOpen(databaseUrl, error);
  }
}

/** Opens (creating when needed) the database for `migrate`. */
export function openOrCreateDatabase(databaseUrl: string): Db {
  ensureDatabaseDirectory(databaseUrl);
  return createDb(databaseUrl);
}

export function cannotOpen(databaseUrl: string, error: unknown): CliError {
  const why = error instanceof Error ? error.message : String(error);
  return new CliError(`Cannot use the database (${describeDatabaseUrl(databaseUrl)}): ${why}`);
}
