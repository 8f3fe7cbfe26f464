import { createRequire } from "node:module";
import SQLite from "better-sqlite3";
import {
  CamelCasePlugin,
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresAdapter,
  PostgresDialect,
  type QueryResult,
  RawNode,
  SelectQueryNode,
  SqliteDialect,
} from "kysely";
import type pg from "pg";
import type { Database } from "./schema";

export type Db = Kysely<Database>;
export type DbKind = "sqlite" | "postgres";

export interface DbOptions {
  /** PostgreSQL only: the schema to use (tests use a fresh schema per run). */
  schema?: string;
  /** PostgreSQL only: pool size. */
  maxConnections?: number;
}

let pgModule: typeof pg | undefined;
/**
 * pg, loaded on first use: a server on SQLite never loads its modules (several MiB of its idle
 * memory). Resolved at run time from node_modules, so the production bundle leaves it out too.
 */
function loadPg(): typeof pg {
  if (!pgModule) {
    pgModule = createRequire(import.meta.url)("pg") as typeof pg;
    // pg returns COUNT/BIGINT as strings; ours are small counts, so parse them as numbers.
    pgModule.types.setTypeParser(20, (value) => Number.parseInt(value, 10));
  }
  return pgModule;
}

export function isPostgresUrl(url: string): boolean {
  return url.startsWith("postgres://") || url.startsWith("postgresql://");
}

/** Which database this is; works for a transaction as well as for the database itself. */
export function dbKind(db: Db): DbKind {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}

/**
 * Runs a series of reads on one pooled connection (PostgreSQL). A page that reads in many short
 * statements otherwise goes back to the pool's queue for each: under load every wait is behind
 * the next statement of every other request, and the page with the most statements is stretched
 * the most. Not for writes (use a transaction) nor for code that opens one. SQLite's reads have
 * their own connection already; inside a transaction, its connection is used.
 */
export async function onOneConnection<T>(db: Db, reads: (db: Db) => Promise<T>): Promise<T> {
  if (dbKind(db) !== "postgres" || db.isTransaction) return reads(db);
  return db.connection().execute(reads);
}

/** PostgreSQL: the schema the database works in (for the migrator's own tables). */
export function schemaOf(db: Db): string | undefined {
  return schemas.get(db);
}
const schemas = new WeakMap<Db, string>();

/**
 * Opens the database: a PostgreSQL URL (`postgres://…`) or else a SQLite file path
 * (`:memory:` for tests). SQLite runs in WAL mode with foreign keys on and full fsync, so an
 * acknowledged write survives a crash.
 */
export function createDb(url: string, options: DbOptions = {}): Db {
  if (isPostgresUrl(url)) {
    const parsed = new URL(url);
    const pool = new (loadPg().Pool)({
      connectionString: url,
      // pg falls back to $USER for the role, which is unset in services and CI.
      user: parsed.username ? decodeURIComponent(parsed.username) : "postgres",
      max: options.maxConnections ?? 10,
      ...(options.schema ? { options: `-c search_path=${quoteIdent(options.schema)}` } : {}),
    });
    const db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool }),
      plugins: [new CamelCasePlugin()],
    });
    schemas.set(db, options.schema ?? "public");
    return db;
  }
  const writer = new SQLite(url);
  configure(writer);
  // A second connection to the same file lets reads run while a write transaction is open (WAL:
  // readers see the last commit and never wait for the writer). An in-memory database is one
  // connection's own, so it has no reader.
  const inMemory = url === "" || url === ":memory:" || url.startsWith("file::memory:");
  let reader: SQLite.Database | undefined;
  if (!inMemory) {
    reader = new SQLite(url);
    configure(reader);
    reader.pragma("query_only = ON");
  }
  const db = new Kysely<Database>({
    dialect: new CandoSqliteDialect(writer, reader),
    plugins: [new CamelCasePlugin()],
  });
  return db;
}

function configure(sqlite: SQLite.Database): void {
  sqlite.pragma("journal_mode = WAL");
  // Every acknowledged write is on disk: the commit fsyncs the WAL.
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
}

