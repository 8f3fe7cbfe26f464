import type { Db } from "../db";

// Queries for `cando doctor`: derived links that can go wrong (a link to another person's row,
// to a row that is gone, or across goals). Each finds its problems in one set-based query.

/** A goal's stored ladder model, for comparing with its replay; in pages, oldest id first. */
export async function listGoalModels(
  db: Db,
  after: string | null,
  limit: number,
): Promise<{ id: string; userId: string; model: string | null }[]> {
  let query = db.selectFrom("goals").select(["id", "userId", "model"]);
  if (after !== null) query = query.where("id", ">", after);
  return query.orderBy("id").limit(limit).execute();
}

/** Replaces a goal's stored model (a cache) without touching anything the person wrote. */
export async function setGoalModel(db: Db, goalId: string, model: string | null): Promise<void> {
  await db.updateTable("goals").set({ model }).where("id", "=", goalId).execute();
}

export type EvidenceLink = "attemptId" | "goalId" | "stepId" | "domainId";

export interface BadEvidenceLink {
  evidenceId: string;
  userId: string;
  link: EvidenceLink;
  target: string;
  why: "missing" | "another person's" | "another goal's";
}

/** Evidence pointing at a missing or another person's attempt, goal, step or domain. */
export async function findBadEvidenceLinks(db: Db): Promise<BadEvidenceLink[]> {
  const out: BadEvidenceLink[] = [];
  const attempts = await db
    .selectFrom("evidence as e")
    .leftJoin("attempts as t", "t.id", "e.attemptId")
    .select(["e.id", "e.userId", "e.attemptId as target", "t.userId as owner"])
    .where("e.attemptId", "is not", null)
    .where((eb) => eb.or([eb("t.id", "is", null), eb("t.userId", "<>", eb.ref("e.userId"))]))
    .execute();
  const goals = await db
    .selectFrom("evidence as e")
    .leftJoin("goals as t", "t.id", "e.goalId")
    .select(["e.id", "e.userId", "e.goalId as target", "t.userId as owner"])
    .where("e.goalId", "is not", null)
    .where((eb) => eb.or([eb("t.id", "is", null), eb("t.userId", "<>", eb.ref("e.userId"))]))
    .execute();
  const steps = await db
    .selectFrom("evidence as e")
    .leftJoin("steps as t", "t.id", "e.stepId")
    .select([
      "e.id",
      "e.userId",
      "e.stepId as target",
      "t.userId as owner",
      "t.goalId",
      "e.goalId as ownGoal",
    ])
    .where("e.stepId", "is not", null)
    .where((eb) =>
      eb.or([
        eb("t.id", "is", null),
        eb("t.userId", "<>", eb.ref("e.userId")),
        eb.and([eb("e.goalId", "is not", null), eb("t.goalId", "<>", eb.ref("e.goalId"))]),
      ]),
    )
    .execute();
  const domains = await db
    .selectFrom("evidence as e")
    .leftJoin("domains as t", "t.id", "e.domainId")
    .select(["e.id", "e.userId", "e.domainId as target", "t.userId as owner"])
    .where((eb) => eb.or([eb("t.id", "is", null), eb("t.userId", "<>", eb.ref("e.userId"))]))
    .execute();
  const add = (
    link: EvidenceLink,
    rows: { id: string; userId: string; target: string | null; owner: string | null }[],
  ) => {
    for (const r of rows) {
      out.push({
        evidenceId: r.id,
        userId: r.userId,
        link,
        target: r.target ?? "",
        why:
          r.owner === null
            ? "missing"
            : r.owner !== r.userId
              ? "another person's"
              : "another goal's",
      });
    }
  };
  add("attemptId", attempts);
  add("goalId", goals);
  add("stepId", steps);
  add("domainId", domains);
  return out.sort((a, b) =>
    a.evidenceId < b.evidenceId ? -1 : a.evidenceId > b.evidenceId ? 1 : 0,
  );
}

/** Clears a nullable link of a piece of evidence (the domain is required and never cleared). */
export async function clearEvidenceLink(
  db: Db,
  evidenceId: string,
  link: Exclude<EvidenceLink, "domainId">,
): Promise<void> {
  await db
    .updateTable("evidence")
    .set({ [link]: null })
    .where("id", "=", evidenceId)
    .execute();
}

export interface MilestoneLinks {
  id: string;
  userId: string;
  goalId: string;
  stepId: string | null;
  /** The step's owner and goal; null when the step is gone. */
  stepOwner: string | null;
  stepGoalId: string | null;
  evidenceIds: string;
}

/** Every milestone with its links, for checking (milestones are few: one per celebration). */
export async function listMilestoneLinks(db: Db): Promise<MilestoneLinks[]> {
  return db
    .selectFrom("milestones as m")
    .leftJoin("steps as s", "s.id", "m.stepId")
    .select([
      "m.id",
      "m.userId",
      "m.goalId",
      "m.stepId",
      "s.userId as stepOwner",
      "s.goalId as stepGoalId",
      "m.evidenceIds",
    ])
    .orderBy("m.id")
    .execute();
}

/** The owners of the given pieces of evidence (those that exist). */
export async function evidenceOwners(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const owners = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = await db
      .selectFrom("evidence")
      .select(["id", "userId"])
      .where("id", "in", chunk)
      .execute();
    for (const r of rows) owners.set(r.id, r.userId);
  }
  return owners;
}

