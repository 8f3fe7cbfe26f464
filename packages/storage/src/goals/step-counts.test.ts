import { expect, it } from "vitest";
import type { AttemptRow } from "../attempts/attempts";
import type { Db } from "../db";
import {
  countAttemptsByStep,
  deleteAttempt,
  deleteGoal,
  exportAccount,
  findStepCountDrift,
  insertAttempt,
  insertDomains,
  insertGoal,
  insertSteps,
  insertUser,
  listSteps,
  restoreAttempt,
  type StepRow,
  updateAttempt,
} from "../index";
import {
  buildAttempt,
  buildDomain,
  buildGoal,
  buildStep,
  buildUser,
  describeEachDatabase,
} from "../test-support";
import { importAccount } from "../transfer/import";

/** mulberry32: the same operations on every run and both databases. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OUTCOMES = ["done", "partly", "not_yet"] as const;

/** Each step's maintained counts equal a GROUP BY of its attempts (the ladder's old read). */
async function expectCountsMatch(db: Db, goalIds: string[]) {
  for (const goalId of goalIds) {
    const counted = await countAttemptsByStep(db, goalId);
    for (const step of await listSteps(db, goalId)) {
      const want = counted.get(step.id) ?? { attempts: 0, successes: 0 };
      expect(
        { attempts: step.attemptCount, successes: step.successCount },
        `step ${step.id}`,
      ).toEqual(want);
    }
  }
  expect(await findStepCountDrift(db)).toEqual([]);
}

describeEachDatabase("steps' maintained attempt and success counts", (db, kind) => {
  async function personWithGoals(goals: number) {
    const user = buildUser();
    await insertUser(db(), user);
    const domain = buildDomain(user.id);
    await insertDomains(db(), [domain]);
    const ladders: { goalId: string; steps: StepRow[] }[] = [];
    for (let g = 0; g < goals; g++) {
      const goal = buildGoal(user.id, domain.id);
      await insertGoal(db(), goal);
      const steps = [0, 1, 2, 3].map((position) => buildStep(user.id, goal.id, { position }));
      await insertSteps(db(), steps);
      ladders.push({ goalId: goal.id, steps });
    }
    return { user, ladders };
  }

  it("equal a recount after random logs, edits, moves, deletes, undos, an import and a goal deletion", async () => {
    const rnd = random(kind === "sqlite" ? 15 : 16);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
    const { user, ladders } = await personWithGoals(3);
    const live: AttemptRow[] = [];
    const deleted: AttemptRow[] = [];
    let minute = 0;
    for (let op = 0; op < 240; op++) {
      const r = rnd();
      if (r < 0.45 || live.length === 0) {
        const ladder = pick(ladders);
        const at = new Date(Date.UTC(2026, 0, 1) + ++minute * 60_000).toISOString();
        const attempt = buildAttempt(user.id, ladder.goalId, pick(ladder.steps).id, {
          outcome: pick(OUTCOMES),
          attemptedAt: at,
          createdAt: at,
        });
        await insertAttempt(db(), attempt);
        live.push(attempt);
      } else if (r < 0.65) {
        // An edit of the outcome (or of something else: the counts must not move).
        const attempt = pick(live);
        const outcome = rnd() < 0.7 ? pick(OUTCOMES) : attempt.outcome;
        await updateAttempt(db(), user.id, attempt.id, { outcome, note: `edit ${op}` });
        attempt.outcome = outcome;
      } else if (r < 0.8) {
        // A correction moving the attempt to another step, of its goal or of another one.
        const attempt = pick(live);
        const ladder = pick(ladders);
        const step = pick(ladder.steps);
        await db()
          .updateTable("attempts")
          .set({ stepId: step.id, goalId: ladder.goalId })
          .where("id", "=", attempt.id)
          .execute();
        attempt.stepId = step.id;
        attempt.goalId = ladder.goalId;
      } else if (r < 0.93) {
        const attempt = live.splice(Math.floor(rnd() * live.length), 1)[0] as AttemptRow;
        await db()
          .transaction()
          .execute((trx) => deleteAttempt(trx, user.id, attempt.id));
        deleted.push(attempt);
      } else if (deleted.length > 0) {
        // Undo: the attempt put back exactly as it was.
        const attempt = deleted.pop() as AttemptRow;
        await restoreAttempt(db(), attempt, null);
        live.push(attempt);
      }
      if (op % 40 === 39)
        await expectCountsMatch(
          db(),
          ladders.map((l) => l.goalId),
        );
    }
    await expectCountsMatch(
      db(),
      ladders.map((l) => l.goalId),
    );
    expect(live.length).toBeGreaterThan(30);

    // An import into another account: its steps are counted from the attempts it brings.
    const file = await exportAccount(db(), user.id, new Date("2026-12-01T00:00:00.000Z"));
    expect(file.steps[0]).not.toHaveProperty("attemptCount");
    const other = buildUser();
    await insertUser(db(), other);
    let n = 0;
    await db()
      .transaction()
      .execute((trx) =>
        importAccount(trx, other.id, file, () => `imported-${kind}-${++n}`, new Date()),
      );
    const imported = await db()
      .selectFrom("goals")
      .select("id")
      .where("userId", "=", other.id)
      .execute();
    expect(imported.length).toBe(3);
    await expectCountsMatch(
      db(),
      imported.map((g) => g.id),
    );
    const totals = async (userId: string) =>
      db()
        .selectFrom("steps")
        .select((eb) => [
          eb.fn.sum<number>("attemptCount").as("attempts"),
          eb.fn.sum<number>("successCount").as("successes"),
        ])
        .where("userId", "=", userId)
        .executeTakeFirstOrThrow();
    const [mine, theirs] = [await totals(user.id), await totals(other.id)];
    expect(Number(theirs.attempts)).toBe(live.length);
    expect(Number(mine.attempts)).toBe(live.length);
    expect(Number(theirs.successes)).toBe(Number(mine.successes));

    // Deleting a goal takes its attempts and steps; the other goals' counts are untouched.
    const [gone, ...kept] = ladders;
    await db()
      .transaction()
      .execute((trx) => deleteGoal(trx, user.id, gone?.goalId as string));
    await expectCountsMatch(
      db(),
      kept.map((l) => l.goalId),
    );
  });

  it("are exact when many attempts on one step are logged at once", async () => {
    const { user, ladders } = await personWithGoals(1);
    const ladder = ladders[0] as { goalId: string; steps: StepRow[] };
    const step = ladder.steps[1] as StepRow;
    // Each in its own transaction, as the API logs them (PostgreSQL: several connections at once).
    await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        db()
          .transaction()
          .execute((trx) =>
            insertAttempt(
              trx,
              buildAttempt(user.id, ladder.goalId, step.id, {
                outcome: i % 3 === 0 ? "not_yet" : "done",
              }),
            ),
          ),
      ),
    );
    const [row] = (await listSteps(db(), ladder.goalId)).filter((s) => s.id === step.id);
    expect({ attempts: row?.attemptCount, successes: row?.successCount }).toEqual({
      attempts: 60,
      successes: 40,
    });
    await expectCountsMatch(db(), [ladder.goalId]);
  });
});