/**
 * SQLite: one writer connection and one reader connection per process.
 *
 * - Write transactions take the write lock up front (`BEGIN IMMEDIATE`). A deferred transaction
 *   that reads and then writes cannot wait for another process's lock (SQLite answers
 *   SQLITE_BUSY at once to avoid a deadlock); an immediate one waits up to the busy timeout.
 * - The writer is held by one transaction (or one statement outside a transaction) at a time,
 *   through its commit and fsync. Everything inside a transaction runs on the writer.
 * - A SELECT outside a transaction runs on the reader at once, without waiting for the writer:
 *   better-sqlite3 is synchronous, so one reader serves every request of this process.
 * - Prepared statements are cached per connection by their SQL text: preparing costs far more
 *   than running the small queries Cando makes.
 */
class CandoSqliteDialect extends SqliteDialect {
  constructor(
    private readonly writer: SQLite.Database,
    private readonly reader: SQLite.Database | undefined,
  ) {
    super({ database: writer });
  }

  override createDriver(): Driver {
    return new CandoSqliteDriver(this.writer, this.reader);
  }
}

class CandoSqliteDriver implements Driver {
  readonly #writer: Writer;
  readonly #reader: Statements | undefined;

  constructor(
    private readonly writerDb: SQLite.Database,
    private readonly readerDb: SQLite.Database | undefined,
  ) {
    this.#writer = new Writer(new Statements(writerDb));
    this.#reader = readerDb ? new Statements(readerDb) : undefined;
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new RoutingConnection(this.#writer, this.#reader);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as RoutingConnection).begin();
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as RoutingConnection).end("commit");
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as RoutingConnection).end("rollback");
  }

  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`savepoint ${savepointName(name)}`));
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`rollback to ${savepointName(name)}`));
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`release ${savepointName(name)}`));
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    (connection as RoutingConnection).release();
  }

  async destroy(): Promise<void> {
    this.readerDb?.close();
    this.writerDb.close();
  }
}

/** Prepared statements of one connection, by SQL text (bounded: dynamic SQL cannot grow it). */
class Statements {
  readonly #cache = new Map<string, SQLite.Statement>();
  constructor(readonly db: SQLite.Database) {}

  get(sqlText: string): SQLite.Statement {
    let statement = this.#cache.get(sqlText);
    if (!statement) {
      statement = this.db.prepare(sqlText);
      if (this.#cache.size >= 1000) this.#cache.clear();
      this.#cache.set(sqlText, statement);
    }
    return statement;
  }

  run<R>(query: CompiledQuery): QueryResult<R> {
    const statement = this.get(query.sql);
    const parameters = query.parameters as unknown[];
    if (statement.reader) return { rows: statement.all(parameters) as R[] };
    const { changes, lastInsertRowid } = statement.run(parameters);
    return {
      numAffectedRows: BigInt(changes),
      insertId: BigInt(lastInsertRowid),
      rows: [],
    };
  }
}

/**
 * The one writer connection, shared by turns (a transaction, or one write outside a transaction).
 *
 * Group commit: a turn that ends while others wait for the writer does not fsync alone. Its
 * changes are kept (RELEASE of its savepoint inside one open `BEGIN IMMEDIATE` transaction),
 * the next turn runs in the same transaction, and one COMMIT makes the whole batch durable.
 * Every turn's commit promise resolves only after that COMMIT: nothing is acknowledged before
 * it is on disk. Turns still run one after another, so each sees the ones before it; a turn that
 * fails rolls back to its own savepoint and leaves the others. A batch ends when nobody waits,
 * at BATCH_TURNS turns or after BATCH_MS, so other processes wait for the lock only briefly.
 */
class Writer {
  readonly #lock = new Mutex();
  #batch: Batch | undefined;

  constructor(readonly statements: Statements) {}

