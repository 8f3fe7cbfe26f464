import { describe, expect, it } from "vitest";
import { describeEachDatabase } from "../test-support";
import { serverSecret } from "./secrets";
import {
  claimThrottle,
  clearThrottle,
  deleteStaleThrottles,
  findThrottle,
  type ThrottleRule,
  throttleDelayMs,
  unclaimThrottle,
} from "./throttles";

const rule: ThrottleRule = {
  free: 3,
  baseDelayMs: 1000,
  maxDelayMs: 8000,
  resetAfterMs: 3_600_000,
};
const t0 = Date.parse("2026-12-07T07:00:00.000Z");
const at = (ms: number) => new Date(t0 + ms);

describe("throttleDelayMs", () => {
  it("lets the free attempts through, then doubles the wait up to the cap", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 100].map((n) => throttleDelayMs(rule, n))).toEqual([
      0, 0, 0, 1000, 2000, 4000, 8000, 8000, 8000,
    ]);
  });
});

describeEachDatabase("throttles", (db) => {
  it("counts attempts and makes the next wait once past the free ones", async () => {
    for (let i = 1; i <= 4; i++) {
      expect(await claimThrottle(db(), "k1", rule, at(0))).toEqual({ ok: true, count: i });
    }
    expect(await claimThrottle(db(), "k1", rule, at(500))).toEqual({
      ok: false,
      retryAfterMs: 500,
    });
    expect(await claimThrottle(db(), "k1", rule, at(1000))).toEqual({ ok: true, count: 5 });
    expect(await claimThrottle(db(), "k1", rule, at(2999))).toMatchObject({ ok: false });
    expect(await claimThrottle(db(), "k1", rule, at(3000))).toEqual({ ok: true, count: 6 });
  });

  it("starts again after a quiet hour, and gives back or forgets attempts", async () => {
    for (let i = 0; i < 5; i++) await claimThrottle(db(), "k2", rule, at(i * 10_000));
    expect(await claimThrottle(db(), "k2", rule, at(3_700_000))).toEqual({ ok: true, count: 1 });
    await unclaimThrottle(db(), "k2");
    expect((await findThrottle(db(), "k2"))?.count).toBe(0);
    await clearThrottle(db(), "k2");
    expect(await findThrottle(db(), "k2")).toBeUndefined();
  });

  it("counts every one of a burst of parallel claims exactly once", async () => {
    const claims = await Promise.all(
      Array.from({ length: 12 }, () => claimThrottle(db(), "burst", rule, at(0))),
    );
    const granted = claims.filter((c) => c.ok);
    // The free attempts and the first one past them; the rest must wait.
    expect(granted.length).toBeLessThanOrEqual(rule.free + 1);
    expect(granted.length).toBeGreaterThanOrEqual(1);
    expect((await findThrottle(db(), "burst"))?.count).toBe(granted.length);
  });

  it("purges counters that are quiet and hold nobody back", async () => {
    await claimThrottle(db(), "old", rule, at(0));
    await claimThrottle(db(), "new", rule, at(7_200_000));
    const purged = await deleteStaleThrottles(
      db(),
      at(3_600_000).toISOString(),
      at(7_200_000).toISOString(),
    );
    expect(purged).toBeGreaterThanOrEqual(1);
    expect(await findThrottle(db(), "old")).toBeUndefined();
    expect(await findThrottle(db(), "new")).toBeDefined();
  });

  it("makes a server secret once and returns the same one to every caller", async () => {
    const first = await serverSecret(db(), "device", () => "one", at(0).toISOString());
    const second = await serverSecret(db(), "device", () => "two", at(1).toISOString());
    expect([first, second]).toEqual(["one", "one"]);
  });
});
