import { describeEachDatabase } from "@cando/storage/test-support";
import { expect, it } from "vitest";
import { buildTestApp, GOOD_PASSWORD, signedUp, TestClient, uniqueEmail } from "../test-support";
import { HSTS } from "./headers";

describeEachDatabase("the edge: origins, hosts and headers", (db) => {
  it.each([
    "https://localhost",
    "HTTP://LOCALHOST",
    "http://LOCALHOST",
    "http://localhost/",
    "ws://localhost",
    "http://localhost:8080",
    "http://localhost.evil.example",
    "http://evil.example",
    "null",
    "",
  ])("refuses a state change with Origin %j and stores nothing", async (origin) => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const res = await ada.post("/api/domains", { name: "Cooking" }, { origin });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: "csrf_rejected", fields: [] });
    const names = (await ada.get("/api/domains")).body.domains.map((d: { name: string }) => d.name);
    expect(names).not.toContain("Cooking");
  });

  it("accepts exactly the public origin", async () => {
    const { app } = buildTestApp(db(), {
      deployment: { origins: ["https://cando.example.org"], hosts: ["cando.example.org"] },
    });
    const client = new TestClient(app, "https://cando.example.org");
    const url = (path: string) => `https://cando.example.org${path}`;
    const signup = await client.post(url("/api/auth/signup"), {
      email: uniqueEmail(),
      password: GOOD_PASSWORD,
    });
    expect(signup.status).toBe(201);
    expect((await client.post(url("/api/domains"), { name: "Chess" })).status).toBe(201);
    const http = await client.post(
      url("/api/domains"),
      { name: "Go" },
      { origin: "http://cando.example.org" },
    );
    expect(http.status).toBe(403);
  });

  it("refuses requests addressed to another host, even with a matching Origin", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    for (const [method, origin] of [
      ["GET", undefined],
      ["POST", "http://rebound.evil.example"],
    ] as const) {
      const res = await app.request("http://rebound.evil.example/api/domains", {
        method,
        headers: {
          cookie: ada.cookie ?? "",
          "content-type": "application/json",
          ...(origin ? { origin } : {}),
        },
        ...(method === "POST" ? { body: JSON.stringify({ name: "Rebound" }) } : {}),
      });
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("host_rejected");
    }
    expect((await ada.get("/api/domains")).body.domains).toHaveLength(5);
  });

  it("sends no-store on every API answer, errors included, but lets assets be cached", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    for (const res of [
      await ada.get("/api/domains"),
      await ada.get("/api/goals/nope"),
      await new TestClient(app).get("/api/me"),
      await ada.post("/api/domains", { name: 3 }),
      await new TestClient(app).get("/api/health"),
    ]) {
      expect(res.headers.get("cache-control")).toBe("no-store");
    }
  });

  it("sends a Permissions-Policy, one frame rule, and HSTS only over HTTPS", async () => {
    const plain = buildTestApp(db());
    const res = await new TestClient(plain.app).get("/api/health");
    expect(res.headers.get("permissions-policy")).toMatch(
      /camera=\(\), microphone=\(\), geolocation=\(\)/,
    );
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("strict-transport-security")).toBeNull();
    const secure = buildTestApp(db(), { deployment: { https: true } });
    const overTls = await new TestClient(secure.app).get("/api/health");
    expect(overTls.headers.get("strict-transport-security")).toBe(HSTS);
  });
});
