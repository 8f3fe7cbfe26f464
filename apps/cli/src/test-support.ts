import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach } from "vitest";
import { BufferOutput } from "./io";
import type { CliContext } from "./program";

/** A fresh temporary folder per test, removed afterwards. */
export function useTempDir(): () => string {
  let dir: string | undefined;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "cando-cli-"));
  });
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    if (!dir) throw new Error("no temp dir outside a test");
    return dir;
  };
}

let idCounter = 0;

/** A CLI context over buffers; `serve` points at nothing and must not be run. */
export function testContext(databaseUrl: string, cwd: string) {
  const stdout = new BufferOutput();
  const stderr = new BufferOutput();
  const ctx: CliContext = {
    databaseUrl,
    cwd,
    stdout,
    stderr,
    now: () => new Date("2026-11-22T09:00:00.000Z"),
    newId: () => `cli-id-${++idCounter}`,
    publicUrl: "https://cando.example.test",
    serve: {
      nodePath: "/nonexistent/node",
      tsxImport: "tsx",
      serverEntry: "/nonexistent/main.ts",
      env: {},
      signals: { on: () => undefined, off: () => undefined },
    },
  };
  return { ctx, stdout, stderr };
}
