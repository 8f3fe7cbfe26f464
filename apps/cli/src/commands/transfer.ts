import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import {
  Email,
  EXPORT_TABLES,
  type ExportFile,
  exportToCsvFiles,
  type IdGenerator,
  type ImportResult,
  parseExportText,
} from "@cando/core";
import {
  type Db,
  exportAccount,
  findUserByEmail,
  importAccount,
  type UserRow,
} from "@cando/storage";
import { strToU8, zipSync } from "fflate";
import { openExistingDatabase } from "../database";
import { CliError, EXIT_USAGE, type Output } from "../io";

/** The account with this email, or a refusal that says how to make one. */
export async function requireUser(db: Db, email: string): Promise<UserRow> {
  const parsed = Email.safeParse(email);
  if (!parsed.success) throw new CliError(`"${email}" is not an email address.`, EXIT_USAGE);
  const user = await findUserByEmail(db, parsed.data);
  if (!user) {
    throw new CliError(
      `There is no account for ${parsed.data}. Sign up in the app, or: cando user add --email ${parsed.data}`,
    );
  }
  return user;
}

export type ExportFormat = "json" | "csv";

export interface ExportInput {
  databaseUrl: string;
  email: string;
  format: ExportFormat;
  /** A file path, or undefined for stdout (JSON only). */
  out: string | undefined;
  force: boolean;
  cwd: string;
  now: Date;
  stdout: Output;
  stderr: Output;
}

export interface ExportSummary {
  email: string;
  format: ExportFormat;
  file: string | null;
  rows: Record<string, number>;
}

const summaryOf = (data: ExportFile) =>
  Object.fromEntries(EXPORT_TABLES.map((t) => [t, data[t].length]));

/** `cando export --email <email> [--format json|csv] [--out file]`. */
export async function runExport(
  input: ExportInput,
): Promise<{ data: ExportFile; summary: ExportSummary }> {
  const target = input.out === undefined ? undefined : resolve(input.cwd, input.out);
  if (input.format === "csv" && !target) {
    throw new CliError("--format csv writes a zip file: add --out <file.zip>.", EXIT_USAGE);
  }
  if (target && existsSync(target) && !input.force) {
    throw new CliError(`${target} already exists; choose another file or add --force.`);
  }
  const db = await openExistingDatabase(input.databaseUrl, input.stderr);
  try {
    const user = await requireUser(db, input.email);
    const data = await exportAccount(db, user.id, input.now);
    const rows = summaryOf(data);
    const counted = `${data.goals.length} goals, ${data.attempts.length} attempts, ${data.evidence.length} evidence, ${data.audits.length} audits`;
    if (target) {
      if (input.format === "csv") {
        const csv = exportToCsvFiles(data);
        const zip = zipSync(
          Object.fromEntries(Object.entries(csv).map(([name, text]) => [name, strToU8(text)])),
          { mtime: input.now },
        );
        writePrivateFile(target, zip);
      } else {
        writePrivateFile(target, `${JSON.stringify(data, null, 2)}\n`);
      }
      input.stderr.write(`Exported ${data.account.email} (${counted}) to ${target}\n`);
    } else {
      input.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
      input.stderr.write(`Exported ${data.account.email} (${counted})\n`);
    }
    return {
      data,
      summary: { email: data.account.email, format: input.format, file: target ?? null, rows },
    };
  } finally {
    await db.destroy();
  }
}

export interface ImportInput {
  databaseUrl: string;
  email: string;
  file: string;
  cwd: string;
  now: Date;
  newId: IdGenerator;
  stdout: Output;
  stderr: Output;
}

/** `cando import --email <email> <file>`: checked first, then all or nothing. */
export async function runImport(input: ImportInput): Promise<ImportResult & { email: string }> {
  const path = resolve(input.cwd, input.file);
  if (!existsSync(path)) throw new CliError(`There is no file ${path}.`, EXIT_USAGE);
  const parsed = parseExportText(readFileSync(path, "utf8"));
  if (!parsed.ok) {
    const lines = parsed.problems.map((p) => `  ${p.path}: ${p.message}`).join("\n");
    throw new CliError(`Cannot import ${path}; nothing was written:\n${lines}`);
  }
  const db = await openExistingDatabase(input.databaseUrl, input.stderr);
  try {
    const user = await requireUser(db, input.email);
    const result = await db
      .transaction()
      .execute((trx) => importAccount(trx, user.id, parsed.file, input.newId, input.now));
    const added = EXPORT_TABLES.filter((t) => result.added[t] > 0)
      .map((t) => `${result.added[t]} ${t}`)
      .join(", ");
    const present = EXPORT_TABLES.reduce((n, t) => n + result.present[t], 0);
    input.stdout.write(
      `Imported into ${user.email}: ${added || "nothing new"}; ${present} rows were already there\n`,
    );
    return { email: user.email, ...result };
  } finally {
    await db.destroy();
  }
}

// Written whole or not at all, readable only by its owner: it holds one person's data.
function writePrivateFile(path: string, data: string | Uint8Array): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.partial`);
  try {
    writeFileSync(temp, data, { mode: 0o600 });
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
