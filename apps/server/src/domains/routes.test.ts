import { listDomains } from "@cando/storage";
import { describeEachDatabase } from "@cando/storage/test-support";
import { expect, it } from "vitest";
import { buildTestApp, signedUp, TestClient } from "../test-support";

describeEachDatabase("domains API", (db) => {
  it("gives every new person the five life domains, in order", async () => {
    const { app } = buildTestApp(db());
    const res = await (await signedUp(app)).get("/api/domains");
    expect(res.status).toBe(200);
    expect(res.body.domains.map((d: { key: string; name: string }) => [d.key, d.name])).toEqual([
      ["career", "Career"],
      ["health", "Health"],
      ["relationships", "Relationships"],
      ["learning", "Learning new skills"],
      ["finances", "Finances"],
    ]);
  });

  it("adds, renames, archives and restores the person's own domain", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const created = await ada.post("/api/domains", { name: "  Public speaking " });
    expect(created.status).toBe(201);
    expect(created.body.domain).toMatchObject({ name: "Public speaking", key: null, position: 5 });
    const id = created.body.domain.id;
    const renamed = await ada.patch(`/api/domains/${id}`, { name: "Speaking" });
    expect(renamed.body.domain.name).toBe("Speaking");
    const archived = await ada.patch(`/api/domains/${id}`, { archived: true });
    expect(archived.body.domain.archivedAt).toBe("2026-11-22T09:00:00.000Z");
    const restored = await ada.patch(`/api/domains/${id}`, { archived: false });
    expect(restored.body.domain.archivedAt).toBeNull();
  });

  it.each([
    [{ name: "" }, "name", "is required"],
    [{ name: "   " }, "name", "is required"],
    [{ name: "x".repeat(61) }, "name", "at most 60"],
    [{ name: 7 }, "name", "is required"],
    [{ name: "career" }, "name", "already have a domain"],
    [{}, "name", "is required"],
  ])(
    "refuses a bad new domain %j naming the field, and stores nothing",
    async (body, path, message) => {
      const { app } = buildTestApp(db());
      const ada = await signedUp(app);
      const res = await ada.post("/api/domains", body);
      expect(res.status).toBe(400);
      expect(res.body.error.fields).toContainEqual({
        path,
        message: expect.stringContaining(message),
      });
      expect((await ada.get("/api/domains")).body.domains).toHaveLength(5);
    },
  );

  it("refuses an empty or ill-typed update, and archiving the last active domain", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const domains = (await ada.get("/api/domains")).body.domains as { id: string }[];
    const first = domains[0]?.id;
    expect((await ada.patch(`/api/domains/${first}`, {})).status).toBe(400);
    const typed = await ada.patch(`/api/domains/${first}`, { archived: "yes" });
    expect(typed.body.error.fields[0]).toEqual({
      path: "archived",
      message: "must be true or false",
    });
    for (const d of domains.slice(1)) await ada.patch(`/api/domains/${d.id}`, { archived: true });
    const last = await ada.patch(`/api/domains/${first}`, { archived: true });
    expect(last.status).toBe(400);
    expect(last.body.error.fields[0].path).toBe("archived");
  });

  it("treats another person's domain as missing and leaves it untouched", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const bob = await signedUp(app);
    const adaDomain = (await ada.get("/api/domains")).body.domains[0];
    const res = await bob.patch(`/api/domains/${adaDomain.id}`, { name: "Bob's now" });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("domain_not_found");
    const missing = await bob.patch("/api/domains/does-not-exist", { name: "x" });
    expect(missing.body).toEqual(res.body);
    const adaId = (await ada.get("/api/me")).body.user.id;
    expect((await listDomains(db(), adaId))[0]?.name).toBe("Career");
  });

  it("refuses anonymous callers on every domain route", async () => {
    const { app } = buildTestApp(db());
    const anonymous = new TestClient(app);
    for (const [method, path, body] of [
      ["GET", "/api/domains", undefined],
      ["POST", "/api/domains", { name: "x" }],
      ["PATCH", "/api/domains/any", { name: "x" }],
    ] as const) {
      const res = await anonymous.call(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(401);
    }
  });
});
