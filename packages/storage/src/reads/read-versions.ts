import { fixedQuery } from "../compiled";
import type { Db } from "../db";

/**
 * The person's read version: bumped (by triggers) in every transaction that writes anything a
 * cached read shows — attempts, debriefs, audits and their ratings, domains (Insights, Doubt), and
 * goals, steps, milestones, evidence, the rhythm's rows, attempts in progress, the account's time
 * zone and target rate (Today's page). 0 before their first such write.
 */
export async function readVersionOf(db: Db, userId: string): Promise<number> {
  const [row] = await versionOf(db, userId);
  return Number(row?.version ?? 0);
}

// Compiled once (see fixedQuery): every cached read asks it first.
const versionOf = fixedQuery((db: Db, userId: string) =>
  db.selectFrom("readVersions").select("version").where("userId", "=", userId),
);
