// `npx tsx bench/commits.ts`: the SQLite storage layer alone, on a file (synchronous=FULL): the raw
// durable-commit rate (one connection, a tight loop of tiny transactions) against Cando's
// createDb with 1 and 10 concurrent writers of tiny Kysely transactions (group commit lets
// waiting transactions share one fsync). Each acknowledged transaction is on disk either way.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb } from "@cando/storage";
import SQLite from "better-sqlite3";
import { sql } from "kysely";

const SECONDS = Number(process.env.BENCH_STEP_SECONDS ?? "3");
const dir = mkdtempSync(join(tmpdir(), "cando-commits-"));
const file = join(dir, "commits.sqlite");
try {
  const raw = new SQLite(file);
  raw.pragma("journal_mode = WAL");
  raw.pragma("synchronous = FULL");
  raw.exec("create table t (n integer)");
  const insert = raw.prepare("insert into t (n) values (?)");
  let n = 0;
  let started = performance.now();
  while (performance.now() - started < SECONDS * 1000) insert.run(n++);
  const rawRate = n / ((performance.now() - started) / 1000);
  raw.close();
  console.log(`raw better-sqlite3, one connection: ${rawRate.toFixed(0)} commits/s`);

  const db = createDb(file);
  for (const writers of [1, 10]) {
    let done = 0;
    started = performance.now();
    await Promise.all(
      Array.from({ length: writers }, async () => {
        while (performance.now() - started < SECONDS * 1000) {
          await db.transaction().execute(async (trx) => {
            await sql`insert into t (n) values (${done})`.execute(trx);
          });
          done++;
        }
      }),
    );
    const rate = done / ((performance.now() - started) / 1000);
    console.log(
      `createDb, ${writers} concurrent writer(s): ${rate.toFixed(0)} transactions/s = ${((rate / rawRate) * 100).toFixed(0)}% of raw`,
    );
  }
  await db.destroy();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
