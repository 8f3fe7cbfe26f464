import { describeEachDatabase } from "@cando/storage/test-support";
import { describe, expect, it } from "vitest";
import { buildTestApp, GOOD_PASSWORD, signedUp, TestClient, uniqueEmail } from "../test-support";
import { DEFAULT_AUTH_POLICY } from "./policy";
import { addressKey } from "./throttle";

/** What @hono/node-server hands the app for a socket from `address`. */
const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });
const WRONG = "not the password at all";

describeEachDatabase("login throttling", (db) => {
  it("slows one address guessing one account with growing delays; the owner elsewhere gets in", async () => {
    const { app, clock } = buildTestApp(db());
    const email = uniqueEmail("owner");
    await signedUp(app, email);
    const attacker = new TestClient(app, "http://localhost", from("203.0.113.66"));
    const login = (client: TestClient, password: string) =>
      client.post("/api/auth/login", { email, password });
    // Five free failures, then each failure makes the next wait: 1 s, 2 s, 4 s, …
    for (let i = 0; i < 6; i++) expect((await login(attacker, WRONG)).status).toBe(401);
    const held = await login(attacker, WRONG);
    expect(held.status).toBe(429);
    expect(held.body.error.code).toBe("too_many_attempts");
    expect(held.headers.get("retry-after")).toBe("1");
    // The right password is not checked while held either: guessing it now proves nothing.
    expect((await login(attacker, GOOD_PASSWORD)).status).toBe(429);
    clock.advanceSeconds(1);
    expect((await login(attacker, WRONG)).status).toBe(401);
    expect((await login(attacker, WRONG)).headers.get("retry-after")).toBe("2");
    // Meanwhile the owner, from their own address and a new browser, is not held back at all.
    const owner = new TestClient(app, "http://localhost", from("198.51.100.7"));
    expect((await login(owner, GOOD_PASSWORD)).status).toBe(200);
    // The delays are short at first and the owner's own mistakes are forgiven by a success.
    clock.advanceSeconds(2);
    expect((await login(attacker, GOOD_PASSWORD)).status).toBe(200);
  });

  it("does not hold back a device that logged in before, even at the attacker's address", async () => {
    const { app, clock } = buildTestApp(db());
    const email = uniqueEmail("owner");
    const shared = from("192.0.2.10"); // one office, one NAT address
    const owner = new TestClient(app, "http://localhost", shared);
    await owner.post("/api/auth/signup", { email, password: GOOD_PASSWORD });
    await owner.post("/api/auth/logout");
    expect(owner.device).toMatch(/^cando_device=v1\./);
    const attacker = new TestClient(app, "http://localhost", shared);
    let held = 0;
    for (let i = 0; i < 60; i++) {
      const res = await attacker.post("/api/auth/login", { email, password: WRONG });
      if (res.status === 429) held++;
      clock.advanceSeconds(1);
    }
    expect(held).toBeGreaterThan(20);
    expect(
      (await attacker.post("/api/auth/login", { email, password: GOOD_PASSWORD })).status,
    ).toBe(429);
    expect((await owner.post("/api/auth/login", { email, password: GOOD_PASSWORD })).status).toBe(
      200,
    );
    // A forged or foreign device cookie is just no device cookie.
    const forger = new TestClient(app, "http://localhost", shared);
    forger.device = `${owner.device?.slice(0, -3)}abc`;
    expect((await forger.post("/api/auth/login", { email, password: GOOD_PASSWORD })).status).toBe(
      429,
    );
  });

  it("counts failures only: the owner logging in again and again is never slowed", async () => {
    const { app } = buildTestApp(db());
    const email = uniqueEmail();
    await signedUp(app, email);
    const here = from("192.0.2.33");
    const client = new TestClient(app, "http://localhost", here);
    for (let i = 0; i < 12; i++) {
      // A fresh browser every time: no device cookie to lean on.
      const fresh = new TestClient(app, "http://localhost", here);
      expect((await fresh.post("/api/auth/login", { email, password: GOOD_PASSWORD })).status).toBe(
        200,
      );
    }
    // Four slips, a success, four more: the success forgave the first four.
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 4; i++) {
        expect((await client.post("/api/auth/login", { email, password: WRONG })).status).toBe(401);
      }
      client.device = undefined;
      expect(
        (await client.post("/api/auth/login", { email, password: GOOD_PASSWORD })).status,
      ).toBe(200);
      client.device = undefined;
    }
  });

  it("slows one address trying many accounts", async () => {
    const { app, clock } = buildTestApp(db(), {
      auth: {
        login: {
          ...DEFAULT_AUTH_POLICY.login,
          address: { ...DEFAULT_AUTH_POLICY.login.address, free: 3 },
        },
      },
    });
    const stuffer = new TestClient(app, "http://localhost", from("203.0.113.5"));
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await stuffer.post("/api/auth/login", { email: uniqueEmail(), password: WRONG });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    // Another address is untouched; the delay passes.
    const other = new TestClient(app, "http://localhost", from("203.0.113.6"));
    expect(
      (await other.post("/api/auth/login", { email: uniqueEmail(), password: WRONG })).status,
    ).toBe(401);
    clock.advanceSeconds(1);
    expect(
      (await stuffer.post("/api/auth/login", { email: uniqueEmail(), password: WRONG })).status,
    ).toBe(401);
  });

  it("slows guesses at one account spread over many addresses (a botnet)", async () => {
    const { app } = buildTestApp(db());
    const email = uniqueEmail();
    await signedUp(app, email);
    const statuses: number[] = [];
    for (let i = 0; i < 14; i++) {
      const bot = new TestClient(app, "http://localhost", from(`198.18.0.${i + 1}`));
      statuses.push((await bot.post("/api/auth/login", { email, password: WRONG })).status);
    }
    // Ten free failures for unknown devices, then the account makes the next one wait.
    expect(statuses.slice(0, 11)).toEqual(Array(11).fill(401));
    expect(statuses.slice(11)).toEqual([429, 429, 429]);
  });

  it("counts every guess of a parallel burst", async () => {
    const { app } = buildTestApp(db());
    const email = uniqueEmail();
    await signedUp(app, email);
    const burst = await Promise.all(
      Array.from({ length: 20 }, () =>
        new TestClient(app, "http://localhost", from("192.0.2.44")).post("/api/auth/login", {
          email,
          password: WRONG,
        }),
      ),
    );
    const checked = burst.filter((r) => r.status === 401).length;
    expect(checked).toBeLessThanOrEqual(6);
    expect(burst.filter((r) => r.status === 429).length).toBe(20 - checked);
  });

  it("keeps its counters in the database: another server process sees them", async () => {
    const first = buildTestApp(db());
    const second = buildTestApp(db());
    const email = uniqueEmail();
    await signedUp(first.app, email);
    for (let i = 0; i < 6; i++) {
      await new TestClient(first.app, "http://localhost", from("192.0.2.55")).post(
        "/api/auth/login",
        { email, password: WRONG },
      );
    }
    const res = await new TestClient(second.app, "http://localhost", from("192.0.2.55")).post(
      "/api/auth/login",
      {
        email,
        password: WRONG,
      },
    );
    expect(res.status).toBe(429);
  });

  it("takes the address from the right end of X-Forwarded-For behind a trusted proxy", async () => {
    const { app } = buildTestApp(db(), {
      deployment: { trustProxy: { kind: "count", hops: 1 } },
    });
    const email = uniqueEmail();
    await signedUp(app, email);
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      // The client invents a new left-hand entry every time; the proxy appends the real one.
      const res = await new TestClient(app, "http://localhost", from("127.0.0.1")).post(
        "/api/auth/login",
        { email, password: WRONG },
        { "x-forwarded-for": `10.9.8.${i}, 203.0.113.77` },
      );
      statuses.push(res.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 429, 429]);
  });
});

