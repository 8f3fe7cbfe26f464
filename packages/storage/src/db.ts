import SQLite from "better-sqlite3";
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect } from "kysely";
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

export function dbKind(db: Db): DbKind {
  return kinds.get(db) ?? "sqlite";
}
const kinds = new WeakMap<Db, DbKind>();

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
    kinds.set(db, "postgres");
    schemas.set(db, options.schema ?? "public");
    return db;
  }
  const sqlite = new SQLite(url);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
    plugins: [new CamelCasePlugin()],
  });
  kinds.set(db, "sqlite");
  return db;
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
