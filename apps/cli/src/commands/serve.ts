import { type ChildProcess, spawn } from "node:child_process";
import { constants } from "node:os";

export interface ServeInput {
  /** The node binary (process.execPath). */
  nodePath: string;
  /** What `--import` loads so node runs TypeScript: tsx's loader, resolved by main.ts; none
   * for the built server. */
  tsxImport?: string | undefined;
  /** apps/server/src/main.ts (or the build's dist/main.js): the CLI starts the server's own
   * entry, it never imports it. */
  serverEntry: string;
  env: Readonly<Record<string, string | undefined>>;
  port?: number | undefined;
  host?: string | undefined;
}

export interface ServeCommand {
  command: string;
  args: string[];
  env: Record<string, string>;
}

/** The server's command line; --port and --host become the PORT and HOST it reads. */
export function serveCommand(input: ServeInput): ServeCommand {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.env)) {
    if (value !== undefined) env[name] = value;
  }
  if (input.port !== undefined) env.PORT = String(input.port);
  if (input.host !== undefined) env.HOST = input.host;
  return {
    command: input.nodePath,
    args: input.tsxImport ? ["--import", input.tsxImport, input.serverEntry] : [input.serverEntry],
    env,
  };
}

export type ForwardedSignal = "SIGINT" | "SIGTERM";

/** The signals the CLI itself receives (the `process` object in main.ts). */
export interface SignalSource {
  on(signal: ForwardedSignal, listener: () => void): unknown;
  off(signal: ForwardedSignal, listener: () => void): unknown;
}

/**
 * Runs the server as a child with inherited stdio, passes SIGINT and SIGTERM on to it, and
 * resolves with its exit code (128 + signal number when a signal ended it, as shells do).
 */
export function runServe(
  command: ServeCommand,
  signals: SignalSource,
  stdio: "inherit" | "ignore" = "inherit",
): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const child: ChildProcess = spawn(command.command, command.args, { env: command.env, stdio });
    const forward = (signal: ForwardedSignal) => () => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    };
    const handlers = { SIGINT: forward("SIGINT"), SIGTERM: forward("SIGTERM") } as const;
    const stopForwarding = () => {
      signals.off("SIGINT", handlers.SIGINT);
      signals.off("SIGTERM", handlers.SIGTERM);
    };
    signals.on("SIGINT", handlers.SIGINT);
    signals.on("SIGTERM", handlers.SIGTERM);
    child.once("error", (error) => {
      stopForwarding();
      reject(error);
    });
    child.once("exit", (code, signal) => {
      stopForwarding();
      resolvePromise(code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 0));
    });
  });
}
