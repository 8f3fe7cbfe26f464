import { describe, expect, it } from "vitest";
import { runCli } from "./program";
import { testContext } from "./test-support";

describe("cando command line", () => {
  it("lists every command with a one-line description", async () => {
    const { ctx, stdout } = testContext("/srv/cando/cando.sqlite", "/srv");
    expect(await runCli(["--help"], ctx)).toBe(0);
    for (const command of ["serve", "migrate", "backup", "restore", "export", "import"]) {
      expect(stdout.text).toMatch(new RegExp(`^  ${command}\\b.*\\S`, "m"));
    }
    expect(stdout.text).toContain("Now: SQLite at /srv/cando/cando.sqlite");
  });

  it.each([
    [[], "Usage: cando"],
    [["frobnicate"], "unknown command 'frobnicate'"],
    [["backup"], "missing required argument 'file'"],
    [["export"], "required option '-e, --email <email>' not specified"],
    [["migrate", "extra"], "too many arguments"],
    [["serve", "--port", "http"], "must be a port number"],
    [["restore", "--wipe", "x"], "unknown option '--wipe'"],
  ])("refuses `cando %j` with a clear message and exit code 2", async (argv, message) => {
    const { ctx, stderr } = testContext("/srv/cando/cando.sqlite", "/srv");
    expect(await runCli(argv, ctx)).toBe(2);
    expect(stderr.text).toContain(message);
  });

  it("sends PostgreSQL users to pg_dump and pg_restore with exit code 2", async () => {
    const url = "postgres://cando:secret@db.internal:5432/cando";
    const backup = testContext(url, "/srv");
    expect(await runCli(["backup", "nightly.dump"], backup.ctx)).toBe(2);
    expect(backup.stderr.text).toContain(
      'pg_dump --format=custom --file=/srv/nightly.dump "$DATABASE_URL"',
    );
    expect(backup.stderr.text).not.toContain("secret");
    const restore = testContext(url, "/srv");
    expect(await runCli(["restore", "nightly.dump"], restore.ctx)).toBe(2);
    expect(restore.stderr.text).toContain(
      'pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" /srv/nightly.dump',
    );
  });

  it("reports a missing database as a refusal (exit 1), without creating one", async () => {
    const { ctx, stderr } = testContext("/nonexistent-cando/cando.sqlite", "/");
    expect(await runCli(["export", "--email", "ada@example.test"], ctx)).toBe(1);
    expect(stderr.text).toContain("There is no Cando database at /nonexistent-cando/cando.sqlite");
  });
});
