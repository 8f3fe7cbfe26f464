import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { isPostgresUrl } from "./db";

export const DEFAULT_DATA_DIR = "./data";
export const SQLITE_FILE_NAME = "cando.sqlite";

export interface DatabaseLocation {
  /** DATABASE_URL: a PostgreSQL URL, or a SQLite file path. Empty counts as unset. */
  databaseUrl?: string | undefined;
  /** CANDO_DATA_DIR: where the embedded SQLite database lives (default ./data). */
  dataDir?: string | undefined;
}

/**
 * The one rule for which database Cando uses, shared by the server and the CLI: DATABASE_URL
 * when set, else the SQLite file `<CANDO_DATA_DIR or ./data>/cando.sqlite`, resolved against
 * the working directory so every later message names an absolute path.
 */
export function resolveDatabaseUrl(location: DatabaseLocation): string {
  const url = location.databaseUrl?.trim();
  if (url) return isPostgresUrl(url) || url === ":memory:" ? url : resolve(url);
  return join(resolve(location.dataDir?.trim() || DEFAULT_DATA_DIR), SQLITE_FILE_NAME);
}

/** The SQLite file behind a database URL, or null for PostgreSQL and in-memory databases. */
export function sqlitePathOf(url: string): string | null {
  return isPostgresUrl(url) || url === ":memory:" ? null : url;
}

/** Creates the folder a SQLite database file goes in (a no-op for PostgreSQL). */
export function ensureDatabaseDirectory(url: string): void {
  const path = sqlitePathOf(url);
  if (path) mkdirSync(dirname(path), { recursive: true });
}

/** A database URL fit to print: the SQLite path, or PostgreSQL without its password. */
export function describeDatabaseUrl(url: string): string {
  const path = sqlitePathOf(url);
  if (path !== null) return `SQLite at ${path}`;
  try {
    const parsed = new URL(url);
    const user = parsed.username ? `${decodeURIComponent(parsed.username)}@` : "";
    return `PostgreSQL at ${user}${parsed.host}${parsed.pathname}`;
  } catch {
    return "PostgreSQL";
  }
}
