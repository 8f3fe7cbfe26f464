import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import {
  deleteExpiredSessions,
  extendSession,
  findAudit,
  findDomain,
  findLiveSession,
  findUserByEmail,
  insertAudit,
  insertDomains,
  insertSession,
  insertUser,
  isUniqueViolation,
  lastAuditAt,
  listAudits,
  listDomains,
  nextDomainPosition,
  updateDomain,
} from "./index";
import { buildDomain, buildUser, describeEachDatabase } from "./test-support";

describeEachDatabase("users", (db) => {
  it("stores a user and finds them by email", async () => {
    const user = buildUser({ email: "ada@example.test" });
    await insertUser(db(), user);
    // A new person aims at the default 80% success (advice, issue 9).
    expect(await findUserByEmail(db(), "ada@example.test")).toEqual({ ...user, targetPercent: 80 });
    expect(await findUserByEmail(db(), "nobody@example.test")).toBeUndefined();
  });

  it("rejects a second account with the same email as a unique violation", async () => {
    await insertUser(db(), buildUser({ email: "twice@example.test" }));
    const error = await insertUser(db(), buildUser({ email: "twice@example.test" })).catch(
      (e: unknown) => e,
    );
    expect(isUniqueViolation(error)).toBe(true);
  });
});

describeEachDatabase("sessions", (db) => {
  it("finds a live session with its user, and not once it has expired", async () => {
    const user = buildUser();
    await insertUser(db(), user);
    await insertSession(db(), {
      id: "s-1",
      userId: user.id,
      createdAt: "2026-11-22T07:00:00.000Z",
      lastSeenAt: "2026-11-22T07:00:00.000Z",
      expiresAt: "2026-12-22T07:00:00.000Z",
    });
    const live = await findLiveSession(db(), "s-1", "2026-11-23T00:00:00.000Z");
    expect(live?.user.email).toBe(user.email);
    expect(await findLiveSession(db(), "s-1", "2026-12-22T07:00:00.000Z")).toBeUndefined();

    await extendSession(db(), "s-1", "2026-12-20T00:00:00.000Z", "2027-01-19T00:00:00.000Z");
    expect(await findLiveSession(db(), "s-1", "2026-12-30T00:00:00.000Z")).toBeDefined();
    expect(await deleteExpiredSessions(db(), "2027-02-01T00:00:00.000Z")).toBeGreaterThanOrEqual(1);
    expect(await findLiveSession(db(), "s-1", "2026-12-30T00:00:00.000Z")).toBeUndefined();
  });
});

describeEachDatabase("domains", (db) => {
  it("lists one person's domains in order and never another person's", async () => {
    const [ada, bob] = [buildUser(), buildUser()];
    await insertUser(db(), ada);
    await insertUser(db(), bob);
    expect(await nextDomainPosition(db(), ada.id)).toBe(0);
    await insertDomains(db(), [
      buildDomain(ada.id, { id: "d-b", name: "Health", position: 1, key: "health" }),
      buildDomain(ada.id, { id: "d-a", name: "Career", position: 0, key: "career" }),
      buildDomain(bob.id, { id: "d-c", name: "Career", position: 0, key: "career" }),
    ]);
    expect((await listDomains(db(), ada.id)).map((d) => d.id)).toEqual(["d-a", "d-b"]);
    expect(await nextDomainPosition(db(), ada.id)).toBe(2);
    expect(await findDomain(db(), ada.id, "d-c")).toBeUndefined();
    expect((await findDomain(db(), bob.id, "d-c"))?.name).toBe("Career");
  });

  it("renames and archives only the owner's domain", async () => {
    const [ada, bob] = [buildUser(), buildUser()];
    await insertUser(db(), ada);
    await insertUser(db(), bob);
    const domain = buildDomain(ada.id, { name: "Writing" });
    await insertDomains(db(), [domain]);
    await updateDomain(db(), bob.id, domain.id, { name: "Hijacked" });
    expect((await findDomain(db(), ada.id, domain.id))?.name).toBe("Writing");
    await updateDomain(db(), ada.id, domain.id, {
      name: "Writing fiction",
      archivedAt: "2026-11-22T08:00:00.000Z",
    });
    expect(await findDomain(db(), ada.id, domain.id)).toMatchObject({
      name: "Writing fiction",
      archivedAt: "2026-11-22T08:00:00.000Z",
    });
  });

  it("allows one default key per person but any number of own domains", async () => {
    const ada = buildUser();
    await insertUser(db(), ada);
    await insertDomains(db(), [buildDomain(ada.id), buildDomain(ada.id)]);
    await insertDomains(db(), [buildDomain(ada.id, { key: "career" })]);
    const error = await insertDomains(db(), [buildDomain(ada.id, { key: "career" })]).catch(
      (e: unknown) => e,
    );
    expect(isUniqueViolation(error)).toBe(true);
  });
});

