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

// Built by `npm run build:server` (apps/cli/dist/main.js), it starts the built server with plain
// node; run from source (`npm run cando`), it starts the server's source through tsx.
const built = import.meta.url.endsWith(".js");

process.exitCode = await runCli(process.argv.slice(2), {
  databaseUrl: resolveDatabaseUrl({ databaseUrl: env.DATABASE_URL, dataDir: env.CANDO_DATA_DIR }),
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  now: () => new Date(),
  newId: () => crypto.randomUUID(),
  chromiumPath: env.CANDO_CHROMIUM ?? "/usr/bin/chromium",
  publicUrl: env.CANDO_PUBLIC_URL ?? `http://localhost:${env.PORT ?? "8787"}`,
  serve: {
    nodePath: process.execPath,
    tsxImport: built ? undefined : tsxLoader(),
    serverEntry: fileURLToPath(
      new URL(built ? "../../server/dist/main.js" : "../../server/src/main.ts", import.meta.url),
    ),
    env,
    signals: process,
  },
});