  /** Takes the writer; inside an open batch, marks where this turn's changes start. */
  async enter(asTransaction: boolean): Promise<void> {
    await this.#lock.lock();
    try {
      if (!this.#batch) {
        if (!asTransaction) return; // a lone write outside a transaction: autocommit
        this.statements.run(CompiledQuery.raw("begin immediate"));
        this.#batch = { turns: 0, openedAt: performance.now(), durable: [] };
      }
      this.#batch.turns++;
      this.statements.run(CompiledQuery.raw("savepoint cando_turn"));
    } catch (error) {
      // Whoever waits on the batch so far is answered; this turn fails.
      if (this.#batch) this.#finish(this.#batch);
      else this.#lock.unlock();
      throw error;
    }
  }

  /** Ends this turn; resolves once its changes are committed (and fsynced) or undone. */
  async leave(how: "commit" | "rollback"): Promise<void> {
    const batch = this.#batch;
    if (!batch) {
      this.#lock.unlock();
      return;
    }
    let durable: Promise<void> | undefined;
    try {
      if (how === "rollback") this.statements.run(CompiledQuery.raw("rollback to cando_turn"));
      this.statements.run(CompiledQuery.raw("release cando_turn"));
      if (how === "commit") {
        const waiter = deferred();
        batch.durable.push(waiter);
        durable = waiter.promise;
      }
    } catch (error) {
      this.#finish(batch, error);
      throw error;
    }
    const more =
      this.#lock.waiting > 0 &&
      batch.turns < BATCH_TURNS &&
      performance.now() - batch.openedAt < BATCH_MS;
    if (more) this.#lock.unlock();
    else this.#finish(batch);
    await durable;
  }

  /** Commits the batch (or rolls it back after an error) and answers every turn in it. */
  #finish(batch: Batch, failure?: unknown): void {
    this.#batch = undefined;
    let error = failure;
    if (error === undefined) {
      try {
        this.statements.run(CompiledQuery.raw("commit"));
      } catch (commitError) {
        error = commitError;
      }
    }
    if (error !== undefined && this.statements.db.inTransaction) {
      this.statements.run(CompiledQuery.raw("rollback"));
    }
    this.#lock.unlock();
    for (const waiter of batch.durable) {
      if (error === undefined) waiter.resolve();
      else waiter.reject(error);
    }
  }
}

interface Batch {
  turns: number;
  openedAt: number;
  /** The committed turns, answered when the batch is on disk. */
  durable: Deferred[];
}

const BATCH_TURNS = 64;
const BATCH_MS = 50;

interface Deferred {
  promise: Promise<void>;
  resolve(): void;
  reject(error: unknown): void;
}

function deferred(): Deferred {
  let resolve: () => void = () => {};
  let reject: (error: unknown) => void = () => {};
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/**
 * What Kysely sees as a connection: in a transaction, the writer (held from `begin` to `end`);
 * outside one, each statement goes to the reader when it only reads, else to the writer.
 */
class RoutingConnection implements DatabaseConnection {
  #inTransaction = false;

  constructor(
    private readonly writer: Writer,
    private readonly reader: Statements | undefined,
  ) {}

  async begin(): Promise<void> {
    await this.writer.enter(true);
    this.#inTransaction = true;
  }

  async end(how: "commit" | "rollback"): Promise<void> {
    // Kysely rolls back after a failed commit or begin: this turn is over, the writer not ours.
    if (!this.#inTransaction) return;
    this.#inTransaction = false;
    await this.writer.leave(how);
  }

  release(): void {
    // A transaction Kysely gave up on without commit or rollback must not keep the writer.
    if (this.#inTransaction) void this.end("rollback").catch(() => {});
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (this.#inTransaction) return this.writer.statements.run<R>(query);
    if (this.reader && onlyReads(query)) return this.reader.run<R>(query);
    // A write outside a transaction: its own turn, acknowledged once committed.
    await this.writer.enter(false);
    let result: QueryResult<R>;
    try {
      result = this.writer.statements.run<R>(query);
    } catch (error) {
      await this.writer.leave("rollback");
      throw error;
    }
    await this.writer.leave("commit");
    return result;
  }

  // biome-ignore lint/correctness/useYield: Cando never streams; Kysely's interface asks for it.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error("Streaming queries is not supported");
  }
}

const savepointName = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** A SELECT (built, or raw text starting with SELECT): safe on the read-only connection. */
function onlyReads(query: CompiledQuery): boolean {
  if (SelectQueryNode.is(query.query)) return true;
  return RawNode.is(query.query) && /^\s*select\b/i.test(query.sql);
}

/** First come, first served: who holds the writer. */
class Mutex {
  #held = false;
  readonly #waiting: (() => void)[] = [];

  lock(): Promise<void> {
    if (!this.#held) {
      this.#held = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  /** How many wait for it now. */
  get waiting(): number {
    return this.#waiting.length;
  }

  unlock(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#held = false;
  }
}

function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/i.test(name)) throw new Error(`Invalid schema name: ${name}`);
  return name;
}

/** True when an insert or update broke a UNIQUE constraint, on either database. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    code === "23505" ||
    code === "SQLITE_CONSTRAINT_UNIQUE" ||
    code === "SQLITE_CONSTRAINT_PRIMARYKEY"
  );
}