describeEachDatabase("audits", (db) => {
  async function personWithDomains() {
    const user = buildUser();
    await insertUser(db(), user);
    const domains = [
      buildDomain(user.id, { position: 0 }),
      buildDomain(user.id, { position: 1 }),
    ] as const;
    await insertDomains(db(), [...domains]);
    return { user, domains };
  }

  it("stores an audit with its ratings and lists audits oldest first", async () => {
    const { user, domains } = await personWithDomains();
    expect(await lastAuditAt(db(), user.id)).toBeNull();
    for (const [id, takenAt, r] of [
      ["a-2", "2026-11-20T09:00:00.000Z", 60],
      ["a-1", "2026-10-20T09:00:00.000Z", 40],
    ] as const) {
      await db()
        .transaction()
        .execute((trx) =>
          insertAudit(trx, {
            id,
            userId: user.id,
            takenAt,
            note: null,
            ratings: [
              { domainId: domains[1].id, rating: r + 10 },
              { domainId: domains[0].id, rating: r },
            ],
          }),
        );
    }
    const audits = await listAudits(db(), user.id);
    expect(audits.map((a) => a.id)).toEqual(["a-1", "a-2"]);
    expect(audits[1]?.ratings).toEqual([
      { domainId: domains[0].id, rating: 60 },
      { domainId: domains[1].id, rating: 70 },
    ]);
    expect(await lastAuditAt(db(), user.id)).toBe("2026-11-20T09:00:00.000Z");
    expect((await findAudit(db(), user.id, "a-1"))?.ratings).toHaveLength(2);
  });

  it("does not show one person's audit to another", async () => {
    const { user, domains } = await personWithDomains();
    const other = buildUser();
    await insertUser(db(), other);
    await insertAudit(db(), {
      id: "private-audit",
      userId: user.id,
      takenAt: "2026-11-21T09:00:00.000Z",
      note: "mine",
      ratings: [{ domainId: domains[0].id, rating: 50 }],
    });
    expect(await findAudit(db(), other.id, "private-audit")).toBeUndefined();
    expect(await listAudits(db(), other.id)).toEqual([]);
  });

  it("writes nothing when any rating is off the scale (the transaction rolls back)", async () => {
    const { user, domains } = await personWithDomains();
    const attempt = db()
      .transaction()
      .execute((trx) =>
        insertAudit(trx, {
          id: "bad-audit",
          userId: user.id,
          takenAt: "2026-11-21T09:00:00.000Z",
          note: null,
          ratings: [
            { domainId: domains[0].id, rating: 50 },
            { domainId: domains[1].id, rating: 33 },
          ],
        }),
      );
    await expect(attempt).rejects.toThrow();
    expect(await findAudit(db(), user.id, "bad-audit")).toBeUndefined();
    const count = await db()
      .selectFrom("auditRatings")
      .select(sql<number>`count(*)`.as("n"))
      .where("auditId", "=", "bad-audit")
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });
});

describe("isUniqueViolation", () => {
  it("recognises both databases' codes and nothing else", () => {
    expect(isUniqueViolation({ code: "23505" })).toBe(true);
    expect(isUniqueViolation({ code: "SQLITE_CONSTRAINT_UNIQUE" })).toBe(true);
    expect(isUniqueViolation({ code: "SQLITE_CONSTRAINT_FOREIGNKEY" })).toBe(false);
    expect(isUniqueViolation(new Error("x"))).toBe(false);
    expect(isUniqueViolation(null)).toBe(false);
  });
});
