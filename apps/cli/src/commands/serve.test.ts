import { EventEmitter } from "node:events";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTempDir } from "../test-support";
import { type ForwardedSignal, runServe, type SignalSource, serveCommand } from "./serve";

class FakeSignals extends EventEmitter implements SignalSource {
  override on(signal: ForwardedSignal, listener: () => void): this {
    return super.on(signal, listener);
  }
  override off(signal: ForwardedSignal, listener: () => void): this {
    return super.off(signal, listener);
  }
}

describe("serveCommand", () => {
  it("runs the server's own main.ts under node with tsx, passing the environment through", () => {
    const command = serveCommand({
      nodePath: "/usr/bin/node",
      tsxImport: "file:///repo/node_modules/tsx/dist/loader.mjs",
      serverEntry: "/repo/apps/server/src/main.ts",
      env: { CANDO_DATA_DIR: "/srv/cando", PORT: "8787", UNSET: undefined },
    });
    expect(command).toEqual({
      command: "/usr/bin/node",
      args: [
        "--import",
        "file:///repo/node_modules/tsx/dist/loader.mjs",
        "/repo/apps/server/src/main.ts",
      ],
      env: { CANDO_DATA_DIR: "/srv/cando", PORT: "8787" },
    });
  });

  it("runs the built server (npm run build:server) with plain node, no loader", () => {
    const command = serveCommand({
      nodePath: "/usr/bin/node",
      tsxImport: undefined,
      serverEntry: "/repo/apps/server/dist/main.js",
      env: {},
    });
    expect(command.args).toEqual(["/repo/apps/server/dist/main.js"]);
  });

  it("turns --port and --host into the PORT and HOST the server reads", () => {
    const command = serveCommand({
      nodePath: "node",
      tsxImport: "tsx",
      serverEntry: "main.ts",
      env: { PORT: "8787" },
      port: 9000,
      host: "0.0.0.0",
    });
    expect(command.env).toEqual({ PORT: "9000", HOST: "0.0.0.0" });
  });
});

// Short-lived stand-ins for the server: plain node scripts that end on their own.
function nodeScript(script: string) {
  return { command: process.execPath, args: ["-e", script], env: {} };
}

async function waitFor(check: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("runServe", () => {
  const tempDir = useTempDir();

  it("exits with the server's exit code and stops listening for signals", async () => {
    const signals = new FakeSignals();
    expect(await runServe(nodeScript("process.exit(3)"), signals, "ignore")).toBe(3);
    expect(signals.listenerCount("SIGINT") + signals.listenerCount("SIGTERM")).toBe(0);
  });

  it("passes SIGTERM on to the server and reports how it ended", async () => {
    const ready = join(tempDir(), "ready");
    const script = `
      process.on("SIGTERM", () => process.exit(7));
      require("node:fs").writeFileSync(${JSON.stringify(ready)}, "");
      setTimeout(() => process.exit(99), 10000);`;
    const signals = new FakeSignals();
    const done = runServe(nodeScript(script), signals, "ignore");
    await waitFor(() => existsSync(ready));
    signals.emit("SIGTERM");
    expect(await done).toBe(7);
  });

  it("reports a server killed by a signal as 128 + its number", async () => {
    const signals = new FakeSignals();
    const done = runServe(
      nodeScript("setTimeout(() => process.exit(99), 10000)"),
      signals,
      "ignore",
    );
    await new Promise((r) => setTimeout(r, 100));
    signals.emit("SIGINT");
    expect(await done).toBe(130);
  });
});
