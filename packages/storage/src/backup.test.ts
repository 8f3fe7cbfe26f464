import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { insertUser } from "./accounts/users";
import {
  backupSqlite,
  inspectSqliteDatabase,
  isSqliteInUse,
  restoreSqlite,
  type SqliteFileError,
} from "./backup";
import { createDb, type Db } from "./db";
import { migrateToLatest } from "./migrate";
import { buildUser } from "./test-support";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "cando-backup-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function liveDatabase(
  name = "cando.sqlite",
): Promise<{ path: string; db: Db; migrations: string[] }> {
  const path = join(dir, name);
  const db = createDb(path);
  const { applied } = await migrateToLatest(db);
  return { path, db, migrations: applied };
}

function emailsIn(path: string): string[] {
  const db = new SQLite(path, { readonly: true });
  try {
    return (db.prepare("select email from users order by email").all() as { email: string }[]).map(
      (r) => r.email,
    );
  } finally {
    db.close();
  }
}

const refusal = (code: SqliteFileError["code"]) =>
  expect.objectContaining({ name: "SqliteFileError", code });

describe("backupSqlite", () => {
  it("copies a live WAL database with every acknowledged write, as one private file", async () => {
    const { path, db, migrations } = await liveDatabase();
    try {
      await insertUser(db, buildUser({ email: "ada@example.test" }));
      expect(existsSync(`${path}-wal`)).toBe(true); // the write may be only in the WAL
      const copy = join(dir, "copy.sqlite");
      const result = await backupSqlite(path, copy);
      expect(result.bytes).toBeGreaterThan(0);
      expect(emailsIn(copy)).toEqual(["ada@example.test"]);
      expect(statSync(copy).mode & 0o777).toBe(0o600);
      expect(readdirSync(dir).filter((f) => f.startsWith("copy"))).toEqual(["copy.sqlite"]);
      expect(inspectSqliteDatabase(copy).migrations).toEqual(migrations);
      // The server keeps working on its database afterwards.
      await insertUser(db, buildUser({ email: "bob@example.test" }));
      expect(emailsIn(copy)).toEqual(["ada@example.test"]);
    } finally {
      await db.destroy();
    }
  });

  it("makes the destination folder when it does not exist yet", async () => {
    const { path, db } = await liveDatabase();
    try {
      await insertUser(db, buildUser({ email: "cy@example.test" }));
      const copy = join(dir, "backups", "nightly", "copy.sqlite");
      await backupSqlite(path, copy);
      expect(emailsIn(copy)).toEqual(["cy@example.test"]);
    } finally {
      await db.destroy();
    }
  });

  it("never overwrites an existing file and leaves nothing behind when refused", async () => {
    const { path, db } = await liveDatabase();
    await db.destroy();
    const taken = join(dir, "taken.sqlite");
    writeFileSync(taken, "precious");
    await expect(backupSqlite(path, taken)).rejects.toEqual(refusal("destination_exists"));
    await expect(backupSqlite(join(dir, "nope.sqlite"), join(dir, "x"))).rejects.toEqual(
      refusal("source_missing"),
    );
  });
});

describe("inspectSqliteDatabase", () => {
  it("refuses files that are not SQLite, and SQLite files that are not Cando's", () => {
    const text = join(dir, "notes.txt");
    writeFileSync(text, "not a database at all, just some text");
    expect(() => inspectSqliteDatabase(text)).toThrow(refusal("not_sqlite"));
    const other = join(dir, "other.sqlite");
    const db = new SQLite(other);
    db.exec("create table things (id integer)");
    db.close();
    expect(() => inspectSqliteDatabase(other)).toThrow(refusal("not_cando"));
    expect(() => inspectSqliteDatabase(join(dir, "missing"))).toThrow(refusal("source_missing"));
  });
});

describe("restoreSqlite", () => {
  it("replaces the database with the backup and keeps the previous one whole", async () => {
    const { path, db } = await liveDatabase();
    await insertUser(db, buildUser({ email: "ada@example.test" }));
    const backup = join(dir, "backup.sqlite");
    await backupSqlite(path, backup);
    await insertUser(db, buildUser({ email: "later@example.test" }));

    await expect(restoreSqlite(backup, path, { force: true, now: new Date() })).rejects.toEqual(
      refusal("in_use"),
    );
    await db.destroy();
    expect(isSqliteInUse(path)).toBe(false);

    await expect(restoreSqlite(backup, path, { force: false, now: new Date() })).rejects.toEqual(
      refusal("target_exists"),
    );
    expect(emailsIn(path)).toEqual(["ada@example.test", "later@example.test"]);

    const now = new Date("2026-11-22T07:00:00.000Z");
    const result = await restoreSqlite(backup, path, { force: true, now });
    expect(result.keptAs).toBe(`${path}.before-restore-20261122T070000000Z`);
    expect(emailsIn(path)).toEqual(["ada@example.test"]);
    expect(emailsIn(result.keptAs as string)).toEqual(["ada@example.test", "later@example.test"]);

    // Restoring twice in the same millisecond still keeps both previous databases.
    const again = await restoreSqlite(backup, path, { force: true, now });
    expect(again.keptAs).toBe(`${path}.before-restore-20261122T070000000Z-2`);

    // The restored database opens and migrates like any other.
    const reopened = createDb(path);
    expect((await migrateToLatest(reopened)).applied).toEqual([]);
    await reopened.destroy();
  });

  it("restores into an empty data folder without --force", async () => {
    const { path, db } = await liveDatabase("source.sqlite");
    await insertUser(db, buildUser({ email: "ada@example.test" }));
    await db.destroy();
    const target = join(dir, "fresh.sqlite");
    const result = await restoreSqlite(path, target, { force: false, now: new Date() });
    expect(result.keptAs).toBeNull();
    expect(emailsIn(target)).toEqual(["ada@example.test"]);
  });

  it("refuses to restore a database onto itself", async () => {
    const { path, db } = await liveDatabase();
    await db.destroy();
    await expect(restoreSqlite(path, path, { force: true, now: new Date() })).rejects.toEqual(
      refusal("same_file"),
    );
  });
});
