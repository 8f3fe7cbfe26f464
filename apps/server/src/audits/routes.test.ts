import { describeEachDatabase } from "@cando/storage/test-support";
import { expect, it } from "vitest";
import { buildTestApp, signedUp, type TestClient } from "../test-support";

type DomainJson = { id: string; name: string };

async function domainsOf(client: TestClient): Promise<DomainJson[]> {
  return (await client.get("/api/domains")).body.domains;
}

function fullAudit(domains: DomainJson[], rating = 50) {
  return { ratings: domains.map((d) => ({ domainId: d.id, rating })) };
}

describeEachDatabase("audits API", (db) => {
  it("says the first audit is due, saves one atomically, then says when the next is due", async () => {
    const { app, clock } = buildTestApp(db());
    const ada = await signedUp(app);
    const before = await ada.get("/api/audits");
    expect(before.body).toEqual({
      audits: [],
      due: { due: true, lastTakenAt: null, nextDueAt: null, reason: "none_yet" },
      nextCursor: null,
    });
    const domains = await domainsOf(ada);
    const saved = await ada.post("/api/audits", {
      ratings: domains.map((d, i) => ({ domainId: d.id, rating: i * 20 })),
      note: "first look",
    });
    expect(saved.status).toBe(201);
    expect(saved.body.audit).toMatchObject({
      takenAt: "2026-11-22T09:00:00.000Z",
      note: "first look",
    });
    expect(saved.body.audit.ratings).toEqual(
      domains.map((d, i) => ({ domainId: d.id, rating: i * 20 })),
    );

    const after = await ada.get("/api/audits");
    expect(after.body.audits).toEqual([saved.body.audit]);
    expect(after.body.due).toMatchObject({ due: false, nextDueAt: "2026-12-22T09:00:00.000Z" });
    clock.advanceDays(20); // visit in between: 30 idle days would also end the session
    expect((await ada.get("/api/audits")).body.due.due).toBe(false);
    clock.advanceDays(10);
    expect((await ada.get("/api/audits")).body.due).toMatchObject({
      due: true,
      reason: "over_interval",
    });
    const shown = await ada.get(`/api/audits/${saved.body.audit.id}`);
    expect(shown.body.audit).toEqual(saved.body.audit);
  });

  it.each([
    [
      "a rating of 105",
      (d: DomainJson[]) => ({ ratings: [{ domainId: d[0]?.id, rating: 105 }] }),
      "ratings.0.rating",
      "at most 100",
    ],
    [
      "a rating of 33",
      (d: DomainJson[]) => ({ ratings: [{ domainId: d[0]?.id, rating: 33 }] }),
      "ratings.0.rating",
      "multiple of 10",
    ],
    [
      "a negative rating",
      (d: DomainJson[]) => ({ ratings: [{ domainId: d[0]?.id, rating: -10 }] }),
      "ratings.0.rating",
      "at least 0",
    ],
    [
      "a rating as text",
      (d: DomainJson[]) => ({ ratings: [{ domainId: d[0]?.id, rating: "50" }] }),
      "ratings.0.rating",
      "must be a number",
    ],
    [
      "a missing rating",
      (d: DomainJson[]) => ({ ratings: [{ domainId: d[0]?.id }] }),
      "ratings.0.rating",
      "must be a number",
    ],
    ["no ratings at all", () => ({}), "ratings", "must be a list"],
    ["an empty list", () => ({ ratings: [] }), "ratings", "at least one"],
    [
      "an unknown domain",
      (d: DomainJson[]) => ({
        ratings: [...fullAudit(d).ratings, { domainId: "nope", rating: 50 }],
      }),
      "ratings.5.domainId",
      "not one of your domains",
    ],
    [
      "a domain rated twice",
      (d: DomainJson[]) => ({
        ratings: [...fullAudit(d).ratings, { domainId: d[0]?.id, rating: 50 }],
      }),
      "ratings.5.domainId",
      "rated twice",
    ],
    [
      "a domain left out",
      (d: DomainJson[]) => fullAudit(d.slice(1)),
      "ratings",
      "missing a rating for Career",
    ],
    [
      "a note too long",
      (d: DomainJson[]) => ({ ...fullAudit(d), note: "x".repeat(2001) }),
      "note",
      "at most 2000",
    ],
  ])(
    "refuses %s with 400 naming the field, and stores nothing",
    async (_label, body, path, message) => {
      const { app } = buildTestApp(db());
      const ada = await signedUp(app);
      const res = await ada.post("/api/audits", body(await domainsOf(ada)));
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("validation_failed");
      expect(res.body.error.fields).toContainEqual({
        path,
        message: expect.stringContaining(message),
      });
      expect((await ada.get("/api/audits")).body.audits).toEqual([]);
    },
  );

  it("asks only about active domains, and refuses a rating for an archived one", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const domains = await domainsOf(ada);
    const health = domains[1] as DomainJson;
    await ada.patch(`/api/domains/${health.id}`, { archived: true });
    const withArchived = await ada.post("/api/audits", fullAudit(domains));
    expect(withArchived.body.error.fields).toContainEqual({
      path: "ratings.1.domainId",
      message: "is archived",
    });
    const active = domains.filter((d) => d.id !== health.id);
    expect((await ada.post("/api/audits", fullAudit(active))).status).toBe(201);
  });

  it("answers a saved audit exactly as it reads back, whatever order the ratings came in", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const domains = await domainsOf(ada);
    const saved = await ada.post("/api/audits", {
      ratings: domains.map((d, i) => ({ domainId: d.id, rating: (i + 1) * 10 })).reverse(),
    });
    expect(saved.status).toBe(201);
    expect(saved.body.audit.ratings.map((r: { domainId: string }) => r.domainId)).toEqual(
      domains.map((d) => d.id),
    );
    expect(saved.body.audit.note).toBeNull();
    expect((await ada.get(`/api/audits/${saved.body.audit.id}`)).body.audit).toEqual(
      saved.body.audit,
    );
  });

  it("never lets one person rate with, or read, another person's domains and audits", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const bob = await signedUp(app);
    const adaDomains = await domainsOf(ada);
    const adaAudit = (await ada.post("/api/audits", fullAudit(adaDomains, 70))).body.audit;

    const shown = await bob.get(`/api/audits/${adaAudit.id}`);
    expect(shown.status).toBe(404);
    expect(shown.body.error.code).toBe("audit_not_found");
    expect((await bob.get("/api/audits")).body.audits).toEqual([]);

    const borrowed = await bob.post("/api/audits", {
      ratings: [
        ...fullAudit(await domainsOf(bob)).ratings,
        { domainId: adaDomains[0]?.id, rating: 10 },
      ],
    });
    expect(borrowed.status).toBe(400);
    expect(borrowed.body.error.fields[0]).toEqual({
      path: "ratings.5.domainId",
      message: "is not one of your domains",
    });
    expect((await ada.get("/api/audits")).body.audits).toEqual([adaAudit]);
  });

  it("refuses anonymous callers on every audit route", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const audit = (await ada.post("/api/audits", fullAudit(await domainsOf(ada)))).body.audit;
    ada.cookie = undefined;
    for (const [method, path] of [
      ["GET", "/api/audits"],
      ["POST", "/api/audits"],
      ["GET", `/api/audits/${audit.id}`],
    ] as const) {
      const res = await ada.call(method, path, method === "POST" ? { ratings: [] } : undefined);
      expect(res.status, `${method} ${path}`).toBe(401);
    }
  });
});
