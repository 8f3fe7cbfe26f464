import { type LadderModel, type Milestone, milestonePraise, stepMastery } from "@cando/core";
import {
  type Db,
  type GoalRow,
  hasMilestone,
  insertMilestone,
  listAttempts,
  listDebriefs,
  listMilestonesOfGoal,
  listSteps,
  type MilestoneRow,
  type NewMilestone,
  restoreMilestoneBasis,
  searchEvidence,
  updateGoal,
} from "@cando/storage";
import type { AppDeps } from "../context";
import { activeOnly } from "../ladders/ladder";

/** A milestone as stored, before the evidence and praise are worked out (see presentMilestones). */
function presentStored(row: MilestoneRow | NewMilestone): Milestone {
  return {
    id: row.id,
    kind: row.kind as Milestone["kind"],
    goalId: row.goalId,
    stepId: row.stepId,
    title: row.title,
    evidenceIds: JSON.parse(row.evidenceIds) as string[],
    achievedAt: row.achievedAt,
    praise: "",
    seenAt: row.seenAt,
    basisRemovedAt: row.basisRemovedAt ?? null,
  };
}

/**
 * Milestones as the app shows them, honest about what is behind them (issue 9): the evidence is
 * the step's (a goal's: the goal's) evidence dated up to the day it was earned, so a success
 * debriefed after the milestone still counts; the praise is worked out from the effort and
 * debriefs of the successes among the last three attempts that earned it.
 */
export async function presentMilestones(
  db: Db,
  rows: (MilestoneRow | NewMilestone)[],
): Promise<Milestone[]> {
  const out: Milestone[] = [];
  for (const row of rows) out.push(await presentMilestone(db, row));
  return out;
}

/** One milestone as the app shows it (see presentMilestones). */
export async function presentMilestone(
  db: Db,
  row: MilestoneRow | NewMilestone,
): Promise<Milestone> {
  const scope = row.stepId ? { stepId: row.stepId } : { goalId: row.goalId };
  const day = row.achievedAt.slice(0, 10);
  const evidence = (await searchEvidence(db, row.userId, scope)).filter((e) => e.occurredOn <= day);
  const attempts = (await listAttempts(db, row.userId, scope))
    .filter((a) => a.attemptedAt <= row.achievedAt)
    .slice(-3)
    .filter((a) => a.outcome === "done");
  const debriefs = new Map(
    (
      await listDebriefs(
        db,
        attempts.map((a) => a.id),
      )
    ).map((d) => [d.attemptId, d]),
  );
  const praise = milestonePraise(
    row.kind as Milestone["kind"],
    attempts.map((a) => {
      const d = debriefs.get(a.id);
      return { effort: a.effort, didWell: d?.didWell ?? null, attributions: d ?? null };
    }),
  );
  return { ...presentStored(row), evidenceIds: evidence.map((e) => e.id).reverse(), praise };
}

/**
 * Records what was just achieved, dated by the attempt that earned it: each newly mastered step, and the goal reached when its last
 * step (the goal itself) is mastered. Each milestone names the evidence behind it. Idempotent:
 * a step is celebrated once. Returns the new milestones for the celebration view.
 */
export async function recordMilestones(
  db: Db,
  deps: Pick<AppDeps, "clock" | "newId">,
  goal: GoalRow,
  model: LadderModel | null,
  /** When the attempt that earned it happened (the milestone's date); now for an override. */
  earnedAt?: string,
): Promise<Milestone[]> {
  if (!model) return [];
  const now = earnedAt ?? deps.clock.now().toISOString();
  const steps = activeOnly(await listSteps(db, goal.id));
  const created: NewMilestone[] = [];
  // The goal's step milestones in one query, not one per mastered step on every attempt.
  const celebrated = new Map<string, MilestoneRow[]>();
  for (const row of await listMilestonesOfGoal(db, goal.id)) {
    if (row.kind !== "step_mastered" || row.stepId === null) continue;
    celebrated.set(row.stepId, [...(celebrated.get(row.stepId) ?? []), row]);
  }
  for (const step of steps) {
    if (!stepMastery(model, step.id).mastered) continue;
    const before = celebrated.get(step.id);
    if (before) {
      // Celebrated before, then corrected away: mastered again, it is earned again (not doubled).
      if (before.some((m) => m.basisRemovedAt !== null))
        await restoreMilestoneBasis(db, goal.id, "step_mastered", step.id);
      continue;
    }
    const evidence = await searchEvidence(db, goal.userId, { stepId: step.id });
    created.push({
      id: deps.newId(),
      userId: goal.userId,
      kind: "step_mastered",
      goalId: goal.id,
      stepId: step.id,
      title: `You mastered "${step.title}"`,
      evidenceIds: JSON.stringify(evidence.map((e) => e.id)),
      achievedAt: now,
      seenAt: null,
    });
  }
  const last = steps.at(-1);
  if (last && stepMastery(model, last.id).mastered) {
    created.push(...(await goalReached(db, deps, goal, now)));
  }
  for (const row of created) await insertMilestone(db, row);
  return presentMilestones(db, created);
}

/** Marks the goal reached (once) and returns its milestone row, not yet inserted. */
export async function goalReached(
  db: Db,
  deps: Pick<AppDeps, "newId">,
  goal: GoalRow,
  now: string,
): Promise<NewMilestone[]> {
  if (await hasMilestone(db, goal.id, "goal_reached", null)) {
    await restoreMilestoneBasis(db, goal.id, "goal_reached", null);
    return [];
  }
  if (goal.status !== "reached") {
    goal.status = "reached";
    goal.reachedAt = now;
    await updateGoal(db, goal.userId, goal.id, {
      status: "reached",
      reachedAt: now,
      updatedAt: now,
    });
  }
  const evidence = await searchEvidence(db, goal.userId, { goalId: goal.id });
  return [
    {
      id: deps.newId(),
      userId: goal.userId,
      kind: "goal_reached",
      goalId: goal.id,
      stepId: null,
      title: `Goal reached: ${goal.statement}`,
      evidenceIds: JSON.stringify(evidence.map((e) => e.id)),
      achievedAt: now,
      seenAt: null,
    },
  ];
}
