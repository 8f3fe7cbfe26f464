import { join } from "node:path";
import { createDb, findUserByEmail, hashResetToken, migrateToLatest } from "@cando/storage";
import { describe, expect, it } from "vitest";
import { runCli } from "../program";
import { testContext, useTempDir } from "../test-support";

describe("cando user", () => {
  const tempDir = useTempDir();

  it("adds accounts, lists them, and prints one-time reset links valid for an hour", async () => {
    const url = join(tempDir(), "cando.sqlite");
    const db = createDb(url);
    await migrateToLatest(db);
    const run = async (argv: string[]) => {
      const t = testContext(url, tempDir());
      const code = await runCli(argv, t.ctx);
      return { code, out: t.stdout.text, err: t.stderr.text };
    };

    expect((await run(["user", "list"])).out).toBe("No accounts yet.\n");
    const added = await run(["user", "add", "--email", " Ada@Example.test "]);
    expect(added.code).toBe(0);
    expect(added.out).toMatch(
      /^Added ada@example.test\. .*\n {2}https:\/\/cando\.example\.test\/reset-password#token=[\w-]{43}\n$/,
    );
    expect((await run(["user", "add", "--email", "ada@example.test"])).code).toBe(1);
    expect((await run(["user", "add", "--email", "not-an-email"])).code).toBe(2);
    await run(["user", "add", "--email", "bea@example.test"]);

    const listed = JSON.parse((await run(["--json", "user", "list"])).out);
    expect(listed.users.map((u: { email: string }) => u.email)).toEqual([
      "ada@example.test",
      "bea@example.test",
    ]);

    const reset = await run([
      "user",
      "reset-password",
      "--email",
      "ada@example.test",
      "--url",
      "http://127.0.0.1:9000/",
    ]);
    expect(reset.code).toBe(0);
    const json = JSON.parse(
      (await run(["user", "reset-password", "-e", "ada@example.test", "--json"])).out,
    );
    expect(json).toMatchObject({
      email: "ada@example.test",
      expiresAt: "2026-11-22T10:00:00.000Z",
    });
    expect(reset.out).toContain("http://127.0.0.1:9000/reset-password#token=");
    // Only the token's hash is stored, with an expiry an hour away.
    const token = (json.link as string).split("#token=")[1] as string;
    const ada = await findUserByEmail(db, "ada@example.test");
    const stored = await db
      .selectFrom("passwordResets")
      .selectAll()
      .where("id", "=", hashResetToken(token))
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      userId: ada?.id,
      usedAt: null,
      expiresAt: "2026-11-22T10:00:00.000Z",
    });
    expect((await run(["user", "reset-password", "-e", "nobody@example.test"])).code).toBe(1);
    await db.destroy();
  });

  it("documents the exit codes and --json in --help", async () => {
    const t = testContext("/srv/cando.sqlite", "/srv");
    expect(await runCli(["--help"], t.ctx)).toBe(0);
    expect(t.stdout.text).toContain("Exit codes: 0 done; 1 refused or failed");
    expect(t.stdout.text).toContain("--json");
    expect(t.stdout.text).toMatch(/^ {2}user\b/m);
  });
});
