import pg from "pg";
import type { TestProject } from "vitest/node";
import { reportMissing } from "./require-all";

/** Probes the PostgreSQL server the storage tests use; provides its URL, or null when absent. */
export default async function setup(project: TestProject): Promise<void> {
  const url = process.env.CANDO_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("select 1");
    project.provide("postgresUrl", url);
  } catch (error) {
    reportMissing(
      "PostgreSQL",
      `cannot connect to ${url} (${(error as Error).message})`,
      "start PostgreSQL on 127.0.0.1:5432 with a database `test` (or set CANDO_TEST_DATABASE_URL)",
    );
    project.provide("postgresUrl", null);
  } finally {
    await client.end().catch(() => undefined);
  }
}
