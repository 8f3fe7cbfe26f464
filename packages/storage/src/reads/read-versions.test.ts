import { sql } from "kysely";
import { expect, it } from "vitest";
import { insertUser } from "../accounts/users";
import { insertDomains } from "../audits/domains";
import { insertGoal } from "../goals/goals";
import { buildDomain, buildGoal, buildUser, describeEachDatabase } from "../test-support";
import { readVersionOf } from "./read-versions";

describeEachDatabase("the read version", (db, kind) => {
  it("moves with every committed write to what a cached read shows, and not with a rolled-back one", async () => {
    const user = buildUser();
    await insertUser(db(), user);
    const domain = buildDomain(user.id);
    await insertDomains(db(), [domain]);
    const before = await readVersionOf(db(), user.id);

    // A bulk write: 200 goals in one transaction (an import writes thousands of rows so).
    await db()
      .transaction()
      .execute(async (trx) => {
        for (let i = 0; i < 200; i++) await insertGoal(trx, buildGoal(user.id, domain.id));
      });
    const afterBulk = await readVersionOf(db(), user.id);
    expect(afterBulk).toBeGreaterThan(before);
    // PostgreSQL bumps once per transaction and person: the row is not rewritten 200 times.
    if (kind === "postgres") expect(afterBulk).toBe(before + 1);

    // The next transaction bumps again, on whichever pooled connection it runs.
    for (let i = 0; i < 3; i++) {
      const was = await readVersionOf(db(), user.id);
      await db()
        .transaction()
        .execute((trx) => insertGoal(trx, buildGoal(user.id, domain.id)));
      expect(await readVersionOf(db(), user.id)).toBeGreaterThan(was);
    }

    // A write that is rolled back leaves the version as it was…
    const settled = await readVersionOf(db(), user.id);
    await expect(
      db()
        .transaction()
        .execute(async (trx) => {
          await insertGoal(trx, buildGoal(user.id, domain.id));
          throw new Error("changed my mind");
        }),
    ).rejects.toThrow("changed my mind");
    expect(await readVersionOf(db(), user.id)).toBe(settled);

    // …and a savepoint rolled back takes its bump with it: the write after it still bumps.
    await db()
      .transaction()
      .execute(async (trx) => {
        await sql`savepoint undone`.execute(trx);
        await insertGoal(trx, buildGoal(user.id, domain.id));
        await sql`rollback to savepoint undone`.execute(trx);
        await insertGoal(trx, buildGoal(user.id, domain.id));
      });
    expect(await readVersionOf(db(), user.id)).toBeGreaterThan(settled);
  });

  it("counts every one of many transactions committed in parallel (no lost bump)", async () => {
    const user = buildUser();
    await insertUser(db(), user);
    const domain = buildDomain(user.id);
    await insertDomains(db(), [domain]);
    const before = await readVersionOf(db(), user.id);
    // Twelve at once over a pool of ten (PostgreSQL, READ COMMITTED): each bump waits for the
    // row lock of the one before it and adds to what that one committed.
    await Promise.all(
      Array.from({ length: 12 }, () =>
        db()
          .transaction()
          .execute(async (trx) => {
            await insertGoal(trx, buildGoal(user.id, domain.id));
            await insertGoal(trx, buildGoal(user.id, domain.id));
          }),
      ),
    );
    const after = await readVersionOf(db(), user.id);
    if (kind === "postgres") expect(after).toBe(before + 12);
    // SQLite bumps per row written (two per transaction): it counts the same way, only more.
    else expect(after).toBe(before + 24);
  });
});
