import { findUserByEmail } from "@cando/storage";
import { describeEachDatabase } from "@cando/storage/test-support";
import { describe, expect, it } from "vitest";
import { buildTestApp, GOOD_PASSWORD, signedUp, TestClient, uniqueEmail } from "../test-support";

describeEachDatabase("accounts API", (db) => {
  it("signs up, sets an HttpOnly SameSite=Lax session cookie, and knows who you are", async () => {
    const { app } = buildTestApp(db());
    const client = new TestClient(app);
    const email = uniqueEmail("ada");
    const res = await client.post("/api/auth/signup", {
      email: email.toUpperCase(),
      password: GOOD_PASSWORD,
    });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ email, createdAt: "2026-11-22T09:00:00.000Z" });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("cando_session=")) ?? "";
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    expect((await client.get("/api/me")).body.user.email).toBe(email);
    const stored = await findUserByEmail(db(), email);
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it("over HTTPS names its cookies __Host- and marks them Secure, and they work", async () => {
    const { app } = buildTestApp(db(), { deployment: { https: true } });
    const client = new TestClient(app);
    const res = await client.post("/api/auth/signup", {
      email: uniqueEmail(),
      password: GOOD_PASSWORD,
    });
    const cookies = res.headers.getSetCookie();
    expect(cookies).toHaveLength(2);
    for (const cookie of cookies) {
      expect(cookie).toMatch(/^__Host-cando_(session|device)=[^;]+; /);
      expect(cookie).toMatch(/; Path=\/(;|$)/);
      expect(cookie).toMatch(/; Secure/);
      expect(cookie).toMatch(/; HttpOnly/);
      expect(cookie).not.toMatch(/Domain=/i);
    }
    expect((await client.get("/api/me")).status).toBe(200);
    const plain = new TestClient(app);
    plain.cookie = client.cookie?.replace("__Host-", "");
    expect((await plain.get("/api/me")).status).toBe(401);
  });

  it.each([
    [{ email: "not-an-email", password: GOOD_PASSWORD }, "email", "must be an email address"],
    [{ email: "x@example.test", password: "short" }, "password", "must be at least 10 characters"],
    [{ email: "x@example.test", password: "Password123" }, "password", "is too common"],
    [{ email: "x@example.test" }, "password", "is required"],
    [{ email: 42, password: GOOD_PASSWORD }, "email", "is required"],
    [{ email: "x@example.test", password: "x".repeat(300) }, "password", "at most 256"],
  ])(
    "refuses a bad sign-up %j naming the field, and stores nothing",
    async (body, path, message) => {
      const { app } = buildTestApp(db());
      const res = await new TestClient(app).post("/api/auth/signup", body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("validation_failed");
      const field = res.body.error.fields.find((f: { path: string }) => f.path === path);
      expect(field?.message).toContain(message);
      expect(await findUserByEmail(db(), "x@example.test")).toBeUndefined();
    },
  );

  it("refuses a second account for the same email, whatever its case", async () => {
    const { app } = buildTestApp(db());
    const email = uniqueEmail();
    await signedUp(app, email);
    const res = await new TestClient(app).post("/api/auth/signup", {
      email: email.toUpperCase(),
      password: GOOD_PASSWORD,
    });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: "email_taken", fields: [{ path: "email" }] });
  });

  it("logs in with a new session id and retires the one the browser had", async () => {
    const { app } = buildTestApp(db());
    const email = uniqueEmail();
    const client = await signedUp(app, email);
    const before = client.cookie;
    const res = await client.post("/api/auth/login", { email, password: GOOD_PASSWORD });
    expect(res.status).toBe(200);
    expect(client.cookie).toBeDefined();
    expect(client.cookie).not.toBe(before);
    const stale = new TestClient(app);
    stale.cookie = before;
    expect((await stale.get("/api/me")).status).toBe(401);
    expect((await client.get("/api/me")).status).toBe(200);
  });

  it("gives the same answer for a wrong password and an unknown email", async () => {
    const { app } = buildTestApp(db());
    const email = uniqueEmail();
    await signedUp(app, email);
    const wrong = await new TestClient(app).post("/api/auth/login", {
      email,
      password: "not the password",
    });
    const unknown = await new TestClient(app).post("/api/auth/login", {
      email: uniqueEmail("nobody"),
      password: "not the password",
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.code).toBe("invalid_credentials");
  });

  it("logs out: the session ends on the server and the cookie is cleared", async () => {
    const { app } = buildTestApp(db());
    const client = await signedUp(app);
    const cookie = client.cookie;
    const res = await client.post("/api/auth/logout");
    expect(res.status).toBe(204);
    expect(client.cookie).toBeUndefined();
    const replay = new TestClient(app);
    replay.cookie = cookie;
    expect((await replay.get("/api/me")).status).toBe(401);
  });

  it("refuses anonymous and forged-cookie callers", async () => {
    const { app } = buildTestApp(db());
    const anonymous = new TestClient(app);
    expect((await anonymous.get("/api/me")).body.error.code).toBe("unauthenticated");
    anonymous.cookie = "cando_session=forged";
    expect((await anonymous.get("/api/me")).status).toBe(401);
  });
});

describe("sign-up from another site", () => {
  it("is refused by the Origin check and creates nothing", async () => {
    const { openTestDatabase } = await import("@cando/storage/test-support");
    const test = await openTestDatabase("sqlite");
    const { app } = buildTestApp(test.db);
    const evil = new TestClient(app, "https://evil.example");
    const res = await evil.post("/api/auth/signup", {
      email: "victim@example.test",
      password: GOOD_PASSWORD,
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("csrf_rejected");
    expect(await findUserByEmail(test.db, "victim@example.test")).toBeUndefined();
    await test.close();
  });
});
