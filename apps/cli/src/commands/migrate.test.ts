import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../program";
import { testContext, useTempDir } from "../test-support";

describe("cando migrate", () => {
  const tempDir = useTempDir();

  it("creates a fresh database with every migration, then says it is up to date", async () => {
    const url = join(tempDir(), "data", "cando.sqlite");
    const first = testContext(url, tempDir());
    expect(await runCli(["migrate"], first.ctx)).toBe(0);
    expect(existsSync(url)).toBe(true);
    expect(first.stdout.text).toMatch(/^SQLite at .*cando\.sqlite: applied \d+ migrations?\n/);
    expect(first.stdout.text).toContain("  20261122T0700_foundation\n");

    const again = testContext(url, tempDir());
    expect(await runCli(["migrate"], again.ctx)).toBe(0);
    expect(again.stdout.text).toBe(`SQLite at ${url}: up to date\n`);
  });
});
