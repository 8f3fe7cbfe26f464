import { join } from "node:path";
import { replayLadderModel } from "@cando/core";
import {
  createDb,
  type Db,
  findGoal,
  insertAttempt,
  insertAudit,
  insertDomains,
  insertEvidence,
  insertGoal,
  insertMilestone,
  insertSteps,
  insertUser,
  listLadderFacts,
  migrateToLatest,
} from "@cando/storage";
import {
  buildAttempt,
  buildDomain,
  buildEvidence,
  buildGoal,
  buildStep,
  buildUser,
  describeEachDatabase,
} from "@cando/storage/test-support";
import { describe, expect, it } from "vitest";
import { runCli } from "../program";
import { testContext, useTempDir } from "../test-support";
import { doctor } from "./doctor";

/** A person with a goal, a ladder of three steps, two attempts and a correct stored model. */
async function personWithLadder(db: Db) {
  const user = buildUser();
  await insertUser(db, user);
  const domain = buildDomain(user.id);
  await insertDomains(db, [domain]);
  const goal = buildGoal(user.id, domain.id);
  await insertGoal(db, goal);
  const steps = [80, 50, 20].map((confidence, position) =>
    buildStep(user.id, goal.id, { confidence, position }),
  );
  await insertSteps(db, steps);
  const [s1, s2] = steps as [(typeof steps)[0], (typeof steps)[0]];
  const attempts = [
    buildAttempt(user.id, goal.id, s1.id, { attemptedAt: "2026-11-20T08:00:00.000Z" }),
    buildAttempt(user.id, goal.id, s2.id, {
      attemptedAt: "2026-11-21T08:00:00.000Z",
      outcome: "not_yet",
    }),
  ];
  for (const a of attempts) await insertAttempt(db, a);
  const model = replayLadderModel(await listLadderFacts(db, goal.id));
  await db
    .updateTable("goals")
    .set({ model: JSON.stringify(model) })
    .where("id", "=", goal.id)
    .execute();
  return { user, domain, goal, steps, attempts };
}

async function storedModel(db: Db, userId: string, goalId: string): Promise<unknown> {
  return JSON.parse((await findGoal(db, userId, goalId))?.model ?? "null");
}

describe("cando doctor", () => {
  const tempDir = useTempDir();

  it("finds a corrupted ladder model, repairs it with --fix, and is clean on the next run", async () => {
    const url = join(tempDir(), "cando.sqlite");
    const db = createDb(url);
    await migrateToLatest(db);
    const { user, goal } = await personWithLadder(db);
    const replayed = await storedModel(db, user.id, goal.id);

    const clean = testContext(url, tempDir());
    expect(await runCli(["doctor"], clean.ctx)).toBe(0);
    expect(clean.stdout.text).toContain("No problems found.");

    // A lost update: the model missed one of the two attempts.
    const facts = await listLadderFacts(db, goal.id);
    const lost = replayLadderModel({ ...facts, attempts: facts.attempts.slice(0, 1) });
    await db
      .updateTable("goals")
      .set({ model: JSON.stringify(lost) })
      .where("id", "=", goal.id)
      .execute();

    const found = testContext(url, tempDir());
    expect(await runCli(["doctor"], found.ctx)).toBe(1);
    expect(found.stdout.text).toContain(
      `goal ${goal.id}: stored ladder model differs from its replay (it counts 1 attempts, the facts 2`,
    );
    expect(found.stdout.text).toContain("1 problem found; `cando doctor --fix` can repair 1.");
    expect(await storedModel(db, user.id, goal.id)).toEqual(JSON.parse(JSON.stringify(lost)));

    const fixed = testContext(url, tempDir());
    expect(await runCli(["doctor", "--fix"], fixed.ctx)).toBe(0);
    expect(fixed.stdout.text).toContain("— fixed: model replayed from the facts");
    expect(fixed.stdout.text).toContain("1 problem found, 1 fixed.");
    expect(await storedModel(db, user.id, goal.id)).toEqual(replayed);

    const again = testContext(url, tempDir());
    expect(await runCli(["doctor", "--json"], again.ctx)).toBe(0);
    expect(JSON.parse(again.stdout.text)).toMatchObject({ problems: [], found: 0, remaining: 0 });
    await db.destroy();
  });

  it("documents its exit codes in --help", async () => {
    const url = join(tempDir(), "cando.sqlite");
    const help = testContext(url, tempDir());
    expect(await runCli(["doctor", "--help"], help.ctx)).toBe(0);
    expect(help.stdout.text).toContain("--fix");
    expect(help.stdout.text).toMatch(/Exit code: 0 .*1 problems remain/);
  });
});

