import { expect, it } from "vitest";
import { insertUser } from "./accounts/users";
import { fixedQuery } from "./compiled";
import type { Db } from "./db";
import { buildUser, describeEachDatabase } from "./test-support";

const userByEmail = fixedQuery((db: Db, email: string) =>
  db.selectFrom("users").select(["id", "createdAt"]).where("email", "=", email),
);

describeEachDatabase("a fixed-shape query compiled once", (db) => {
  it("answers each call with its own parameters, camelCased like any query", async () => {
    const ada = buildUser();
    const bo = buildUser();
    await insertUser(db(), ada);
    await insertUser(db(), bo);
    expect(await userByEmail(db(), ada.email)).toEqual([{ id: ada.id, createdAt: ada.createdAt }]);
    expect(await userByEmail(db(), bo.email)).toEqual([{ id: bo.id, createdAt: bo.createdAt }]);
    expect(await userByEmail(db(), "nobody@example.test")).toEqual([]);
    // Inside a transaction too (the same compiled text on the transaction's connection).
    await db()
      .transaction()
      .execute(async (trx) => {
        expect(await userByEmail(trx, bo.email)).toEqual([{ id: bo.id, createdAt: bo.createdAt }]);
      });
  });

  it("refuses a query whose parameters are not its arguments in order", async () => {
    const wrong = fixedQuery((d: Db, email: string) =>
      d.selectFrom("users").select("id").where("email", "=", `${email}!`),
    );
    await expect(wrong(db(), "a@example.test")).rejects.toThrow(/parameters/);
  });
});
