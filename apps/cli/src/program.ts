import type { IdGenerator } from "@cando/core";
import { describeDatabaseUrl } from "@cando/storage";
import { Command, CommanderError, InvalidArgumentError } from "commander";
import { runBackup, runRestore } from "./commands/backup";
import { runDoctor } from "./commands/doctor";
import { runMigrate } from "./commands/migrate";
import { runReport } from "./commands/report";
import { runServe, type SignalSource, serveCommand } from "./commands/serve";
import { type ExportFormat, runExport, runImport } from "./commands/transfer";
import { runResetPassword, runUserAdd, runUserList } from "./commands/user";
import { BufferOutput, CliError, EXIT_FAILED, EXIT_OK, EXIT_USAGE, type Output } from "./io";

/** What the commands need from the outside world; main.ts builds it from process and env. */
export interface CliContext {
  /** Chosen as the server chooses it (resolveDatabaseUrl). */
  databaseUrl: string;
  cwd: string;
  stdout: Output;
  stderr: Output;
  now(): Date;
  newId: IdGenerator;
  /** Where people reach the web app (CANDO_PUBLIC_URL), for the links `cando user` prints. */
  publicUrl: string;
  /** Chromium for `cando report --pdf` (CANDO_CHROMIUM, else /usr/bin/chromium). */
  chromiumPath: string;
  serve: {
    nodePath: string;
    tsxImport: string | undefined;
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
  const json = argv.includes("--json");
  try {
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has printed the error or the help already.
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (error instanceof CliError) {
      ctx.stderr.write(
        json
          ? `${JSON.stringify({ error: { message: error.message, exitCode: error.exitCode } })}\n`
          : `cando: ${error.message}\n`,
      );
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
    .option("--json", "print the result as JSON on standard output (errors as JSON on stderr)")
    .addHelpText(
      "after",
      "\nThe database is DATABASE_URL when set, else <CANDO_DATA_DIR or ./data>/cando.sqlite." +
        `\nNow: ${describeDatabaseUrl(ctx.databaseUrl)}\n` +
        "\nExit codes: 0 done; 1 refused or failed (nothing was lost or half-written);" +
        "\n            2 bad arguments, or not supported here (e.g. backup on PostgreSQL).\n",
    );

  // With --json a command's human text is dropped and its result printed as one JSON value.
  const jsonMode = () => program.opts<{ json?: boolean }>().json === true;
  const out = (): Output => (jsonMode() ? new BufferOutput() : ctx.stdout);
  const emit = (result: unknown) => {
    if (jsonMode()) ctx.stdout.write(`${JSON.stringify(result)}\n`);
  };

  program
    .command("serve")
    .description("start the Cando server")
    .option("-p, --port <port>", "port to listen on (default 8787)", parsePort)
    .option("-H, --host <host>", "address to listen on (default 127.0.0.1)")
    .action(async (options: { port?: number; host?: string }) => {
      const { signals, ...paths } = ctx.serve;
      const command = serveCommand({ ...paths, port: options.port, host: options.host });
      const code = await runServe(command, signals);
      emit({ exitCode: code });
      setExitCode(code);
    });

  program
    .command("migrate")
    .description("apply pending database migrations")
    .action(async () => {
      const applied = await runMigrate({ databaseUrl: ctx.databaseUrl, stdout: out() });
      emit({ applied });
    });

  program
    .command("backup")
    .description("back up the SQLite database (safe while serving)")
    .argument("<file>", "the backup file to write (or a folder to put it in)")
    .action(async (file: string) => {
      emit({ file: await runBackup({ ...common(ctx), stdout: out(), file }) });
    });

  program
    .command("restore")
    .description("restore a backup, keeping the current database")
    .argument("<file>", "a file written by `cando backup`")
    .option("-f, --force", "replace an existing database (it is kept as *.before-restore-*)")
    .action(async (file: string, options: { force?: boolean }) => {
      emit(
        await runRestore({ ...common(ctx), stdout: out(), file, force: options.force === true }),
      );
    });

  program
    .command("export")
    .description("write everything one person owns, as JSON or as CSV files in a zip")
    .requiredOption("-e, --email <email>", "the person's account email")
    .option("--format <format>", "json (default; see docs/export.schema.json) or csv", parseFormat)
    .option("-o, --out <file>", "write to this file instead of standard output")
    .option("-f, --force", "overwrite the --out file if it exists")
    .action(
      async (options: { email: string; format?: ExportFormat; out?: string; force?: boolean }) => {
        const { data, summary } = await runExport({
          ...common(ctx),
          email: options.email,
          format: options.format ?? "json",
          out: options.out,
          force: options.force === true,
          stdout: out(),
          stderr: ctx.stderr,
        });
        // To stdout, the export is JSON already; to a file, --json describes what was written.
        emit(options.out === undefined ? data : summary);
      },
    );

  program
    .command("import")
    .description("add an export file to an account (checked first; all or nothing; idempotent)")
    .requiredOption("-e, --email <email>", "the account to import into")
    .argument("<file>", "a JSON file written by `cando export` or the app")
    .action(async (file: string, options: { email: string }) => {
      emit(
        await runImport({
          ...common(ctx),
          email: options.email,
          file,
          newId: ctx.newId,
          stdout: out(),
          stderr: ctx.stderr,
        }),
      );
    });

  program
    .command("report")
    .description("a report for a therapist, coach or mentor, as a PDF (headless Chromium) or HTML")
    .requiredOption("-e, --email <email>", "whose report")
    .option("--from <day>", "first day, YYYY-MM-DD (default: 90 days before --to)")
    .option("--to <day>", "last day, YYYY-MM-DD (default: today)")
    .option("--goals <ids>", "comma-separated goal ids (default: every goal)")
    .option(
      "--sections <names>",
      "comma-separated: audit, ladders, calibration, anxiety, evidence, reflections (default: all)",
    )
    .option("--pdf <file>", "write a PDF through headless Chromium")
    .option("-o, --out <file>", "write the HTML to this file (default: standard output)")
    .option("-f, --force", "overwrite existing files")
    .action(
      async (options: {
        email: string;
        from?: string;
        to?: string;
        goals?: string;
        sections?: string;
        pdf?: string;
        out?: string;
        force?: boolean;
      }) => {
        emit(
          await runReport({
            ...common(ctx),
            email: options.email,
            from: options.from,
            to: options.to,
            goalIds: options.goals,
            sections: options.sections,
            pdf: options.pdf,
            out: options.out,
            force: options.force === true,
            chromiumPath: ctx.chromiumPath,
            stdout: out(),
            stderr: ctx.stderr,
          }),
        );
      },
    );

  const user = program.command("user").description("add and list accounts, reset a password");
  const urlOption = `where people open Cando, for links (default CANDO_PUBLIC_URL or ${ctx.publicUrl})`;
  user
    .command("add")
    .description("add an account and print a one-time link (1 hour) to choose its password")
    .requiredOption("-e, --email <email>", "the new account's email")
    .option("--url <url>", urlOption)
    .action(async (options: { email: string; url?: string }) => {
      emit(
        await runUserAdd({
          ...common(ctx),
          email: options.email,
          baseUrl: options.url ?? ctx.publicUrl,
          newId: ctx.newId,
          stdout: out(),
          stderr: ctx.stderr,
        }),
      );
    });
  user
    .command("list")
    .description("list every account")
    .action(async () => {
      emit(await runUserList({ ...common(ctx), stdout: out(), stderr: ctx.stderr }));
    });
  user
    .command("reset-password")
    .description("print a one-time link, valid one hour, to choose a new password")
    .requiredOption("-e, --email <email>", "the account's email")
    .option("--url <url>", urlOption)
    .action(async (options: { email: string; url?: string }) => {
      emit(
        await runResetPassword({
          ...common(ctx),
          email: options.email,
          baseUrl: options.url ?? ctx.publicUrl,
          stdout: out(),
          stderr: ctx.stderr,
        }),
      );
    });

  program
    .command("doctor")
    .description("check derived data (ladder models, evidence and milestone links, audits)")
    .option("--fix", "repair what can be derived: replay models, clear dangling links")
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
          // The global --json (before or after `doctor`) prints the report as JSON.
          json: options.json === true || jsonMode(),
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

function parseFormat(value: string): ExportFormat {
  if (value !== "json" && value !== "csv") throw new InvalidArgumentError("must be json or csv.");
  return value;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1 || port > 65_535) {
    throw new InvalidArgumentError("must be a port number from 1 to 65535.");
  }
  return port;
}
