import type { IdGenerator } from "@cando/core";
import { describeDatabaseUrl } from "@cando/storage";
import { Command, CommanderError, InvalidArgumentError } from "commander";
import { runBackup, runRestore } from "./commands/backup";
import { runDoctor } from "./commands/doctor";
import { runMigrate } from "./commands/migrate";
import { runServe, type SignalSource, serveCommand } from "./commands/serve";
import { runExport, runImport } from "./commands/transfer";
import { CliError, EXIT_FAILED, EXIT_OK, EXIT_USAGE, type Output } from "./io";

/** What the commands need from the outside world; main.ts builds it from process and env. */
export interface CliContext {
  /** Chosen as the server chooses it (resolveDatabaseUrl). */
  databaseUrl: string;
  cwd: string;
  stdout: Output;
  stderr: Output;
  now(): Date;
  newId: IdGenerator;
  serve: {
    nodePath: string;
    tsxImport: string;
    serverEntry: string;
    env: Readonly<Record<string, string | undefined>>;
    signals: SignalSource;
  };
}

/** Runs one `cando …` command line (without node and script) and returns the exit code. */
export async function runCli(argv: readonly string[], ctx: CliContext): Promise<number> {
  let exitCode = EXIT_OK;
  const program = buildProgram(ctx, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has printed the error or the help already.
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (error instanceof CliError) {
      ctx.stderr.write(`cando: ${error.message}\n`);
      return error.exitCode;
    }
    ctx.stderr.write(
      `cando: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return EXIT_FAILED;
  }
}

function buildProgram(ctx: CliContext, setExitCode: (code: number) => void): Command {
  const program = new Command("cando")
    .description("Cando builds self-efficacy: run the server and look after its data.")
    .exitOverride()
    .configureOutput({
      writeOut: (text) => ctx.stdout.write(text),
      writeErr: (text) => ctx.stderr.write(text),
    })
    .showHelpAfterError("(add --help for usage)")
    .allowExcessArguments(false)
    .addHelpText(
      "after",
      "\nThe database is DATABASE_URL when set, else <CANDO_DATA_DIR or ./data>/cando.sqlite." +
        `\nNow: ${describeDatabaseUrl(ctx.databaseUrl)}\n`,
    );

  program
    .command("serve")
    .description("start the Cando server")
    .option("-p, --port <port>", "port to listen on (default 8787)", parsePort)
    .option("-H, --host <host>", "address to listen on (default 127.0.0.1)")
    .action(async (options: { port?: number; host?: string }) => {
      const { signals, ...paths } = ctx.serve;
      const command = serveCommand({ ...paths, port: options.port, host: options.host });
      setExitCode(await runServe(command, signals));
    });

  program
    .command("migrate")
    .description("apply pending database migrations")
    .action(async () => {
      await runMigrate({ databaseUrl: ctx.databaseUrl, stdout: ctx.stdout });
    });

  program
    .command("backup")
    .description("back up the SQLite database (safe while serving)")
    .argument("<file>", "the backup file to write (or a folder to put it in)")
    .action(async (file: string) => {
      await runBackup({ ...common(ctx), file });
    });

  program
    .command("restore")
    .description("restore a backup, keeping the current database")
    .argument("<file>", "a file written by `cando backup`")
    .option("-f, --force", "replace an existing database (it is kept as *.before-restore-*)")
    .action(async (file: string, options: { force?: boolean }) => {
      await runRestore({ ...common(ctx), file, force: options.force === true });
    });

  program
    .command("export")
    .description("write one person's domains and audits as JSON")
    .requiredOption("-e, --email <email>", "the person's account email")
    .option("-o, --out <file>", "write to this file instead of standard output")
    .option("-f, --force", "overwrite the --out file if it exists")
    .action(async (options: { email: string; out?: string; force?: boolean }) => {
      await runExport({
        ...common(ctx),
        email: options.email,
        out: options.out,
        force: options.force === true,
        stderr: ctx.stderr,
      });
    });

  program
    .command("import")
    .description("add an export file's data to an existing account")
    .requiredOption("-e, --email <email>", "the account to import into")
    .argument("<file>", "a file written by `cando export`")
    .action(async (file: string, options: { email: string }) => {
      await runImport({
        ...common(ctx),
        email: options.email,
        file,
        newId: ctx.newId,
        stderr: ctx.stderr,
      });
    });

  program
    .command("doctor")
    .description("check derived data (ladder models, evidence and milestone links, audits)")
    .option("--fix", "repair what can be derived: replay models, clear dangling links")
    .option("--json", "print the report as JSON")
    .addHelpText(
      "after",
      "\nEach problem is printed with what --fix changed, or why it needs a person.\n" +
        "Exit code: 0 nothing wrong (with --fix: everything found was repaired), 1 problems remain.\n",
    )
    .action(async (options: { fix?: boolean; json?: boolean }) => {
      setExitCode(
        await runDoctor({
          databaseUrl: ctx.databaseUrl,
          fix: options.fix === true,
          json: options.json === true,
          stdout: ctx.stdout,
          stderr: ctx.stderr,
        }),
      );
    });

  return program;
}

function common(ctx: CliContext) {
  return { databaseUrl: ctx.databaseUrl, cwd: ctx.cwd, now: ctx.now(), stdout: ctx.stdout };
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1 || port > 65_535) {
    throw new InvalidArgumentError("must be a port number from 1 to 65535.");
  }
  return port;
}
