import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { CompiledQuery, sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { insertUser } from "./accounts/users";
import { createDb, type Db } from "./db";
import { migrateToLatest } from "./migrate";
import { buildUser } from "./test-support";

// The production SQLite setup (a file in WAL mode): one writer, one reader.
describe("SQLite file database", () => {
  let dir: string;
  let db: Db;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "cando-db-"));
    db = createDb(join(dir, "cando.sqlite"));
    await migrateToLatest(db);
  });
  afterEach(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const emails = async (from: Db = db) =>
    (await from.selectFrom("users").select("email").orderBy("email").execute()).map((r) => r.email);

  /** A write transaction that stays open until `finish` is called. */
  function openWrite(email: string) {
    let finish: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      finish = resolve;
    });
    let inserted: () => void = () => {};
    const insertedPromise = new Promise<void>((resolve) => {
      inserted = resolve;
    });
    const done = db.transaction().execute(async (trx) => {
      await insertUser(trx, buildUser({ email }));
      // Reads inside the transaction stay on the writer and see its own writes.
      expect(await emails(trx)).toContain(email);
      inserted();
      await held;
    });
    return { inserted: insertedPromise, finish, done };
  }

  it("keeps full durability: WAL with synchronous=FULL on every connection", async () => {
    const [journal] = (await sql<{ journalMode: string }>`pragma journal_mode`.execute(db)).rows;
    const [sync] = (await sql<{ synchronous: number }>`pragma synchronous`.execute(db)).rows;
    expect(journal?.journalMode).toBe("wal");
    expect(sync?.synchronous).toBe(2);
    // The same pragmas read through the reader (a raw SELECT goes there).
    const [readerSync] = (
      await sql<{ synchronous: number }>`select synchronous from pragma_synchronous`.execute(db)
    ).rows;
    expect(readerSync?.synchronous).toBe(2);
  });

  it("answers a read while a write transaction is open, with the last committed data", async () => {
    await insertUser(db, buildUser({ email: "before@example.test" }));
    const write = openWrite("during@example.test");
    await write.inserted;
    // Without a separate reader this would wait for the transaction (and time out here).
    const seen = await Promise.race([
      emails(),
      new Promise<string>((resolve) => setTimeout(() => resolve("waited"), 2000)),
    ]);
    expect(seen).toEqual(["before@example.test"]);
    write.finish();
    await write.done;
    expect(await emails()).toEqual(["before@example.test", "during@example.test"]);
  });

  it("queues a write outside a transaction behind the open one", async () => {
    const write = openWrite("first@example.test");
    await write.inserted;
    const order: string[] = [];
    const second = insertUser(db, buildUser({ email: "second@example.test" })).then(() =>
      order.push("second"),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    order.push("first commits");
    write.finish();
    await write.done;
    await second;
    expect(order).toEqual(["first commits", "second"]);
    expect(await emails()).toEqual(["first@example.test", "second@example.test"]);
  });

  it("rolls back a failed transaction and frees the writer", async () => {
    await expect(
      db.transaction().execute(async (trx) => {
        await insertUser(trx, buildUser({ email: "lost@example.test" }));
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    await insertUser(db, buildUser({ email: "kept@example.test" }));
    expect(await emails()).toEqual(["kept@example.test"]);
  });

  it("acknowledges each of many parallel transactions only once it is committed", async () => {
    const outside = new SQLite(join(dir, "cando.sqlite"), { readonly: true });
    try {
      const committed = (email: string) =>
        outside.prepare("select count(*) as n from users where email = ?").get(email) as {
          n: number;
        };
      const results = await Promise.allSettled(
        Array.from({ length: 30 }, (_, i) =>
          db
            .transaction()
            .execute(async (trx) => {
              await insertUser(trx, buildUser({ email: `p${i}@example.test` }));
              await new Promise((resolve) => setTimeout(resolve, i % 3));
              // Every fifth fails after writing: only its own row is undone.
              if (i % 5 === 4) throw new Error(`no ${i}`);
            })
            // Another connection (another process, after a crash) sees it the moment it resolves.
            .then(() => committed(`p${i}@example.test`).n),
        ),
      );
      results.forEach((r, i) => {
        if (i % 5 === 4) expect(r).toMatchObject({ status: "rejected" });
        else expect(r).toEqual({ status: "fulfilled", value: 1 });
      });
      expect(await emails()).toHaveLength(24);
      // Lone writes outside a transaction, in parallel with transactions, likewise.
      await Promise.all(
        Array.from({ length: 10 }, async (_, i) => {
          if (i % 2) await insertUser(db, buildUser({ email: `lone${i}@example.test` }));
          else
            await db
              .transaction()
              .execute((trx) => insertUser(trx, buildUser({ email: `lone${i}@example.test` })));
          expect(committed(`lone${i}@example.test`).n).toBe(1);
        }),
      );
    } finally {
      outside.close();
    }
  });

  it("finds a request's session and person in one query on two primary keys", async () => {
    const query = db
      .selectFrom("sessions")
      .innerJoin("users", "users.id", "sessions.userId")
      .select(["sessions.id", "users.email"])
      .where("sessions.id", "=", "x")
      .where("sessions.expiresAt", ">", "y")
      .compile();
    const plan = (
      await db.executeQuery<{ detail: string }>(
        CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]),
      )
    ).rows.map((r) => r.detail);
    // Both tables are searched by an index (their primary keys), neither scanned.
    expect(plan.every((step) => /SEARCH .* USING .*(PRIMARY KEY|INDEX)/.test(step))).toBe(true);
    expect(plan).toHaveLength(2);
  });

  it("runs a query twice from its cached statement with new parameters", async () => {
    await insertUser(db, buildUser({ email: "a@example.test" }));
    await insertUser(db, buildUser({ email: "b@example.test" }));
    const one = (email: string) =>
      db.selectFrom("users").select("email").where("email", "=", email).executeTakeFirst();
    expect((await one("a@example.test"))?.email).toBe("a@example.test");
    expect((await one("b@example.test"))?.email).toBe("b@example.test");
  });
});
