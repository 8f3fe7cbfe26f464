import SQLite from "better-sqlite3";
import {
  CamelCasePlugin,
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresAdapter,
  PostgresDialect,
  SqliteDialect,
  type SqliteDriver,
} from "kysely";
import pg from "pg";
import type { Database } from "./schema";

export type Db = Kysely<Database>;
export type DbKind = "sqlite" | "postgres";

export interface DbOptions {
  /** PostgreSQL only: the schema to use (tests use a fresh schema per run). */
  schema?: string;
  /** PostgreSQL only: pool size. */
  maxConnections?: number;
}

// pg returns COUNT/BIGINT as strings; ours are small counts, so parse them as numbers.
pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10));

export function isPostgresUrl(url: string): boolean {
  return url.startsWith("postgres://") || url.startsWith("postgresql://");
}

/** Which database this is; works for a transaction as well as for the database itself. */
export function dbKind(db: Db): DbKind {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}

/** PostgreSQL: the schema the database works in (for the migrator's own tables). */
export function schemaOf(db: Db): string | undefined {
  return schemas.get(db);
}
const schemas = new WeakMap<Db, string>();

/**
 * Opens the database: a PostgreSQL URL (`postgres://…`) or else a SQLite file path
 * (`:memory:` for tests). SQLite runs in WAL mode with foreign keys on and full fsync, so an
 * acknowledged write survives a crash.
 */
export function createDb(url: string, options: DbOptions = {}): Db {
  if (isPostgresUrl(url)) {
    const parsed = new URL(url);
    const pool = new pg.Pool({
      connectionString: url,
      // pg falls back to $USER for the role, which is unset in services and CI.
      user: parsed.username ? decodeURIComponent(parsed.username) : "postgres",
      max: options.maxConnections ?? 10,
      ...(options.schema ? { options: `-c search_path=${quoteIdent(options.schema)}` } : {}),
    });
    const db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool }),
      plugins: [new CamelCasePlugin()],
    });
    schemas.set(db, options.schema ?? "public");
    return db;
  }
  const sqlite = new SQLite(url);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const db = new Kysely<Database>({
    dialect: new ImmediateSqliteDialect({ database: sqlite }),
    plugins: [new CamelCasePlugin()],
  });
  return db;
}

/**
 * SQLite write transactions take the write lock up front (`BEGIN IMMEDIATE`). A deferred
 * transaction that reads and then writes cannot wait for another process's lock (SQLite answers
 * SQLITE_BUSY at once to avoid a deadlock); an immediate one waits up to the busy timeout.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  override createDriver(): Driver {
    const driver = super.createDriver() as SqliteDriver;
    driver.beginTransaction = async (connection: DatabaseConnection) => {
      await connection.executeQuery(CompiledQuery.raw("begin immediate"));
    };
    return driver;
  }
}

function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/i.test(name)) throw new Error(`Invalid schema name: ${name}`);
  return name;
}

/** True when an insert or update broke a UNIQUE constraint, on either database. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    code === "23505" ||
    code === "SQLITE_CONSTRAINT_UNIQUE" ||
    code === "SQLITE_CONSTRAINT_PRIMARYKEY"
  );
}
