import type { Db } from "@cando/storage";
import type {
  CompiledQuery,
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from "kysely";

/**
 * Counts the SQL statements sent through a database handle (transactions' BEGIN/COMMIT are not
 * statements of ours and are not counted). Tests wrap the app's database with `counted(db)` and
 * read `counter.count` around one request.
 */
export class QueryCounter implements KyselyPlugin {
  count = 0;
  /** The SQL of each statement since the last reset (to say which query a count gained). */
  statements: string[] = [];
  /** Each statement compiled, with its parameters, since the last reset (for query plans). */
  compiled: CompiledQuery[] = [];
  /** Compiles a statement (set by `counted`). */
  compile: ((args: PluginTransformQueryArgs) => CompiledQuery) | undefined;

  reset(): void {
    this.count = 0;
    this.statements = [];
    this.compiled = [];
  }

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.count++;
    const compiled = this.compile?.(args);
    if (compiled) this.compiled.push(compiled);
    this.statements.push(compiled?.sql ?? args.node.kind);
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

/** The same database, every statement counted (transactions opened on it are counted too). */
export function counted(db: Db): { db: Db; counter: QueryCounter } {
  const counter = new QueryCounter();
  counter.compile = (args) => db.getExecutor().compileQuery(args.node, args.queryId);
  return { db: db.withPlugin(counter), counter };
}
