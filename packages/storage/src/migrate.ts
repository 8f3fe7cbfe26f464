import { type Migration, type MigrationResultSet, Migrator } from "kysely";
import { type Db, schemaOf } from "./db";
import { migrations } from "./migrations";

export interface MigrationReport {
  applied: string[];
}

/** Brings the database to the latest schema; throws (and applies nothing more) on failure. */
export async function migrateToLatest(db: Db): Promise<MigrationReport> {
  const schema = schemaOf(db);
  const migrator = new Migrator({
    db,
    // Without a schema, Kysely looks for its lock table in every schema of the server and can
    // find another database's (tests run one schema each, in parallel).
    ...(schema ? { migrationTableSchema: schema } : {}),
    provider: { getMigrations: async (): Promise<Record<string, Migration>> => migrations },
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === "Error")?.migrationName;
    throw new Error(`Migration ${failed ?? "(unknown)"} failed: ${String(result.error)}`, {
      cause: result.error,
    });
  }
  return {
    applied: (result.results ?? [])
      .filter((r) => r.status === "Success")
      .map((r) => r.migrationName),
  };
}
