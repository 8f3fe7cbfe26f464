import {
  chmodSync,
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";
import SQLite from "better-sqlite3";

/** Why a backup or restore was refused; `code` is stable, `message` is for people. */
export class SqliteFileError extends Error {
  constructor(
    readonly code:
      | "source_missing"
      | "not_sqlite"
      | "not_cando"
      | "destination_exists"
      | "target_exists"
      | "same_file"
      | "in_use",
    message: string,
  ) {
    super(message);
    this.name = "SqliteFileError";
  }
}

export interface BackupResult {
  path: string;
  bytes: number;
}

const SQLITE_HEADER = "SQLite format 3\u0000";
const MIGRATIONS_TABLE = "kysely_migration";

/**
 * A consistent copy of a live SQLite database through SQLite's online backup API, on its own
 * connection: safe while the server writes (WAL mode), and it includes every committed write,
 * also those still only in the -wal file. The copy appears under `destPath` only when whole,
 * as one self-contained file (rollback-journal mode, no -wal beside it), readable only by
 * its owner because it holds people's data.
 */
export async function backupSqlite(
  sourcePath: string,
  destPath: string,
  options: { mode?: number } = {},
): Promise<BackupResult> {
  if (!existsSync(sourcePath)) {
    throw new SqliteFileError("source_missing", `There is no database at ${sourcePath}.`);
  }
  if (existsSync(destPath)) {
    throw new SqliteFileError("destination_exists", `${destPath} already exists.`);
  }
  assertSqliteHeader(sourcePath);
  // `cando backup backups/today.sqlite` should not need the folder made first.
  mkdirSync(dirname(destPath), { recursive: true });
  const temp = join(dirname(destPath), `.${basename(destPath)}.${process.pid}.partial`);
  // Read-write although we only read: a read-only connection leaves -wal and -shm files behind.
  const source = new SQLite(sourcePath, { fileMustExist: true });
  try {
    // One big step after the first: a step is a consistent read, and in WAL mode it does not
    // block the server's writers, whereas small steps restart whenever another connection writes.
    await source.backup(temp, { progress: ({ totalPages }) => Math.max(totalPages, 100) });
    const copy = new SQLite(temp, { fileMustExist: true });
    try {
      copy.pragma("journal_mode = DELETE");
      const check = copy.pragma("quick_check", { simple: true });
      if (check !== "ok") throw new Error(`The copy failed its integrity check: ${String(check)}`);
    } finally {
      copy.close();
    }
    chmodSync(temp, options.mode ?? 0o600);
    fsyncFile(temp);
    renameSync(temp, destPath);
    fsyncDirectory(dirname(destPath));
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  } finally {
    source.close();
  }
  return { path: destPath, bytes: statSync(destPath).size };
}

export interface CandoDatabaseInfo {
  /** Names of the migrations the database has applied, in order. */
  migrations: string[];
}

/** Checks that a file is a sound SQLite database made by Cando (it has our migrations table). */
export function inspectSqliteDatabase(path: string): CandoDatabaseInfo {
  if (!existsSync(path)) throw new SqliteFileError("source_missing", `There is no file ${path}.`);
  assertSqliteHeader(path);
  const db = new SQLite(path, { fileMustExist: true });
  try {
    const check = db.pragma("quick_check", { simple: true });
    if (check !== "ok") {
      throw new SqliteFileError("not_sqlite", `${path} is a damaged SQLite database: ${check}.`);
    }
    const table = db
      .prepare("select name from sqlite_master where type = 'table' and name = ?")
      .get(MIGRATIONS_TABLE);
    if (!table) {
      throw new SqliteFileError(
        "not_cando",
        `${path} is a SQLite database but not Cando's (it has no ${MIGRATIONS_TABLE} table).`,
      );
    }
    const rows = db.prepare(`select name from ${MIGRATIONS_TABLE} order by name`).all() as {
      name: string;
    }[];
    if (rows.length === 0) {
      throw new SqliteFileError("not_cando", `${path} has no applied Cando migrations.`);
    }
    return { migrations: rows.map((r) => r.name) };
  } catch (error) {
    if (error instanceof SqliteFileError) throw error;
    throw new SqliteFileError("not_sqlite", `${path} cannot be read as SQLite: ${String(error)}`);
  } finally {
    db.close();
  }
}

/**
 * True when another connection (a running server) has the database open. In WAL mode the last
 * connection to close removes the -wal file, so if it survives our own open and close, someone
 * else still holds the database.
 */
export function isSqliteInUse(path: string): boolean {
  if (!existsSync(path)) return existsSync(`${path}-wal`);
  const db = new SQLite(path, { fileMustExist: true });
  try {
    db.pragma("wal_checkpoint(TRUNCATE)");
  } finally {
    db.close();
  }
  return existsSync(`${path}-wal`);
}

export interface RestoreResult {
  /** Where the database that was replaced now lives, or null when there was none. */
  keptAs: string | null;
  migrations: string[];
}

/**
 * Replaces the SQLite database at `targetPath` with the backup at `sourcePath`. Refuses a file
 * that is not a Cando database, an existing target without `force`, and a target in use (stop
 * the server first). The replaced database is first copied whole to
 * `<target>.before-restore-<timestamp>`, so nothing is ever lost.
 */
export async function restoreSqlite(
  sourcePath: string,
  targetPath: string,
  options: { force: boolean; now: Date },
): Promise<RestoreResult> {
  const { migrations } = inspectSqliteDatabase(sourcePath);
  const targetExists = existsSync(targetPath);
  if (targetExists && realpathSync(targetPath) === realpathSync(sourcePath)) {
    throw new SqliteFileError("same_file", "The backup is the database itself.");
  }
  if (targetExists && !options.force) {
    throw new SqliteFileError(
      "target_exists",
      `A database already exists at ${targetPath}; restoring replaces it.`,
    );
  }
  if (isSqliteInUse(targetPath)) {
    throw new SqliteFileError(
      "in_use",
      `The database at ${targetPath} is open in another process (is the server running?).`,
    );
  }

  let keptAs: string | null = null;
  if (targetExists) {
    keptAs = freeName(`${targetPath}.before-restore-${timestamp(options.now)}`);
    await backupSqlite(targetPath, keptAs, { mode: statSync(targetPath).mode & 0o777 });
  }
  const staged = freeName(`${targetPath}.restoring-${timestamp(options.now)}`);
  await backupSqlite(sourcePath, staged, {
    mode: targetExists ? statSync(targetPath).mode & 0o777 : 0o600,
  });
  try {
    // A -wal left beside the new file would be replayed into it; there must be none now.
    if (existsSync(`${targetPath}-wal`)) {
      throw new SqliteFileError("in_use", `${targetPath} was opened during the restore.`);
    }
    rmSync(`${targetPath}-shm`, { force: true });
    renameSync(staged, targetPath);
    fsyncDirectory(dirname(targetPath));
  } catch (error) {
    rmSync(staged, { force: true });
    throw error;
  }
  return { keptAs, migrations };
}

function assertSqliteHeader(path: string): void {
  const header = Buffer.alloc(16);
  const fd = openSync(path, "r");
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString("latin1") !== SQLITE_HEADER) {
    throw new SqliteFileError("not_sqlite", `${path} is not a SQLite database.`);
  }
}

/** 2026-11-22T07:00:00.123Z -> 20261122T070000123Z: sortable and safe in file names. */
function timestamp(now: Date): string {
  return now.toISOString().replaceAll(/[-:.]/g, "");
}

function freeName(path: string): string {
  let candidate = path;
  for (let n = 2; existsSync(candidate); n++) candidate = `${path}-${n}`;
  return candidate;
}

function fsyncFile(path: string): void {
  const fd = openSync(path, "r+");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

// Makes a rename durable; some platforms (Windows) cannot open a directory, which is fine.
function fsyncDirectory(path: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, "r");
    fsyncSync(fd);
  } catch {
    // best effort
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
