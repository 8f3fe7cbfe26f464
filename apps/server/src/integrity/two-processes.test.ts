import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseLadderModel } from "@cando/core";
import { createDb } from "@cando/storage";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attemptBody, goalWithLadder, signedUp, TestClient, uniqueEmail } from "../test-support";

const repoRoot = resolve(fileURLToPath(new URL(".", import.meta.url)), "../../../..");

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => done(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** The real server as its own process on the given SQLite data folder. */
async function startProcess(dataDir: string): Promise<{ baseUrl: string; child: ChildProcess }> {
  const port = await freePort();
  // biome-ignore lint/style/noProcessEnv: the child server inherits the environment minus DATABASE_URL
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const child = spawn(process.execPath, ["--import", "tsx", "apps/server/src/main.ts"], {
    cwd: repoRoot,
    env: {
      ...env,
      PORT: String(port),
      HOST: "127.0.0.1",
      CANDO_DATA_DIR: dataDir,
      CANDO_WEB_ROOT: dataDir,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    const ok = await fetch(`${baseUrl}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { baseUrl, child };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGKILL");
  throw new Error("server did not answer /api/health within 30 s");
}

// Two server processes on one SQLite file (a person who starts Cando twice, or a second worker):
// write transactions take the write lock up front (BEGIN IMMEDIATE), so the second writer waits
// for the busy timeout instead of failing with "database is locked".
describe("two server processes on one SQLite file", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "cando-two-"));
  const children: ChildProcess[] = [];
  let a = "";
  let b = "";

  beforeAll(async () => {
    const first = await startProcess(dataDir); // migrates first
    const second = await startProcess(dataDir);
    children.push(first.child, second.child);
    a = first.baseUrl;
    b = second.baseUrl;
  }, 60_000);

  afterAll(() => {
    for (const child of children) child.kill("SIGTERM");
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("logs all of 160 attempts sent to both at once, and the model counts each", async () => {
    const onA = await signedUp(TestClient.http(a), uniqueEmail("two"));
    const onB = TestClient.http(b);
    onB.cookie = onA.cookie; // one session, stored in the shared database
    const { goalId, stepIds } = await goalWithLadder(onA);
    const loops = Array.from({ length: 16 }, async (_, loop) => {
      const client = loop % 2 === 0 ? onA : onB;
      const statuses: number[] = [];
      for (let i = 0; i < 10; i++) {
        const step = stepIds[(loop + i) % stepIds.length] ?? "";
        const res = await client.post(
          "/api/attempts",
          attemptBody(step, { outcome: i % 2 ? "done" : "not_yet" }),
        );
        statuses.push(res.status);
      }
      return statuses;
    });
    const statuses = (await Promise.all(loops)).flat();
    expect(statuses.filter((s) => s !== 201)).toEqual([]);

    const db = createDb(join(dataDir, "cando.sqlite"));
    try {
      const rows = await db
        .selectFrom("attempts")
        .select("stepId")
        .where("goalId", "=", goalId)
        .execute();
      const goal = await db
        .selectFrom("goals")
        .select("model")
        .where("id", "=", goalId)
        .executeTakeFirstOrThrow();
      const model = parseLadderModel(JSON.parse(goal.model ?? "null"));
      expect(rows).toHaveLength(160);
      expect(model.attempts).toBe(160);
      for (const step of model.steps) {
        expect(step.attempts).toBe(rows.filter((r) => r.stepId === step.id).length);
      }
    } finally {
      await db.destroy();
    }
  }, 60_000);
});