describeEachDatabase("sign-up limits", (db) => {
  it("limits sign-ups per address with growing delays, and says plainly when an email is taken", async () => {
    const { app, clock } = buildTestApp(db(), { auth: { signup: DEFAULT_AUTH_POLICY.signup } });
    const here = from("203.0.113.20");
    const taken = uniqueEmail("taken");
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await new TestClient(app, "http://localhost", here).post("/api/auth/signup", {
        email: i === 0 || i === 1 ? taken : uniqueEmail(),
        password: GOOD_PASSWORD,
      });
      statuses.push(res.status);
      if (i === 1) expect(res.body.error.code).toBe("email_taken");
    }
    expect(statuses).toEqual([201, 409, 201, 201, 201, 201, 429]);
    const elsewhere = new TestClient(app, "http://localhost", from("203.0.113.21"));
    expect(
      (await elsewhere.post("/api/auth/signup", { email: uniqueEmail(), password: GOOD_PASSWORD }))
        .status,
    ).toBe(201);
    clock.advanceSeconds(30);
    expect(
      (
        await new TestClient(app, "http://localhost", here).post("/api/auth/signup", {
          email: uniqueEmail(),
          password: GOOD_PASSWORD,
        })
      ).status,
    ).toBe(201);
  });
});

describe("addressKey", () => {
  it("counts IPv4 addresses alone and IPv6 addresses by their /64", () => {
    expect(addressKey("203.0.113.9")).toBe("203.0.113.9");
    expect(addressKey("2001:db8:1:2:aaaa::1")).toBe("2001:0db8:0001:0002::/64");
    expect(addressKey("2001:db8:1:2::ffff")).toBe(addressKey("2001:db8:1:2:ffff:1:2:3"));
    expect(addressKey("::1")).toBe("0000:0000:0000:0000::/64");
    expect(addressKey("unknown")).toBe("unknown");
  });
});
