import { insertUser } from "@cando/storage";
import { buildUser, describeEachDatabase } from "@cando/storage/test-support";
import { expect, it } from "vitest";
import { ReadCache } from "./cache";

describeEachDatabase("the read cache", (db) => {
  it("computes once for requests that miss together, then serves the value until a write", async () => {
    const user = buildUser();
    await insertUser(db(), user);
    const cache = new ReadCache();
    let computed = 0;
    const compute = async () => {
      computed++;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return { computed };
    };
    const together = await Promise.all(
      Array.from({ length: 10 }, () => cache.get(db(), user.id, "insights", compute)),
    );
    expect(computed).toBe(1);
    expect(together.every((v) => v.computed === 1)).toBe(true);
    expect(await cache.get(db(), user.id, "insights", compute)).toEqual({ computed: 1 });
    expect(computed).toBe(1);
  });

  it("lets a failed computation fail its waiters, and tries again on the next request", async () => {
    const user = buildUser();
    await insertUser(db(), user);
    const cache = new ReadCache();
    let calls = 0;
    const failing = async () => {
      calls++;
      await new Promise((resolve) => setTimeout(resolve, 10));
      throw new Error("database is away");
    };
    const results = await Promise.allSettled(
      Array.from({ length: 3 }, () => cache.get(db(), user.id, "insights", failing)),
    );
    expect(results.every((r) => r.status === "rejected")).toBe(true);
    expect(calls).toBe(1);
    expect(await cache.get(db(), user.id, "insights", async () => "fine")).toBe("fine");
  });
});
