import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createDb, type Db, findUserByEmail, insertUser, migrateToLatest } from "@cando/storage";
import { buildUser } from "@cando/storage/test-support";
import { describe, expect, it } from "vitest";
import { runCli } from "../program";
import { testContext, useTempDir } from "../test-support";

async function emails(path: string): Promise<string[]> {
  const db = createDb(path);
  try {
    const rows = await db.selectFrom("users").select("email").orderBy("email").execute();
    return rows.map((r) => r.email);
  } finally {
    await db.destroy();
  }
}

describe("cando backup and restore", () => {
  const tempDir = useTempDir();

  async function serverDatabase(): Promise<{ url: string; db: Db }> {
    const url = join(tempDir(), "data", "cando.sqlite");
    expect(await runCli(["migrate"], testContext(url, tempDir()).ctx)).toBe(0);
    const db = createDb(url); // stands in for the running server's connection
    await migrateToLatest(db);
    return { url, db };
  }

  it("round-trips: an acknowledged write is in the backup, and restore brings it back", async () => {
    const { url, db } = await serverDatabase();
    await insertUser(db, buildUser({ email: "ada@example.test" }));

    // Backed up while the "server" still holds the database open.
    const backup = testContext(url, tempDir());
    expect(await runCli(["backup", "nightly.sqlite"], backup.ctx)).toBe(0);
    const file = join(tempDir(), "nightly.sqlite");
    expect(backup.stdout.text).toContain(`Backed up ${url} to ${file}`);
    expect(await emails(file)).toEqual(["ada@example.test"]);

    // A backup never overwrites an earlier one.
    const twice = testContext(url, tempDir());
    expect(await runCli(["backup", "nightly.sqlite"], twice.ctx)).toBe(1);
    expect(twice.stderr.text).toContain("already exists");

    await insertUser(db, buildUser({ email: "after-backup@example.test" }));

    const whileServing = testContext(url, tempDir());
    expect(await runCli(["restore", "--force", "nightly.sqlite"], whileServing.ctx)).toBe(1);
    expect(whileServing.stderr.text).toContain("Stop the server");
    await db.destroy();

    const withoutForce = testContext(url, tempDir());
    expect(await runCli(["restore", "nightly.sqlite"], withoutForce.ctx)).toBe(1);
    expect(withoutForce.stderr.text).toContain("--force");
    expect(await emails(url)).toEqual(["ada@example.test", "after-backup@example.test"]);

    const restore = testContext(url, tempDir());
    expect(await runCli(["restore", "--force", "nightly.sqlite"], restore.ctx)).toBe(0);
    expect(await emails(url)).toEqual(["ada@example.test"]);
    const kept = join(tempDir(), "data", "cando.sqlite.before-restore-20261122T090000000Z");
    expect(restore.stdout.text).toContain(`The previous database is kept as ${kept}`);
    expect(await emails(kept)).toEqual(["ada@example.test", "after-backup@example.test"]);
    expect(readdirSync(join(tempDir(), "data")).sort()).toEqual([
      "cando.sqlite",
      "cando.sqlite.before-restore-20261122T090000000Z",
    ]);
  });

  it("puts a backup into a folder under a timestamped name", async () => {
    const { url, db } = await serverDatabase();
    await db.destroy();
    const { ctx } = testContext(url, tempDir());
    expect(await runCli(["backup", "."], ctx)).toBe(0);
    expect(existsSync(join(tempDir(), "cando-20261122T090000Z.sqlite"))).toBe(true);
  });

  it("refuses to restore a file that is not a Cando database, and changes nothing", async () => {
    const { url, db } = await serverDatabase();
    await insertUser(db, buildUser({ email: "ada@example.test" }));
    await db.destroy();
    writeFileSync(join(tempDir(), "notes.txt"), "my grocery list, not a database");
    const { ctx, stderr } = testContext(url, tempDir());
    expect(await runCli(["restore", "--force", "notes.txt"], ctx)).toBe(1);
    expect(stderr.text).toContain("is not a SQLite database");
    expect(await emails(url)).toEqual(["ada@example.test"]);
    expect(readdirSync(join(tempDir(), "data"))).toEqual(["cando.sqlite"]);
  });

  it("restores into an empty data folder, where the server then finds the data", async () => {
    const { url, db } = await serverDatabase();
    await insertUser(db, buildUser({ email: "ada@example.test" }));
    await db.destroy();
    expect(await runCli(["backup", "b.sqlite"], testContext(url, tempDir()).ctx)).toBe(0);

    const elsewhere = join(tempDir(), "new-home", "cando.sqlite");
    const { ctx } = testContext(elsewhere, tempDir());
    expect(await runCli(["restore", "b.sqlite"], ctx)).toBe(0);
    const reopened = createDb(elsewhere);
    expect((await migrateToLatest(reopened)).applied).toEqual([]);
    expect(await findUserByEmail(reopened, "ada@example.test")).toBeDefined();
    await reopened.destroy();
  });
});
