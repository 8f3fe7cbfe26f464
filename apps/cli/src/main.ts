import { fileURLToPath } from "node:url";
import { resolveDatabaseUrl } from "@cando/storage";
import { runCli } from "./program";

// The only place the CLI reads its environment and arguments.
const env = process.env;

function tsxLoader(): string {
  try {
    // Absolute, so the server starts whatever the working directory is.
    return import.meta.resolve("tsx");
  } catch {
    return "tsx";
  }
}

process.exitCode = await runCli(process.argv.slice(2), {
  databaseUrl: resolveDatabaseUrl({ databaseUrl: env.DATABASE_URL, dataDir: env.CANDO_DATA_DIR }),
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  now: () => new Date(),
  newId: () => crypto.randomUUID(),
  publicUrl: env.CANDO_PUBLIC_URL ?? `http://localhost:${env.PORT ?? "8787"}`,
  serve: {
    nodePath: process.execPath,
    tsxImport: tsxLoader(),
    serverEntry: fileURLToPath(new URL("../../server/src/main.ts", import.meta.url)),
    env,
    signals: process,
  },
});
