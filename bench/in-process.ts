// The in-process benches' common setup (queries.ts, today-goal.ts, writes.ts): the seeded person on
// a SQLite file (the production setup), the app over it through a statement counter.
// BENCH_DATABASE=postgres: the same on a fresh PostgreSQL database beside BENCH_POSTGRES_URL.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, type Db, migrateToLatest } from "@cando/storage";
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
  person: SeededPerson;
  counter: StatementCounter;
  /** The person's session cookie and the same-origin header, for `app.request`. */
  headers: Record<string, string>;
  close(): Promise<void>;
}

/** The seeded five-year person (`scale` times the history) and the app, in a temporary folder. */
export async function seededInProcess(scale: number, deviceKey: string): Promise<InProcess> {
  const { raw, close } = await openDatabase(deviceKey);
  try {
    await migrateToLatest(raw);
    const passwordHash = await argon2Hasher().hash("not used");
    const person = await raw
      .transaction()
      .execute((trx) => seedPerson(trx, { name: "five-year", scale, passwordHash }));
    const counter = new StatementCounter();
    const app = createApp({
      db: raw.withPlugin(counter),
      clock: { now: () => new Date() },
      newId: () => crypto.randomUUID(),
      passwords: argon2Hasher(),
      deployment: deploymentFrom({ host: "127.0.0.1", port: 8787 }),
      auth: DEFAULT_AUTH_POLICY,
      deviceKey,
    });
    const headers = { cookie: person.cookie, origin: ORIGIN, "content-type": "application/json" };
    return { app, person, counter, headers, close };
  } catch (error) {
    await close();
    throw error;
  }
}

async function openDatabase(deviceKey: string): Promise<{ raw: Db; close(): Promise<void> }> {
  if (process.env.BENCH_DATABASE === "postgres") {
    const admin = process.env.BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";
    const name = `cando_inprocess_${process.pid}`;
    const run = async (sql: string) => {
      const client = new pg.Client({ connectionString: admin, user: "postgres" });
      await client.connect();
      await client.query(sql);
      await client.end();
    };
    await run(`drop database if exists ${name} with (force)`);
    await run(`create database ${name}`);
    const url = new URL(admin);
    url.pathname = `/${name}`;
    const raw = createDb(url.toString());
    return {
      raw,
      async close() {
        await raw.destroy();
        await run(`drop database if exists ${name} with (force)`);
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), `cando-${deviceKey}-`));
  const raw = createDb(join(dir, "cando.sqlite"));
  return {
    raw,
    async close() {
      await raw.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
