import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { describeDatabaseUrl, resolveDatabaseUrl, sqlitePathOf } from "./location";

describe("resolveDatabaseUrl", () => {
  it("uses DATABASE_URL when set, whatever the data folder", () => {
    const url = "postgres://cando:secret@db.internal:5432/cando";
    expect(resolveDatabaseUrl({ databaseUrl: url, dataDir: "/srv/cando" })).toBe(url);
  });

  it("falls back to cando.sqlite in CANDO_DATA_DIR, then in ./data", () => {
    expect(resolveDatabaseUrl({ dataDir: "/srv/cando" })).toBe("/srv/cando/cando.sqlite");
    expect(resolveDatabaseUrl({})).toBe(join(resolve("data"), "cando.sqlite"));
    expect(resolveDatabaseUrl({ databaseUrl: "", dataDir: "" })).toBe(
      join(resolve("data"), "cando.sqlite"),
    );
  });

  it("treats any other DATABASE_URL as a SQLite file, made absolute", () => {
    expect(resolveDatabaseUrl({ databaseUrl: "backups/x.sqlite" })).toBe(
      resolve("backups/x.sqlite"),
    );
    expect(sqlitePathOf("/srv/cando/cando.sqlite")).toBe("/srv/cando/cando.sqlite");
    expect(sqlitePathOf("postgresql://localhost/cando")).toBeNull();
  });
});

describe("describeDatabaseUrl", () => {
  it("never prints a PostgreSQL password", () => {
    const text = describeDatabaseUrl("postgres://cando:secret@db.internal:5432/cando");
    expect(text).toBe("PostgreSQL at cando@db.internal:5432/cando");
    expect(describeDatabaseUrl("/srv/cando/cando.sqlite")).toBe(
      "SQLite at /srv/cando/cando.sqlite",
    );
  });
});
