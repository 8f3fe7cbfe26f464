import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_DOMAINS } from "@cando/core";
import {
  createDb,
  type Db,
  type DomainRow,
  insertAudit,
  insertDomains,
  insertUser,
  listAudits,
  listDomains,
  migrateToLatest,
  type UserRow,
} from "@cando/storage";
import { buildDomain, buildUser, describeEachDatabase } from "@cando/storage/test-support";
import { describe, expect, it } from "vitest";
import { runCli } from "../program";
import { testContext, useTempDir } from "../test-support";
import { type ExportFile, parseExportFile } from "./export-format";
import { exportPerson, importPerson } from "./transfer";

let ids = 0;
const newId = () => `import-${++ids}`;
const NOW = new Date("2026-11-22T09:00:00.000Z");

/** A person with the five default domains plus their own ones. */
async function person(
  db: Db,
  email: string,
  own: Partial<DomainRow>[] = [],
): Promise<{ user: UserRow; domains: DomainRow[] }> {
  const user = buildUser({ email });
  await insertUser(db, user);
  const domains = [
    ...DEFAULT_DOMAINS.map((d, position) =>
      buildDomain(user.id, { key: d.key, name: d.name, position }),
    ),
    ...own.map((o, i) => buildDomain(user.id, { position: DEFAULT_DOMAINS.length + i, ...o })),
  ];
  await insertDomains(db, domains);
  return { user, domains };
}

/** Audits as a person sees them: by domain name, without ids. */
async function auditsByName(db: Db, userId: string) {
  const names = new Map((await listDomains(db, userId)).map((d) => [d.id, d.name]));
  return (await listAudits(db, userId)).map((a) => ({
    takenAt: a.takenAt,
    note: a.note,
    ratings: a.ratings.map((r) => [names.get(r.domainId)?.toLowerCase(), r.rating]),
  }));
}

describeEachDatabase("export and import", (db) => {
  async function adaWithHistory(email: string) {
    const ada = await person(db(), email, [
      { name: "Public speaking" },
      { name: "Chess", archivedAt: "2026-11-01T00:00:00.000Z" },
    ]);
    const [career, health, , , , speaking, chess] = ada.domains;
    await insertAudit(db(), {
      id: newId(),
      userId: ada.user.id,
      takenAt: "2026-10-22T09:00:00.000Z",
      note: "first look",
      ratings: [
        { domainId: career!.id, rating: 40 },
        { domainId: speaking!.id, rating: 20 },
        { domainId: chess!.id, rating: 70 },
      ],
    });
    await insertAudit(db(), {
      id: newId(),
      userId: ada.user.id,
      takenAt: "2026-11-21T09:00:00.000Z",
      note: null,
      ratings: [
        { domainId: career!.id, rating: 50 },
        { domainId: health!.id, rating: 60 },
        { domainId: speaking!.id, rating: 40 },
      ],
    });
    return ada;
  }

  it("moves one person's audits to another account, matching domains by key, then name", async () => {
    const ada = await adaWithHistory("ada-transfer@example.test");
    const exported = await exportPerson(db(), "ADA-transfer@example.test ", NOW);
    const text = JSON.stringify(exported);
    expect(text).not.toContain("passwordHash");
    expect(text).not.toContain(ada.user.passwordHash);
    expect(exported).toMatchObject({
      format: "cando-export",
      version: 1,
      exportedAt: NOW.toISOString(),
      user: { email: "ada-transfer@example.test" },
    });
    expect(exported.domains).toHaveLength(7);
    expect(exported.audits).toHaveLength(2);

    const bob = await person(db(), "bob-transfer@example.test", [{ name: "public SPEAKING" }]);
    const file = parseExportFile(text);
    const report = await importPerson(db(), "bob-transfer@example.test", file, newId);
    expect(report).toEqual({
      domainsMatched: 6,
      domainsCreated: 1,
      auditsAdded: 2,
      auditsSkipped: 0,
    });
    const bobDomains = await listDomains(db(), bob.user.id);
    expect(bobDomains.map((d) => [d.name, d.key, d.archivedAt])).toEqual([
      ...DEFAULT_DOMAINS.map((d) => [d.name, d.key, null]),
      ["public SPEAKING", null, null],
      ["Chess", null, "2026-11-01T00:00:00.000Z"],
    ]);
    expect(await auditsByName(db(), bob.user.id)).toEqual(await auditsByName(db(), ada.user.id));

    // The same file again adds nothing.
    expect(await importPerson(db(), "bob-transfer@example.test", file, newId)).toEqual({
      domainsMatched: 7,
      domainsCreated: 0,
      auditsAdded: 0,
      auditsSkipped: 2,
    });
    expect(await listAudits(db(), bob.user.id)).toHaveLength(2);
    expect(await listDomains(db(), bob.user.id)).toHaveLength(7);
  });

  it("writes nothing when any part of the import fails", async () => {
    await adaWithHistory("ada-rollback@example.test");
    const exported = await exportPerson(db(), "ada-rollback@example.test", NOW);
    const carol = await person(db(), "carol-rollback@example.test");
    // Skips validation on purpose: the database's own check rejects the second audit.
    const broken: ExportFile = {
      ...exported,
      audits: [
        exported.audits[0]!,
        { ...exported.audits[1]!, ratings: [{ domainId: exported.domains[0]!.id, rating: 33 }] },
      ],
    };
    await expect(importPerson(db(), carol.user.email, broken, newId)).rejects.toThrow();
    expect(await listAudits(db(), carol.user.id)).toEqual([]);
    expect(await listDomains(db(), carol.user.id)).toHaveLength(5);
  });

  it("refuses an unknown account", async () => {
    const file = parseExportFile(
      JSON.stringify({
        format: "cando-export",
        version: 1,
        exportedAt: NOW.toISOString(),
        user: { email: "x@example.test" },
        domains: [],
        audits: [],
      }),
    );
    await expect(importPerson(db(), "nobody@example.test", file, newId)).rejects.toThrow(
      "There is no account for nobody@example.test",
    );
  });
});

