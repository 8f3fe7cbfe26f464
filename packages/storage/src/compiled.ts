import { CamelCasePlugin, type Compilable, type CompiledQuery } from "kysely";
import { type Db, type DbKind, dbKind } from "./db";

/**
 * A fixed-shape query compiled once per database kind and re-run with new parameters: building
 * and compiling a Kysely query costs more than SQLite takes to answer the small ones every
 * request makes (the session lookup). `build` must put exactly `args`, in order, into the query's
 * parameters; the first compile checks it. A handle with plugins of its own (the tests' query
 * counter) compiles every time, so its plugins still see each statement.
 */
export function fixedQuery<A extends unknown[], R>(
  build: (db: Db, ...args: A) => Compilable<R>,
): (db: Db, ...args: A) => Promise<R[]> {
  const compiled = new Map<DbKind, CompiledQuery<R>>();
  return async (db, ...args) => {
    const executor = db.getExecutor();
    if (!executor.plugins.every((plugin) => plugin instanceof CamelCasePlugin)) {
      return (await db.executeQuery(build(db, ...args))).rows;
    }
    const kind = dbKind(db);
    let query = compiled.get(kind);
    if (!query) {
      query = build(db, ...args).compile();
      const { parameters } = query;
      if (parameters.length !== args.length || parameters.some((p, i) => p !== args[i])) {
        throw new Error(`fixedQuery: parameters are not the arguments in order: ${query.sql}`);
      }
      compiled.set(kind, query);
    }
    return (await executor.executeQuery<R>({ ...query, parameters: args })).rows;
  };
}
