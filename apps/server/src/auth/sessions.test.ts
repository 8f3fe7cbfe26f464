import { describeEachDatabase } from "@cando/storage/test-support";
import { sql } from "kysely";
import { expect, it } from "vitest";
import { buildTestApp, GOOD_PASSWORD, signedUp, TestClient, uniqueEmail } from "../test-support";
import { DEFAULT_AUTH_POLICY } from "./policy";

const DAY = 86_400_000;
const REAL = { auth: { session: DEFAULT_AUTH_POLICY.session } };

describeEachDatabase("session lifetimes", (db) => {
  it("ends a session left idle for 7 days, and slides it while in use", async () => {
    const { app, clock } = buildTestApp(db(), REAL);
    const active = await signedUp(app);
    const idle = await signedUp(app);
    clock.advanceDays(3);
    expect((await active.get("/api/me")).status).toBe(200);
    expect((await idle.get("/api/me")).status).toBe(200);
    clock.advanceDays(5);
    expect((await active.get("/api/me")).status).toBe(200); // seen 5 days ago
    clock.advanceDays(7.1);
    expect((await idle.get("/api/me")).status).toBe(401); // 7.1 idle days
    expect((await active.get("/api/me")).status).toBe(401); // 7.1 idle days too
  });

  it("ends even a busy session 30 days after login", async () => {
    const { app, clock } = buildTestApp(db(), REAL);
    const busy = await signedUp(app);
    for (let day = 1; day < 30; day++) {
      clock.advanceDays(1);
      expect((await busy.get("/api/me")).status).toBe(200);
    }
    clock.advanceDays(1);
    expect((await busy.get("/api/me")).status).toBe(401);
    expect(busy.cookie).toBeDefined(); // the browser still holds it; the server refuses it
  });

  it("honours shorter timeouts (e.g. ASVS level 2: 30 idle minutes, 12 hours)", async () => {
    const { app, clock } = buildTestApp(db(), {
      auth: { session: { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 } },
    });
    const person = await signedUp(app);
    for (let i = 0; i < 24; i++) {
      clock.advanceMinutes(29);
      expect((await person.get("/api/me")).status).toBe(200);
    }
    clock.advanceMinutes(29);
    expect((await person.get("/api/me")).status).toBe(401); // 12 h 5 min after login
    const idle = await signedUp(app);
    clock.advanceMinutes(31);
    expect((await idle.get("/api/me")).status).toBe(401);
  });

  it("purges expired sessions when someone logs in", async () => {
    const { app, clock } = buildTestApp(db(), REAL);
    const email = uniqueEmail();
    await signedUp(app, email);
    await signedUp(app);
    const count = async () =>
      Number(
        (await sql<{ n: number }>`select count(*) as n from sessions`.execute(db())).rows[0]?.n,
      );
    const before = await count();
    clock.advanceDays(DEFAULT_AUTH_POLICY.session.absoluteMs / DAY + 1);
    const res = await new TestClient(app).post("/api/auth/login", {
      email,
      password: GOOD_PASSWORD,
    });
    expect(res.status).toBe(200);
    const after = await count();
    expect(before).toBeGreaterThanOrEqual(2);
    expect(after).toBe(1);
  });
});
