import { existsSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import {
  backupSqlite,
  createDb,
  describeDatabaseUrl,
  ensureDatabaseDirectory,
  inspectSqliteDatabase,
  migrateToLatest,
  restoreSqlite,
  SqliteFileError,
  sqlitePathOf,
} from "@cando/storage";
import { CliError, EXIT_USAGE, type Output } from "../io";

export interface BackupInput {
  databaseUrl: string;
  /** Where to write; an existing folder gets a file named by the time. */
  file: string;
  cwd: string;
  now: Date;
  stdout: Output;
}

/** `cando backup <file>`: a consistent copy of the SQLite database, safe while the server runs. */
export async function runBackup(input: BackupInput): Promise<string> {
  const source = sqlitePathOf(input.databaseUrl);
  if (source === null) {
    throw new CliError(
      `${describeDatabaseUrl(input.databaseUrl)} is backed up with PostgreSQL's own tools:\n` +
        `  pg_dump --format=custom --file=${shellQuote(resolve(input.cwd, input.file))} "$DATABASE_URL"\n` +
        '(restore with: pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" <file>)',
      EXIT_USAGE,
    );
  }
  if (!existsSync(source)) {
    throw new CliError(`There is no Cando database at ${source}: nothing to back up.`);
  }
  let dest = resolve(input.cwd, input.file);
  if (existsSync(dest) && statSync(dest).isDirectory()) {
    dest = join(dest, `cando-${input.now.toISOString().replaceAll(/[-:]|\.\d+/g, "")}.sqlite`);
  }
  try {
    const { bytes } = await backupSqlite(source, dest);
    input.stdout.write(`Backed up ${source} to ${dest} (${formatBytes(bytes)})\n`);
    return dest;
  } catch (error) {
    if (error instanceof SqliteFileError && error.code === "destination_exists") {
      throw new CliError(`${dest} already exists; choose a new file name (nothing was written).`);
    }
    throw asCliError(error);
  }
}

export interface RestoreInput {
  databaseUrl: string;
  file: string;
  force: boolean;
  cwd: string;
  now: Date;
  stdout: Output;
}

/**
 * `cando restore <file>`: replaces the SQLite database with a backup. The file must be a Cando
 * database that this version can open; the replaced database is kept beside it.
 */
export async function runRestore(input: RestoreInput): Promise<{ keptAs: string | null }> {
  const target = sqlitePathOf(input.databaseUrl);
  if (target === null) {
    throw new CliError(
      `${describeDatabaseUrl(input.databaseUrl)} is restored with PostgreSQL's own tools:\n` +
        `  pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" ${shellQuote(resolve(input.cwd, input.file))}`,
      EXIT_USAGE,
    );
  }
  const source = resolve(input.cwd, input.file);
  try {
    // The cheap refusals first; restoreSqlite checks them all again.
    inspectSqliteDatabase(source);
    if (existsSync(target) && !input.force) {
      throw new SqliteFileError("target_exists", `A database already exists at ${target}.`);
    }
    const pending = await trialMigration(source, input.now);
    ensureDatabaseDirectory(input.databaseUrl);
    const { keptAs } = await restoreSqlite(source, target, {
      force: input.force,
      now: input.now,
    });
    input.stdout.write(`Restored ${target} from ${source}\n`);
    if (keptAs) input.stdout.write(`The previous database is kept as ${keptAs}\n`);
    if (pending.length > 0) {
      input.stdout.write(
        `The backup is older than this Cando; the server applies ${pending.join(", ")} when it starts.\n`,
      );
    }
    return { keptAs };
  } catch (error) {
    if (error instanceof SqliteFileError) {
      const hints: Partial<Record<SqliteFileError["code"], string>> = {
        target_exists:
          "Run again with --force to replace it; the current database is then kept as " +
          `${target}.before-restore-<time>.`,
        in_use: "Stop the server, then run the restore again.",
        not_cando: "Choose a file written by `cando backup`.",
        not_sqlite: "Choose a file written by `cando backup`.",
      };
      const hint = hints[error.code];
      throw new CliError(`Not restored: ${error.message}${hint ? `\n${hint}` : ""}`);
    }
    throw asCliError(error);
  }
}

/**
 * Migrates a scratch copy of the backup, so a backup from a newer Cando (or a damaged one) is
 * refused before anything is replaced. Returns the migrations the server will apply.
 */
async function trialMigration(source: string, now: Date): Promise<string[]> {
  const scratch = join(tmpdir(), `cando-restore-trial-${process.pid}-${now.getTime()}.sqlite`);
  try {
    await backupSqlite(source, scratch);
    const db = createDb(scratch);
    try {
      return (await migrateToLatest(db)).applied;
    } catch (error) {
      throw new CliError(
        `Not restored: this Cando cannot open ${source} (${error instanceof Error ? error.message : String(error)}).\n` +
          "Was it made by a newer version of Cando?",
      );
    } finally {
      await db.destroy();
    }
  } finally {
    for (const suffix of ["", "-wal", "-shm", "-journal"])
      rmSync(`${scratch}${suffix}`, { force: true });
  }
}

function asCliError(error: unknown): Error {
  if (error instanceof CliError) return error;
  if (error instanceof SqliteFileError) return new CliError(error.message);
  return error instanceof Error ? error : new Error(String(error));
}

function shellQuote(text: string): string {
  return /^[\w./:@%+=,-]+$/.test(text) ? text : `'${text.replaceAll("'", "'\\''")}'`;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
