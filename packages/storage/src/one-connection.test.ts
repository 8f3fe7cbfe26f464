import { sql } from "kysely";
import { expect, it } from "vitest";
import { type Db, onOneConnection } from "./db";
import { describeEachDatabase } from "./test-support";

describeEachDatabase("reads on one connection", (db, kind) => {
  it("runs a page's reads on one connection, gives it back after a failure, and never runs out", async () => {
    const backend = async (on: Db) =>
      kind === "postgres"
        ? (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(on)).rows[0]?.pid
        : 1;
    const pids = await onOneConnection(db(), async (conn) => [
      await backend(conn),
      await backend(conn),
      await backend(conn),
    ]);
    expect(new Set(pids).size).toBe(1);

    // Failures give the connection back: more of them than the pool holds, then more reads.
    for (let i = 0; i < 12; i++) {
      await expect(
        onOneConnection(db(), async (conn) => {
          await backend(conn);
          throw new Error("not found");
        }),
      ).rejects.toThrow("not found");
    }
    // Thirty at once with a pool of ten: each waits its turn for a connection, none is starved.
    const together = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        onOneConnection(db(), async (conn) => {
          const a = await backend(conn);
          const b = await backend(conn);
          return a === b ? i : -1;
        }),
      ),
    );
    expect(together).toEqual(Array.from({ length: 30 }, (_, i) => i));
  });
});
