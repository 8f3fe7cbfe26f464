/** Where a command writes: process.stdout/stderr in main.ts, a buffer in tests. */
export interface Output {
  write(text: string): unknown;
}

/** Exit codes: 0 done, 1 refused or failed (nothing was lost), 2 bad arguments or unsupported. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** A failure the user can act on: printed as-is (no stack trace) and mapped to an exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_FAILED,
  ) {
    super(message);
    this.name = "CliError";
  }
}

/** An in-memory Output for tests. */
export class BufferOutput implements Output {
  text = "";
  write(text: string): boolean {
    this.text += text;
    return true;
  }
}
