import {
  countRowsOf,
  insertPasswordReset,
  OWNERSHIP,
  sqlTableName,
  type TableName,
} from "@cando/storage";
import { describeEachDatabase } from "@cando/storage/test-support";
import { sql } from "kysely";
import { expect, it } from "vitest";
import { buildTestApp, GOOD_PASSWORD, signedUp, TestClient, uniqueEmail } from "../test-support";
import { deleteSomething, seedHistory } from "./history-fixture";

const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
const NEW_PASSWORD = "another quiet morning";

async function loggedIn(client: TestClient, email: string, password = GOOD_PASSWORD) {
  return client.post("/api/auth/login", { email, password }, { "user-agent": FIREFOX });
}

describeEachDatabase("account API", (db) => {
  it("shows the account with default settings, and changes time zone and first day", async () => {
    const { app } = buildTestApp(db());
    const email = uniqueEmail();
    const ada = await signedUp(app, email);
    const res = await ada.get("/api/account");
    expect(res.status).toBe(200);
    expect(res.body.account).toMatchObject({
      email,
      settings: { timeZone: null, weekStartsOn: 1 },
    });
    const changed = await ada.patch("/api/account/settings", { timeZone: "America/New_York" });
    expect(changed.body.account.settings).toEqual({
      timeZone: "America/New_York",
      weekStartsOn: 1,
    });
    const day = await ada.patch("/api/account/settings", { weekStartsOn: 0 });
    expect(day.body.account.settings).toEqual({ timeZone: "America/New_York", weekStartsOn: 0 });

    const bad = await ada.patch("/api/account/settings", {
      timeZone: "Mars/Olympus",
      weekStartsOn: 7,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      "timeZone",
      "weekStartsOn",
    ]);
    expect((await ada.get("/api/account")).body.account.settings.weekStartsOn).toBe(0);
    expect((await new TestClient(app).get("/api/account")).status).toBe(401);
  });

  it("changes the password only with the current one, and ends every other session", async () => {
    const { app } = buildTestApp(db());
    const email = uniqueEmail();
    const ada = await signedUp(app, email);
    const phone = new TestClient(app);
    expect((await loggedIn(phone, email)).status).toBe(200);

    const wrong = await ada.post("/api/account/password", {
      currentPassword: "not my password at all",
      newPassword: NEW_PASSWORD,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields).toEqual([
      { path: "currentPassword", message: "is not your password" },
    ]);
    expect((await phone.get("/api/me")).status).toBe(200);

    const weak = await ada.post("/api/account/password", {
      currentPassword: GOOD_PASSWORD,
      newPassword: "short",
    });
    expect(weak.status).toBe(400);
    expect(weak.body.error.fields[0].path).toBe("newPassword");

    const res = await ada.post("/api/account/password", {
      currentPassword: GOOD_PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(res.status).toBe(200);
    expect(res.body.ended).toBe(1);
    expect((await phone.get("/api/me")).status).toBe(401);
    expect((await ada.get("/api/me")).status).toBe(200);
    expect((await loggedIn(new TestClient(app), email)).status).toBe(401);
    expect((await loggedIn(new TestClient(app), email, NEW_PASSWORD)).status).toBe(200);
  });

  it("lists sessions with their device, and ends one or all the others", async () => {
    const { app, clock } = buildTestApp(db());
    const email = uniqueEmail();
    const ada = await signedUp(app, email);
    clock.advanceMinutes(10);
    const laptop = new TestClient(app);
    await loggedIn(laptop, email);
    clock.advanceMinutes(10);
    const tablet = new TestClient(app);
    await loggedIn(tablet, email);

    const list = await ada.get("/api/account/sessions");
    expect(list.status).toBe(200);
    const sessions = list.body.sessions as { id: string; device: string; current: boolean }[];
    expect(sessions).toHaveLength(3);
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    expect(sessions.filter((s) => s.device === "Firefox on Linux")).toHaveLength(2);
    const tabletSession = sessions[0] as { id: string }; // most recently seen first

    // Another person cannot see or end Ada's sessions.
    const bea = await signedUp(app);
    expect((await bea.get("/api/account/sessions")).body.sessions).toHaveLength(1);
    expect((await bea.call("DELETE", `/api/account/sessions/${tabletSession.id}`)).status).toBe(
      404,
    );
    expect((await tablet.get("/api/me")).status).toBe(200);

    expect((await ada.call("DELETE", `/api/account/sessions/${tabletSession.id}`)).status).toBe(
      204,
    );
    expect((await tablet.get("/api/me")).status).toBe(401);
    expect((await laptop.get("/api/me")).status).toBe(200);

    const others = await ada.post("/api/account/sessions/end-others");
    expect(others.body.ended).toBe(1);
    expect((await laptop.get("/api/me")).status).toBe(401);
    expect((await ada.get("/api/account/sessions")).body.sessions).toHaveLength(1);
  });

  it("changes the email with the password; a taken email is a 409", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const beaEmail = uniqueEmail("bea");
    await signedUp(app, beaEmail);
    const wrong = await ada.post("/api/account/email", { email: uniqueEmail(), password: "nope" });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields[0].path).toBe("password");
    const taken = await ada.post("/api/account/email", {
      email: beaEmail,
      password: GOOD_PASSWORD,
    });
    expect(taken.status).toBe(409);
    const next = uniqueEmail("ada-new");
    const res = await ada.post("/api/account/email", {
      email: ` ${next.toUpperCase()} `,
      password: GOOD_PASSWORD,
    });
    expect(res.status).toBe(200);
    expect(res.body.account.email).toBe(next);
    expect((await loggedIn(new TestClient(app), next)).status).toBe(200);
  });

  it("deletes the account with the password: none of that person's rows remain, nobody else's go", async () => {
    const { app, clock } = buildTestApp(db());
    const email = uniqueEmail("ada");
    const ada = await signedUp(app, email);
    await seedHistory(ada, clock);
    const phone = new TestClient(app);
    await loggedIn(phone, email);
    const bea = await signedUp(app);
    await seedHistory(bea, clock);
    // Last, so the clock jumps of the seeding do not let the undo window pass.
    await deleteSomething(ada);
    await deleteSomething(bea);
    const adaId = (await ada.get("/api/me")).body.user.id as string;
    const beaId = (await bea.get("/api/me")).body.user.id as string;
    await insertPasswordReset(db(), {
      id: "reset-of-ada",
      userId: adaId,
      createdAt: clock.now().toISOString(),
      expiresAt: "2027-01-01T00:00:00.000Z",
      usedAt: null,
    });
    const adaBefore = await countRowsOf(db(), adaId);
    // The fixture gives Ada rows in every table, so "none remain" below means something.
    for (const table of Object.keys(adaBefore) as TableName[]) {
      expect(adaBefore[table], table).toBeGreaterThan(0);
    }
    const beaBefore = await countRowsOf(db(), beaId);
    const totals = async () => {
      const counts: Partial<Record<TableName, number>> = {};
      for (const table of Object.keys(OWNERSHIP) as TableName[]) {
        const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(
          sqlTableName(table),
        )}`.execute(db());
        counts[table] = Number(rows[0]?.n);
      }
      return counts;
    };
    const totalsBefore = await totals();

    const wrong = await ada.post("/api/account/delete", { password: "not the password" });
    expect(wrong.status).toBe(400);
    expect(await countRowsOf(db(), adaId)).toEqual(adaBefore);

    const res = await ada.post("/api/account/delete", { password: GOOD_PASSWORD });
    expect(res.status).toBe(204);
    expect(res.headers.get("set-cookie")).toMatch(/cando_session=;/);
    expect((await ada.get("/api/me")).status).toBe(401);
    expect((await phone.get("/api/me")).status).toBe(401);
    expect((await loggedIn(new TestClient(app), email)).status).toBe(401);

    const after = await countRowsOf(db(), adaId);
    for (const table of Object.keys(after) as TableName[]) expect(after[table], table).toBe(0);
    // Exactly Ada's rows left each table: nothing of hers is orphaned, nobody else's went.
    expect(await countRowsOf(db(), beaId)).toEqual(beaBefore);
    const totalsAfter = await totals();
    for (const table of Object.keys(OWNERSHIP) as TableName[]) {
      expect(totalsAfter[table], table).toBe((totalsBefore[table] ?? 0) - adaBefore[table]);
    }
    // The email is free again.
    expect(
      (await new TestClient(app).post("/api/auth/signup", { email, password: GOOD_PASSWORD }))
        .status,
    ).toBe(201);
  });
});
