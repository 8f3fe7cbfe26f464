import pg from "pg";
import { afterAll, beforeAll, describe, inject } from "vitest";
import { createDb, type Db, type DbKind } from "../db";
import { migrateToLatest } from "../migrate";

export interface TestDatabase {
  kind: DbKind;
  db: Db;
  close(): Promise<void>;
}

/** A fresh, migrated database: SQLite in memory, or a new schema on the test PostgreSQL server. */
export async function openTestDatabase(kind: DbKind): Promise<TestDatabase> {
  if (kind === "sqlite") {
    const db = createDb(":memory:");
    await migrateToLatest(db);
    return { kind, db, close: () => db.destroy() };
  }
  const url = inject("postgresUrl");
  if (!url) throw new Error("PostgreSQL is not available for this test run");
  const schema = `t_${crypto.randomUUID().replaceAll("-", "")}`;
  await adminQuery(url, `create schema ${schema}`);
  const db = createDb(url, { schema, maxConnections: 4 });
  await migrateToLatest(db);
  return {
    kind,
    db,
    close: async () => {
      await db.destroy();
      await adminQuery(url, `drop schema ${schema} cascade`);
    },
  };
}

async function adminQuery(url: string, text: string): Promise<void> {
  const parsed = new URL(url);
  const client = new pg.Client({ connectionString: url, user: parsed.username || "postgres" });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** The databases this run can test: always SQLite; PostgreSQL when its server answers. */
export function availableKinds(): DbKind[] {
  return inject("postgresUrl") ? ["sqlite", "postgres"] : ["sqlite"];
}

/**
 * Runs the same suite once per database. Where PostgreSQL is missing, its half is reported
 * loudly by the global setup (and is fatal with CANDO_REQUIRE_ALL=1), not silently dropped.
 */
export function describeEachDatabase(name: string, suite: (db: () => Db, kind: DbKind) => void) {
  for (const kind of availableKinds()) {
    describe(`${name} [${kind}]`, () => {
      let test: TestDatabase | undefined;
      beforeAll(async () => {
        test = await openTestDatabase(kind);
      });
      afterAll(async () => {
        await test?.close();
      });
      suite(() => {
        if (!test) throw new Error("test database not open");
        return test.db;
      }, kind);
    });
  }
}
