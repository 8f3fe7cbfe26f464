import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { Email, type IdGenerator } from "@cando/core";
import {
  type Db,
  type DomainRow,
  findUserByEmail,
  insertAudit,
  insertDomains,
  listAudits,
  listDomains,
  nextDomainPosition,
  type UserRow,
} from "@cando/storage";
import { openExistingDatabase } from "../database";
import { CliError, EXIT_USAGE, type Output } from "../io";
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type ExportedDomain,
  type ExportFile,
  parseExportFile,
} from "./export-format";

/** Everything one person has in Cando, as an export file (format version 1). */
export async function exportPerson(db: Db, email: string, now: Date): Promise<ExportFile> {
  const user = await requireUser(db, email);
  const domains = await listDomains(db, user.id);
  const audits = await listAudits(db, user.id);
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    user: { email: user.email },
    domains: domains.map((d) => ({
      id: d.id,
      key: d.key,
      name: d.name,
      position: d.position,
      archivedAt: d.archivedAt,
      createdAt: d.createdAt,
    })),
    audits: audits.map((a) => ({
      id: a.id,
      takenAt: a.takenAt,
      note: a.note,
      ratings: a.ratings.map((r) => ({ domainId: r.domainId, rating: r.rating })),
    })),
  };
}

export interface ImportReport {
  domainsMatched: number;
  domainsCreated: number;
  auditsAdded: number;
  /** Audits already present (same takenAt), so importing the same file twice adds nothing. */
  auditsSkipped: number;
}

/**
 * Adds an export file's data to an existing account, in one transaction. A domain in the file
 * is matched to the person's domain with the same key, else the same name (ignoring case), else
 * created; an audit keeps its original takenAt and is skipped when one with that takenAt exists.
 */
export async function importPerson(
  db: Db,
  email: string,
  file: ExportFile,
  newId: IdGenerator,
): Promise<ImportReport> {
  return db.transaction().execute(async (trx) => {
    const user = await requireUser(trx, email);
    const { domainIds, created } = await matchDomains(trx, user, file.domains, newId);
    const taken = new Set((await listAudits(trx, user.id)).map((a) => a.takenAt));
    let added = 0;
    for (const audit of file.audits) {
      const takenAt = new Date(audit.takenAt).toISOString();
      if (taken.has(takenAt)) continue;
      taken.add(takenAt);
      await insertAudit(trx, {
        id: newId(),
        userId: user.id,
        takenAt,
        note: audit.note,
        ratings: audit.ratings.map((r) => ({
          domainId: domainIds.get(r.domainId) as string,
          rating: r.rating,
        })),
      });
      added++;
    }
    return {
      domainsMatched: file.domains.length - created,
      domainsCreated: created,
      auditsAdded: added,
      auditsSkipped: file.audits.length - added,
    };
  });
}

async function matchDomains(
  db: Db,
  user: UserRow,
  incoming: ExportedDomain[],
  newId: IdGenerator,
): Promise<{ domainIds: Map<string, string>; created: number }> {
  const existing = await listDomains(db, user.id);
  const used = new Set<string>();
  const domainIds = new Map<string, string>();
  const toCreate: DomainRow[] = [];
  let position = await nextDomainPosition(db, user.id);
  const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
  // Keys first, for every domain, so that a name match never takes a domain a key match needs.
  for (const d of incoming) {
    const byKey = d.key === null ? undefined : existing.find((e) => e.key === d.key);
    if (byKey && !used.has(byKey.id)) {
      domainIds.set(d.id, byKey.id);
      used.add(byKey.id);
    }
  }
  for (const d of [...incoming].sort((a, b) => a.position - b.position)) {
    if (domainIds.has(d.id)) continue;
    const byName = existing.find((e) => !used.has(e.id) && sameName(e.name, d.name));
    if (byName) {
      domainIds.set(d.id, byName.id);
      used.add(byName.id);
      continue;
    }
    const id = newId();
    domainIds.set(d.id, id);
    const keyFree = d.key !== null && !existing.some((e) => e.key === d.key);
    toCreate.push({
      id,
      userId: user.id,
      key: keyFree ? d.key : null,
      name: d.name,
      position: position++,
      archivedAt: d.archivedAt,
      createdAt: d.createdAt,
    });
  }
  await insertDomains(db, toCreate);
  return { domainIds, created: toCreate.length };
}

async function requireUser(db: Db, email: string): Promise<UserRow> {
  const parsed = Email.safeParse(email);
  if (!parsed.success) throw new CliError(`"${email}" is not an email address.`, EXIT_USAGE);
  const user = await findUserByEmail(db, parsed.data);
  if (!user) {
    throw new CliError(`There is no account for ${parsed.data}. Sign up in the app first.`);
  }
  return user;
}

export interface ExportInput {
  databaseUrl: string;
  email: string;
  /** A file path, or undefined for stdout. */
  out: string | undefined;
  force: boolean;
  cwd: string;
  now: Date;
  stdout: Output;
  stderr: Output;
}

/** `cando export --email <email> [--out file]`. */
export async function runExport(input: ExportInput): Promise<ExportFile> {
  const target = input.out === undefined ? undefined : resolve(input.cwd, input.out);
  if (target && existsSync(target) && !input.force) {
    throw new CliError(`${target} already exists; choose another file or add --force.`);
  }
  const db = await openExistingDatabase(input.databaseUrl, input.stderr);
  try {
    const data = await exportPerson(db, input.email, input.now);
    const text = `${JSON.stringify(data, null, 2)}\n`;
    const summary = `${data.domains.length} domains, ${data.audits.length} audits`;
    if (target) {
      writePrivateFile(target, text);
      input.stderr.write(`Exported ${data.user.email} (${summary}) to ${target}\n`);
    } else {
      input.stdout.write(text);
      input.stderr.write(`Exported ${data.user.email} (${summary})\n`);
    }
    return data;
  } finally {
    await db.destroy();
  }
}

export interface ImportInput {
  databaseUrl: string;
  email: string;
  file: string;
  cwd: string;
  newId: IdGenerator;
  stdout: Output;
  stderr: Output;
}

/** `cando import --email <email> <file>`. */
export async function runImport(input: ImportInput): Promise<ImportReport> {
  const path = resolve(input.cwd, input.file);
  if (!existsSync(path)) throw new CliError(`There is no file ${path}.`, EXIT_USAGE);
  let file: ExportFile;
  try {
    file = parseExportFile(readFileSync(path, "utf8"));
  } catch (error) {
    throw new CliError(`Cannot import ${path}: ${error instanceof Error ? error.message : error}`);
  }
  const db = await openExistingDatabase(input.databaseUrl, input.stderr);
  try {
    const report = await importPerson(db, input.email, file, input.newId);
    input.stdout.write(
      `Imported into ${input.email.trim().toLowerCase()}: ${report.auditsAdded} audits added, ` +
        `${report.auditsSkipped} already present; ${report.domainsMatched} domains matched, ` +
        `${report.domainsCreated} created\n`,
    );
    return report;
  } finally {
    await db.destroy();
  }
}

// Written whole or not at all, readable only by its owner: it holds one person's data.
function writePrivateFile(path: string, text: string): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.partial`);
  try {
    writeFileSync(temp, text, { mode: 0o600 });
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
