import { createPasswordReset, findUserByEmail } from "@cando/storage";
import { describeEachDatabase } from "@cando/storage/test-support";
import { expect, it } from "vitest";
import { buildTestApp, GOOD_PASSWORD, signedUp, TestClient, uniqueEmail } from "../test-support";

const NEW_PASSWORD = "the kettle sings twice";

describeEachDatabase("password reset links and closed sign-up", (db) => {
  it("sets a new password once, within the hour, and ends every session", async () => {
    const { app, clock } = buildTestApp(db());
    const email = uniqueEmail();
    const ada = await signedUp(app, email);
    const user = await findUserByEmail(db(), email);
    const token = await createPasswordReset(db(), user?.id as string, clock.now());
    const anonymous = new TestClient(app);

    const weak = await anonymous.post("/api/account/reset-password", { token, password: "short" });
    expect(weak.status).toBe(400);
    expect(weak.body.error.fields[0].path).toBe("password");

    const res = await anonymous.post("/api/account/reset-password", {
      token,
      password: NEW_PASSWORD,
    });
    expect(res.status).toBe(204);
    expect((await ada.get("/api/me")).status).toBe(401);
    const login = (password: string) =>
      new TestClient(app).post("/api/auth/login", { email, password });
    expect((await login(GOOD_PASSWORD)).status).toBe(401);
    expect((await login(NEW_PASSWORD)).status).toBe(200);

    const reused = await anonymous.post("/api/account/reset-password", {
      token,
      password: "yet another long one",
    });
    expect(reused.status).toBe(400);
    expect(reused.body.error.fields[0].path).toBe("token");

    const late = await createPasswordReset(db(), user?.id as string, clock.now());
    clock.advanceMinutes(61);
    const expired = await anonymous.post("/api/account/reset-password", {
      token: late,
      password: "yet another long one",
    });
    expect(expired.status).toBe(400);
    expect((await login(NEW_PASSWORD)).status).toBe(200);
  });

  it("refuses sign-up when CANDO_SIGNUP=closed, and still lets people log in", async () => {
    const open = buildTestApp(db());
    const email = uniqueEmail();
    await signedUp(open.app, email);
    const { app } = buildTestApp(db(), { signup: "closed" });
    const res = await new TestClient(app).post("/api/auth/signup", {
      email: uniqueEmail(),
      password: GOOD_PASSWORD,
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("signup_closed");
    expect(
      (await new TestClient(app).post("/api/auth/login", { email, password: GOOD_PASSWORD }))
        .status,
    ).toBe(200);
  });
});