describe("parseExportFile", () => {
  const valid = {
    format: "cando-export",
    version: 1,
    exportedAt: NOW.toISOString(),
    user: { email: "ada@example.test" },
    domains: [
      {
        id: "d1",
        key: "career",
        name: "Career",
        position: 0,
        archivedAt: null,
        createdAt: NOW.toISOString(),
      },
    ],
    audits: [
      {
        id: "a1",
        takenAt: NOW.toISOString(),
        note: null,
        ratings: [{ domainId: "d1", rating: 50 }],
      },
    ],
  };

  it("accepts a version 1 file", () => {
    expect(parseExportFile(JSON.stringify(valid)).audits).toHaveLength(1);
  });

  it.each([
    ["not JSON", "{", "it is not JSON"],
    ["another JSON file", JSON.stringify({ hello: 1 }), "it is not a Cando export"],
    ["a newer version", JSON.stringify({ ...valid, version: 2 }), "format version 2"],
    [
      "a rating off the scale",
      JSON.stringify({
        ...valid,
        audits: [{ ...valid.audits[0], ratings: [{ domainId: "d1", rating: 35 }] }],
      }),
      "audits.0.ratings.0.rating: must be a multiple of 10",
    ],
    [
      "a rating for a domain not in the file",
      JSON.stringify({
        ...valid,
        audits: [{ ...valid.audits[0], ratings: [{ domainId: "elsewhere", rating: 50 }] }],
      }),
      "audits.0.ratings.0.domainId: is not a domain in this file",
    ],
  ])("refuses %s, saying why", (_label, text, message) => {
    expect(() => parseExportFile(text)).toThrow(message);
  });
});

describe("cando export and cando import", () => {
  const tempDir = useTempDir();

  it("export writes a private file (or pure JSON to stdout) that import reads back", async () => {
    const url = join(tempDir(), "cando.sqlite");
    const db = createDb(url);
    await migrateToLatest(db);
    const ada = await person(db, "ada@example.test");
    await insertAudit(db, {
      id: "a-1",
      userId: ada.user.id,
      takenAt: "2026-11-21T09:00:00.000Z",
      note: null,
      ratings: ada.domains.slice(0, 5).map((d) => ({ domainId: d.id, rating: 60 })),
    });
    const bob = await person(db, "bob@example.test");
    await db.destroy();

    const toStdout = testContext(url, tempDir());
    expect(await runCli(["export", "--email", "ada@example.test"], toStdout.ctx)).toBe(0);
    expect(JSON.parse(toStdout.stdout.text).audits).toHaveLength(1);

    const toFile = testContext(url, tempDir());
    expect(await runCli(["export", "-e", "ada@example.test", "-o", "ada.json"], toFile.ctx)).toBe(
      0,
    );
    const file = join(tempDir(), "ada.json");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(JSON.parse(toStdout.stdout.text));
    const again = testContext(url, tempDir());
    expect(await runCli(["export", "-e", "ada@example.test", "-o", "ada.json"], again.ctx)).toBe(1);
    expect(again.stderr.text).toContain("already exists");

    const imported = testContext(url, tempDir());
    expect(await runCli(["import", "--email", "bob@example.test", "ada.json"], imported.ctx)).toBe(
      0,
    );
    expect(imported.stdout.text).toBe(
      "Imported into bob@example.test: 1 audits added, 0 already present; 5 domains matched, 0 created\n",
    );
    const check = createDb(url);
    expect((await listAudits(check, bob.user.id))[0]?.takenAt).toBe("2026-11-21T09:00:00.000Z");
    await check.destroy();

    const bad = testContext(url, tempDir());
    expect(await runCli(["import", "--email", "bob@example.test", "missing.json"], bad.ctx)).toBe(
      2,
    );
    expect(bad.stderr.text).toContain("There is no file");
  });
});
