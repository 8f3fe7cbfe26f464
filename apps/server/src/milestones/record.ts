import { type LadderModel, type Milestone, stepMastery } from "@cando/core";
import {
  type Db,
  type GoalRow,
  hasMilestone,
  insertMilestone,
  listSteps,
  type MilestoneRow,
  type NewMilestone,
  restoreMilestoneBasis,
  searchEvidence,
  updateGoal,
} from "@cando/storage";
import type { AppDeps } from "../context";
import { activeOnly } from "../ladders/ladder";

export function presentMilestone(row: MilestoneRow | NewMilestone): Milestone {
  return {
    id: row.id,
    kind: row.kind as Milestone["kind"],
    goalId: row.goalId,
    stepId: row.stepId,
    title: row.title,
    evidenceIds: JSON.parse(row.evidenceIds) as string[],
    achievedAt: row.achievedAt,
    seenAt: row.seenAt,
    basisRemovedAt: row.basisRemovedAt ?? null,
  };
}

/**
 * Records what was just achieved: each newly mastered step, and the goal reached when its last
 * step (the goal itself) is mastered. Each milestone names the evidence behind it. Idempotent:
 * a step is celebrated once. Returns the new milestones for the celebration view.
 */
export async function recordMilestones(
  db: Db,
  deps: Pick<AppDeps, "clock" | "newId">,
  goal: GoalRow,
  model: LadderModel | null,
): Promise<Milestone[]> {
  if (!model) return [];
  const now = deps.clock.now().toISOString();
  const steps = activeOnly(await listSteps(db, goal.id));
  const created: NewMilestone[] = [];
  for (const step of steps) {
    if (!stepMastery(model, step.id).mastered) continue;
    if (await hasMilestone(db, goal.id, "step_mastered", step.id)) {
      // Celebrated before, then corrected away: mastered again, it is earned again (not doubled).
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
  return created.map(presentMilestone);
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
