import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  createDb,
  describeDatabaseUrl,
  ensureDatabaseDirectory,
  migrateToLatest,
  resolveDatabaseUrl,
} from "@cando/storage";
import { serve } from "@hono/node-server";
import { createApp } from "./app";
import { argon2Hasher } from "./auth/passwords";
import { LoginLimiter } from "./auth/rate-limit";

// The only place the server reads its environment.
const env = process.env;
const port = Number.parseInt(env.PORT ?? "8787", 10);
const host = env.HOST ?? "127.0.0.1";
const here = dirname(fileURLToPath(import.meta.url));
const webRoot = resolve(env.CANDO_WEB_ROOT ?? join(here, "../../web/dist"));

const url = resolveDatabaseUrl({ databaseUrl: env.DATABASE_URL, dataDir: env.CANDO_DATA_DIR });
ensureDatabaseDirectory(url);
const db = createDb(url);
const { applied } = await migrateToLatest(db);
const clock = { now: () => new Date() };
const app = createApp(
  {
    db,
    clock,
    newId: () => crypto.randomUUID(),
    passwords: argon2Hasher(),
    limiter: new LoginLimiter(clock),
    trustProxy: env.CANDO_TRUST_PROXY === "1",
    signup: env.CANDO_SIGNUP === "closed" ? "closed" : "open",
  },
  { webRoot },
);

const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
  const where = describeDatabaseUrl(url);
  const migrated = applied.length ? `; applied migrations ${applied.join(", ")}` : "";
  console.log(`Cando is running at http://${host}:${info.port} (${where}${migrated})`);
});

function shutdown(signal: string) {
  console.log(`${signal}: closing Cando`);
  server.close(() => {
    void db.destroy().then(() => process.exit(0));
  });
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on("SIGINT", () => shutdown("SIGINT"));
process.on("SIGTERM", () => shutdown("SIGTERM"));
