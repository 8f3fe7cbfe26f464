// The in-process benches' common setup (queries.ts, today-goal.ts, writes.ts): the seeded person on
// a SQLite file (the production setup), or a fresh PostgreSQL schema; the app over it through a
// statement counter.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, migrateToLatest } from "@cando/storage";
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs } from "kysely";
import pg from "pg";
import { createApp } from "../apps/server/src/app";
import { argon2Hasher } from "../apps/server/src/auth/passwords";
import { DEFAULT_AUTH_POLICY } from "../apps/server/src/auth/policy";
import { deploymentFrom } from "../apps/server/src/http/deployment";
import { type SeededPerson, seedPerson } from "./seed";

export const ORIGIN = "http://127.0.0.1:8787";

/** Statements sent since the last reset, each as its kind and table ("Select attempts"). */
export class StatementCounter implements KyselyPlugin {
  statements: string[] = [];
  get count(): number {
    return this.statements.length;
  }
  reset(): void {
    this.statements = [];
  }
  transformQuery(args: PluginTransformQueryArgs) {
    // biome-ignore lint/suspicious/noExplicitAny: a peek at the table for the listing
    const n = args.node as any;
    const table =
      n.from?.froms?.[0]?.table?.identifier?.name ??
      n.into?.table?.identifier?.name ??
      n.table?.table?.identifier?.name ??
      n.from?.froms?.[0]?.node?.table?.identifier?.name ??
      n.sqlFragments?.join("?").slice(0, 40) ??
      "";
    this.statements.push(`${n.kind.replace("QueryNode", "").replace("Node", "")} ${table}`);
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs) {
    return args.result;
  }
}

export interface InProcess {
  app: ReturnType<typeof createApp>;
  /**
   * The same app on the plain handle, as the server runs it: no statement is counted, and
   * fixed-shape queries run compiled once (a counted handle compiles every statement: see
   * packages/storage/src/compiled.ts), so CPU is measured on this one.
   */
  plain: ReturnType<typeof createApp>;
  person: SeededPerson;
  /** The database handle `app` runs on (every statement counted). */
  db: ReturnType<typeof createDb>;
  counter: StatementCounter;
  /** The person's session cookie and the same-origin header, for `app.request`. */
  headers: Record<string, string>;
  close(): Promise<void>;
}

/**
 * The seeded five-year person (`scale` times the history) and the app, in a temporary folder, or
 * in a fresh schema on PostgreSQL when `postgresUrl` is given (dropped on close).
 */
export async function seededInProcess(
  scale: number,
  deviceKey: string,
  postgresUrl?: string,
): Promise<InProcess> {
  let raw: ReturnType<typeof createDb>;
  let close: () => Promise<void>;
  if (postgresUrl) {
    const schema = `bench_${deviceKey.replaceAll("-", "_")}_${crypto.randomUUID().replaceAll("-", "").slice(0, 12)}`;
    await adminQuery(postgresUrl, `create schema ${schema}`);
    raw = createDb(postgresUrl, { schema });
    close = async () => {
      await raw.destroy();
      await adminQuery(postgresUrl, `drop schema ${schema} cascade`);
    };
  } else {
    const dir = mkdtempSync(join(tmpdir(), `cando-${deviceKey}-`));
    raw = createDb(join(dir, "cando.sqlite"));
    close = async () => {
      await raw.destroy();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  try {
    await migrateToLatest(raw);
    const passwordHash = await argon2Hasher().hash("not used");
    const person = await raw
      .transaction()
      .execute((trx) => seedPerson(trx, { name: "five-year", scale, passwordHash }));
    const counter = new StatementCounter();
    const appOn = (db: typeof raw) =>
      createApp({
        db,
        clock: { now: () => new Date() },
        newId: () => crypto.randomUUID(),
        passwords: argon2Hasher(),
        deployment: deploymentFrom({ host: "127.0.0.1", port: 8787 }),
        auth: DEFAULT_AUTH_POLICY,
        deviceKey,
      });
    const db = raw.withPlugin(counter);
    const app = appOn(db);
    const plain = appOn(raw);
    const headers = { cookie: person.cookie, origin: ORIGIN, "content-type": "application/json" };
    return { app, plain, person, db, counter, headers, close };
  } catch (error) {
    await close();
    throw error;
  }
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({
    connectionString: url,
    user: new URL(url).username || "postgres",
  });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
