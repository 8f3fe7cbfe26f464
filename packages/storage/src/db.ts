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
import pg from "pg";
import type { Database } from "./schema";

export type Db = Kysely<Database>;
export type DbKind = "sqlite" | "postgres";

export interface DbOptions {
  /** PostgreSQL only: the schema to use (tests use a fresh schema per run). */
  schema?: string;
  /** PostgreSQL only: pool size. */
  maxConnections?: number;
}

// pg returns COUNT/BIGINT as strings; ours are small counts, so parse them as numbers.
pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10));

export function isPostgresUrl(url: string): boolean {
  return url.startsWith("postgres://") || url.startsWith("postgresql://");
}

/** Which database this is; works for a transaction as well as for the database itself. */
export function dbKind(db: Db): DbKind {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
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
    const pool = new pg.Pool({
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
  readonly #writer: Statements;
  readonly #reader: Statements | undefined;
  readonly #writeLock = new Mutex();

  constructor(
    private readonly writerDb: SQLite.Database,
    private readonly readerDb: SQLite.Database | undefined,
  ) {
    this.#writer = new Statements(writerDb);
    this.#reader = readerDb ? new Statements(readerDb) : undefined;
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new RoutingConnection(this.#writer, this.#reader, this.#writeLock);
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
 * What Kysely sees as a connection: in a transaction, the writer (held from `begin` to `end`);
 * outside one, each statement goes to the reader when it only reads, else to the writer.
 */
class RoutingConnection implements DatabaseConnection {
  #inTransaction = false;

  constructor(
    private readonly writer: Statements,
    private readonly reader: Statements | undefined,
    private readonly writeLock: Mutex,
  ) {}

  async begin(): Promise<void> {
    await this.writeLock.lock();
    this.#inTransaction = true;
    try {
      this.writer.run(CompiledQuery.raw("begin immediate"));
    } catch (error) {
      this.#inTransaction = false;
      this.writeLock.unlock();
      throw error;
    }
  }

  async end(how: "commit" | "rollback"): Promise<void> {
    try {
      this.writer.run(CompiledQuery.raw(how));
    } finally {
      this.#inTransaction = false;
      this.writeLock.unlock();
    }
  }

  release(): void {
    // A transaction Kysely gave up on without commit or rollback must not keep the writer.
    if (this.#inTransaction) {
      this.#inTransaction = false;
      if (this.writer.db.inTransaction) this.writer.run(CompiledQuery.raw("rollback"));
      this.writeLock.unlock();
    }
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (this.#inTransaction) return this.writer.run<R>(query);
    if (this.reader && onlyReads(query)) return this.reader.run<R>(query);
    await this.writeLock.lock();
    try {
      return this.writer.run<R>(query);
    } finally {
      this.writeLock.unlock();
    }
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