export async function setMilestoneLinks(
  db: Db,
  id: string,
  links: { stepId?: null; evidenceIds?: string },
): Promise<void> {
  await db.updateTable("milestones").set(links).where("id", "=", id).execute();
}

export interface BadAuditRating {
  auditId: string;
  userId: string;
  domainId: string;
  why: "missing" | "another person's";
}

/** Audit ratings of a domain that is gone or belongs to someone else. */
export async function findBadAuditRatings(db: Db): Promise<BadAuditRating[]> {
  const rows = await db
    .selectFrom("auditRatings as r")
    .innerJoin("audits as a", "a.id", "r.auditId")
    .leftJoin("domains as d", "d.id", "r.domainId")
    .select(["r.auditId", "a.userId", "r.domainId", "d.userId as owner"])
    .where((eb) => eb.or([eb("d.id", "is", null), eb("d.userId", "<>", eb.ref("a.userId"))]))
    .orderBy("r.auditId")
    .orderBy("r.domainId")
    .execute();
  return rows.map((r) => ({
    auditId: r.auditId,
    userId: r.userId,
    domainId: r.domainId,
    why: r.owner === null ? "missing" : "another person's",
  }));
}

export async function deleteAuditRating(db: Db, auditId: string, domainId: string): Promise<void> {
  await db
    .deleteFrom("auditRatings")
    .where("auditId", "=", auditId)
    .where("domainId", "=", domainId)
    .execute();
}

/**
 * Audits that are incomplete: no rating at all, or a rating outside 0–100. (Whether an audit
 * rated every domain active when it was taken cannot be told afterwards: a domain can be archived
 * and restored, and that history is not kept.)
 */
export async function findIncompleteAudits(
  db: Db,
): Promise<{ auditId: string; userId: string; why: string }[]> {
  const empty = await db
    .selectFrom("audits as a")
    .select(["a.id", "a.userId"])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom("auditRatings as r").select("r.auditId").whereRef("r.auditId", "=", "a.id"),
        ),
      ),
    )
    .orderBy("a.id")
    .execute();
  const outOfRange = await db
    .selectFrom("auditRatings as r")
    .innerJoin("audits as a", "a.id", "r.auditId")
    .select(["a.id", "a.userId", "r.domainId", "r.rating"])
    .where((eb) => eb.or([eb("r.rating", "<", 0), eb("r.rating", ">", 100)]))
    .orderBy("a.id")
    .execute();
  return [
    ...empty.map((a) => ({ auditId: a.id, userId: a.userId, why: "has no ratings" })),
    ...outOfRange.map((a) => ({
      auditId: a.id,
      userId: a.userId,
      why: `rates domain ${a.domainId} ${a.rating}, outside 0–100`,
    })),
  ];
}

/** A step whose maintained counts (`steps.attempt_count`, `success_count`) are not its attempts'. */
export interface StepCountDrift {
  stepId: string;
  userId: string;
  goalId: string;
  attemptCount: number;
  successCount: number;
  /** What a recount of its attempts says. */
  attempts: number;
  successes: number;
}

/** Steps whose maintained counts differ from a GROUP BY of their attempts, in one query. */
export async function findStepCountDrift(db: Db): Promise<StepCountDrift[]> {
  const rows = await db
    .selectFrom("steps as s")
    .leftJoin(
      (eb) =>
        eb
          .selectFrom("attempts")
          .select((e) => [
            "stepId",
            e.fn.countAll<number>().as("n"),
            e.fn
              .sum<number>(e.case().when("outcome", "=", "done").then(1).else(0).end())
              .as("done"),
          ])
          .groupBy("stepId")
          .as("c"),
      (join) => join.onRef("c.stepId", "=", "s.id"),
    )
    .select(["s.id", "s.userId", "s.goalId", "s.attemptCount", "s.successCount", "c.n", "c.done"])
    .where((eb) =>
      eb.or([
        eb("s.attemptCount", "<>", eb.fn.coalesce("c.n", eb.lit(0))),
        eb("s.successCount", "<>", eb.fn.coalesce("c.done", eb.lit(0))),
      ]),
    )
    .orderBy("s.id")
    .execute();
  return rows.map((r) => ({
    stepId: r.id,
    userId: r.userId,
    goalId: r.goalId,
    attemptCount: Number(r.attemptCount),
    successCount: Number(r.successCount),
    attempts: Number(r.n ?? 0),
    successes: Number(r.done ?? 0),
  }));
}

/** Recounts the maintained counts of the given steps (all steps without a list) from their attempts. */
export async function recountStepCounts(db: Db, stepIds?: string[]): Promise<void> {
  if (stepIds && stepIds.length > 500) {
    // Chunked: both databases cap the number of bound parameters.
    for (let i = 0; i < stepIds.length; i += 500)
      await recountStepCounts(db, stepIds.slice(i, i + 500));
    return;
  }
  if (stepIds?.length === 0) return;
  let query = db.updateTable("steps").set((eb) => ({
    attemptCount: eb
      .selectFrom("attempts")
      .select((e) => e.fn.countAll<number>().as("n"))
      .whereRef("attempts.stepId", "=", "steps.id"),
    successCount: eb
      .selectFrom("attempts")
      .select((e) => e.fn.countAll<number>().as("n"))
      .whereRef("attempts.stepId", "=", "steps.id")
      .where("attempts.outcome", "=", "done"),
  }));
  if (stepIds) query = query.where("id", "in", stepIds);
  await query.execute();
}
