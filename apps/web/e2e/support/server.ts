import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root, from apps/web/e2e/support/. */
export const repoRoot = resolve(fileURLToPath(new URL(".", import.meta.url)), "../../../..");

export interface RunningServer {
  baseUrl: string;
  stop(): Promise<void>;
}

/** A port the OS says is free right now: listen on 0, read it, let go. */
async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => child.once("exit", () => done()));
}

/**
 * Starts the real server (`node --import tsx apps/server/src/main.ts`) on a fresh SQLite
 * database in a temporary directory, serving the built UI, and waits for /api/health.
 */
export async function startServer(): Promise<RunningServer> {
  if (!existsSync(join(repoRoot, "apps/web/dist/index.html"))) {
    throw new Error("apps/web/dist is missing: run `npm run build` before the browser tests.");
  }
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), "cando-e2e-"));
  // Serve a copy of the build: someone running `npm run build` in the same checkout meanwhile
  // would otherwise swap the hashed assets under a page that is loading.
  const webRoot = join(dataDir, "web");
  cpSync(join(repoRoot, "apps/web/dist"), webRoot, { recursive: true });
  const baseUrl = `http://127.0.0.1:${port}`;
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, ["--import", "tsx", "apps/server/src/main.ts"], {
    cwd: repoRoot,
    env: {
      ...inherited,
      PORT: String(port),
      HOST: "127.0.0.1",
      CANDO_DATA_DIR: dataDir,
      CANDO_WEB_ROOT: webRoot,
      // Every browser test signs a new person up from 127.0.0.1.
      CANDO_SIGNUPS_PER_ADDRESS: "100000",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited(child);
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.status === 200) return { baseUrl, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`The server did not become healthy at ${baseUrl} within 20 s.\n${output}`);
}