describeEachDatabase("doctor's checks", (db) => {
  it("reports dangling and foreign links, fixes what is derivable, and leaves the rest", async () => {
    const ada = await personWithLadder(db());
    const bob = await personWithLadder(db());
    const [adaStep] = ada.steps;
    const [adaAttempt] = ada.attempts;
    if (!adaStep || !adaAttempt) throw new Error("no ladder");

    // Bob's evidence pointing at Ada's attempt, goal and step.
    const foreign = buildEvidence(bob.user.id, bob.domain.id, {
      attemptId: adaAttempt.id,
      goalId: ada.goal.id,
      stepId: adaStep.id,
    });
    // Ada's evidence with a step of another of her goals, and one in Bob's domain.
    const otherGoal = buildGoal(ada.user.id, ada.domain.id);
    await insertGoal(db(), otherGoal);
    const crossGoal = buildEvidence(ada.user.id, ada.domain.id, {
      goalId: otherGoal.id,
      stepId: adaStep.id,
    });
    const wrongDomain = buildEvidence(ada.user.id, bob.domain.id);
    const fine = buildEvidence(ada.user.id, ada.domain.id, { goalId: ada.goal.id });
    for (const e of [foreign, crossGoal, wrongDomain, fine]) await insertEvidence(db(), e);

    await insertMilestone(db(), {
      id: `milestone-${ada.goal.id}`,
      userId: ada.user.id,
      kind: "step_mastered",
      goalId: ada.goal.id,
      stepId: bob.steps[0]?.id ?? null,
      title: "Step 1",
      evidenceIds: JSON.stringify([fine.id, "evidence-gone", foreign.id]),
      achievedAt: "2026-11-22T09:00:00.000Z",
      seenAt: null,
    });
    await insertAudit(db(), {
      id: `audit-${ada.goal.id}`,
      userId: ada.user.id,
      takenAt: "2026-11-22T09:00:00.000Z",
      note: null,
      ratings: [
        { domainId: ada.domain.id, rating: 60 },
        { domainId: bob.domain.id, rating: 40 },
      ],
    });
    await db()
      .insertInto("audits")
      .values({
        id: `empty-${ada.goal.id}`,
        userId: ada.user.id,
        takenAt: "2026-11-22T09:00:00.000Z",
        note: null,
      })
      .execute();
    await db()
      .updateTable("goals")
      .set({ model: "{broken" })
      .where("id", "=", bob.goal.id)
      .execute();

    const first = await doctor(db(), false);
    const lines = first.problems.map((p) => p.message);
    expect(lines).toEqual(
      expect.arrayContaining([
        `goal ${bob.goal.id}: stored ladder model is not JSON`,
        `evidence ${foreign.id}: attemptId points at another person's attempt ${adaAttempt.id}`,
        `evidence ${foreign.id}: goalId points at another person's goal ${ada.goal.id}`,
        `evidence ${foreign.id}: stepId points at another person's step ${adaStep.id}`,
        `evidence ${crossGoal.id}: stepId points at another goal's step ${adaStep.id}`,
        `evidence ${wrongDomain.id}: domainId points at another person's domain ${bob.domain.id}`,
        `milestone milestone-${ada.goal.id}: its step ${bob.steps[0]?.id} is another person's; evidence evidence-gone, ${foreign.id} is gone or another person's`,
        `audit audit-${ada.goal.id}: rates another person's domain ${bob.domain.id}`,
        `audit empty-${ada.goal.id}: has no ratings`,
      ]),
    );
    expect(first.problems).toHaveLength(9);
    expect(first.problems.every((p) => p.fixed === null)).toBe(true);

    const repaired = await doctor(db(), true);
    expect(repaired.problems.filter((p) => p.fixed !== null)).toHaveLength(7);

    const after = await doctor(db(), false);
    expect(after.problems.map((p) => p.message)).toEqual([
      `evidence ${wrongDomain.id}: domainId points at another person's domain ${bob.domain.id}`,
      `audit empty-${ada.goal.id}: has no ratings`,
    ]);
    const milestone = await db()
      .selectFrom("milestones")
      .selectAll()
      .where("id", "=", `milestone-${ada.goal.id}`)
      .executeTakeFirstOrThrow();
    expect(milestone.stepId).toBeNull();
    expect(JSON.parse(milestone.evidenceIds)).toEqual([fine.id]);
    const cleared = await db()
      .selectFrom("evidence")
      .selectAll()
      .where("id", "=", foreign.id)
      .executeTakeFirstOrThrow();
    expect([cleared.attemptId, cleared.goalId, cleared.stepId]).toEqual([null, null, null]);
    expect(await storedModel(db(), bob.user.id, bob.goal.id)).toEqual(
      JSON.parse(JSON.stringify(replayLadderModel(await listLadderFacts(db(), bob.goal.id)))),
    );
  });
});

describeEachDatabase("doctor's step counts", (db) => {
  it("finds maintained step counts that drifted from the attempts and recounts them", async () => {
    const { user, steps } = await personWithLadder(db());
    const [s1, s2] = steps as [(typeof steps)[0], (typeof steps)[0]];
    expect((await doctor(db(), false)).problems).toEqual([]);
    // Damaged behind the triggers' back (a restore of an old backup, a hand edit).
    await db()
      .updateTable("steps")
      .set({ attemptCount: 7, successCount: 7 })
      .where("id", "=", s2.id)
      .execute();
    const found = await doctor(db(), false);
    expect(found.problems).toEqual([
      {
        kind: "step_counts",
        id: s2.id,
        userId: user.id,
        message: `step ${s2.id}: counts 7 attempts and 7 successes, its attempts 1 and 0`,
        fixable: true,
        fixed: null,
      },
    ]);
    const fixed = await doctor(db(), true);
    expect(fixed.problems.map((p) => p.fixed)).toEqual(["counts recounted from the attempts"]);
    const counts = await db()
      .selectFrom("steps")
      .select(["id", "attemptCount", "successCount"])
      .where("id", "in", [s1.id, s2.id])
      .orderBy("position")
      .execute();
    expect(counts).toEqual([
      { id: s1.id, attemptCount: 1, successCount: 1 },
      { id: s2.id, attemptCount: 1, successCount: 0 },
    ]);
    expect((await doctor(db(), false)).problems).toEqual([]);
  });
});
