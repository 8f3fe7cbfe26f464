import { randomBytes } from "node:crypto";
import { Server as HttpServer } from "node:http";
import { networkInterfaces } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  createDb,
  describeDatabaseUrl,
  ensureDatabaseDirectory,
  migrateToLatest,
  resolveDatabaseUrl,
  serverSecret,
} from "@cando/storage";
import { serve } from "@hono/node-server";
import { createApp } from "./app";
import { argon2Hasher } from "./auth/passwords";
import { type AuthPolicy, DEFAULT_AUTH_POLICY } from "./auth/policy";
import { startHousekeeping } from "./housekeeping/housekeeping";
import { type Deployment, deploymentFrom } from "./http/deployment";

// The only place the server reads its environment.
const env = process.env;
const port = Number.parseInt(env.PORT ?? "8787", 10);
const host = env.HOST ?? "127.0.0.1";
const here = dirname(fileURLToPath(import.meta.url));
const webRoot = resolve(env.CANDO_WEB_ROOT ?? join(here, "../../web/dist"));

function fail(message: string): never {
  console.error(`Cando cannot start: ${message}`);
  process.exit(2);
}

/** A whole number (at least 1) from the environment, or the default. */
function whole(name: string, fallback: number, unit: string): number {
  const value = env[name];
  if (value === undefined || value === "") return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1) fail(`${name} must be a whole number of ${unit}`);
  return Number(value);
}
const minutes = (name: string, fallbackMs: number) =>
  whole(name, fallbackMs / 60_000, "minutes") * 60_000;

let deployment: Deployment;
try {
  deployment = deploymentFrom({
    publicUrl: env.CANDO_PUBLIC_URL,
    host,
    port,
    trustProxy: env.CANDO_TRUST_PROXY,
    interfaceAddresses: Object.values(networkInterfaces()).flatMap((list) =>
      (list ?? []).map((i) => i.address),
    ),
  });
} catch (error) {
  fail((error as Error).message);
}
const auth: AuthPolicy = {
  ...DEFAULT_AUTH_POLICY,
  // A class signing up together behind one address needs more than the default.
  signup: {
    ...DEFAULT_AUTH_POLICY.signup,
    free: whole("CANDO_SIGNUPS_PER_ADDRESS", DEFAULT_AUTH_POLICY.signup.free, "sign-ups"),
  },
  session: {
    idleMs: minutes("CANDO_SESSION_IDLE_MINUTES", DEFAULT_AUTH_POLICY.session.idleMs),
    absoluteMs: minutes("CANDO_SESSION_MAX_MINUTES", DEFAULT_AUTH_POLICY.session.absoluteMs),
  },
};

const url = resolveDatabaseUrl({ databaseUrl: env.DATABASE_URL, dataDir: env.CANDO_DATA_DIR });
ensureDatabaseDirectory(url);
const db = createDb(url);
const { applied } = await migrateToLatest(db);
const clock = { now: () => new Date() };
// Made once, shared by every process on this database, so device cookies outlive restarts.
const deviceKey = await serverSecret(
  db,
  "device_cookie_key",
  () => randomBytes(32).toString("base64url"),
  clock.now().toISOString(),
);
const app = createApp(
  {
    db,
    clock,
    newId: () => crypto.randomUUID(),
    passwords: argon2Hasher(),
    deployment,
    auth,
    deviceKey,
    signup: env.CANDO_SIGNUP === "closed" ? "closed" : "open",
  },
  { webRoot },
);

const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
  const where = describeDatabaseUrl(url);
  const migrated = applied.length ? `; applied migrations ${applied.join(", ")}` : "";
  console.log(`Cando is running at http://${host}:${info.port} (${where}${migrated})`);
  if (env.CANDO_PUBLIC_URL) console.log(`Browsers reach it at ${deployment.origins[0]}`);
});

// An idle keep-alive connection stays open longer than a browser's or a proxy's pause between
// requests: Node's 5 s default closes connections that clients (and load balancers with a 60 s
// idle timeout) are about to reuse, and the request sent at that moment is reset.
if (server instanceof HttpServer) {
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
}

// Deleted data past its undo window, expired sessions and reset links go on a timer.
const stopHousekeeping = startHousekeeping(db, clock);

function shutdown(signal: string) {
  console.log(`${signal}: closing Cando`);
  stopHousekeeping();
  server.close(() => {
    void db.destroy().then(() => process.exit(0));
  });
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on("SIGINT", () => shutdown("SIGINT"));
process.on("SIGTERM", () => shutdown("SIGTERM"));
