import { type LadderModel, type Milestone, milestonePraise, stepMastery } from "@cando/core";
import {
  type Db,
  type GoalRow,
  hasMilestone,
  insertMilestone,
  listEvidenceOf,
  listLastAttemptsOf,
  listMilestonesOfGoal,
  listSteps,
  type MilestoneRow,
  type MilestoneState,
  type NewMilestone,
  restoreMilestoneBasis,
  type StepRow,
  setMilestoneBasisRemoved,
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
 * debriefs of the successes among the last three attempts that earned it. Two statements for
 * any number of milestones (evidence; the last attempts of each with their debriefs).
 */
export async function presentMilestones(
  db: Db,
  rows: (MilestoneRow | NewMilestone)[],
): Promise<Milestone[]> {
  const first = rows[0];
  if (!first) return [];
  const userId = first.userId;
  const evidence = await listEvidenceOf(db, userId, {
    stepIds: rows.flatMap((r) => (r.stepId ? [r.stepId] : [])),
    goalIds: rows.flatMap((r) => (r.stepId ? [] : [r.goalId])),
  });
  const lastAttempts = await listLastAttemptsOf(
    db,
    userId,
    rows.map((r) => ({ key: r.id, stepId: r.stepId, goalId: r.goalId, upTo: r.achievedAt })),
  );
  const successes = new Map(
    [...lastAttempts].map(([id, list]) => [id, list.filter((a) => a.outcome === "done")]),
  );
  return rows.map((row) => {
    const day = row.achievedAt.slice(0, 10);
    const behind = evidence.filter(
      (e) =>
        (row.stepId ? e.stepId === row.stepId : e.goalId === row.goalId) && e.occurredOn <= day,
    );
    const praise = milestonePraise(
      row.kind as Milestone["kind"],
      (successes.get(row.id) ?? []).map((a) => ({
        effort: a.effort,
        didWell: a.debrief?.didWell ?? null,
        attributions: a.debrief,
      })),
    );
    return { ...presentStored(row), evidenceIds: behind.map((e) => e.id).reverse(), praise };
  });
}

/** One milestone as the app shows it (see presentMilestones). */
export async function presentMilestone(
  db: Db,
  row: MilestoneRow | NewMilestone,
): Promise<Milestone> {
  const [milestone] = await presentMilestones(db, [row]);
  if (!milestone) throw new Error("a milestone presents as one");
  return milestone;
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
  /** The goal's steps when the caller has read them in this transaction (else read here). */
  goalSteps?: StepRow[],
  /** The goal's milestones as the caller read them with the steps (`listStepsAndMilestones`). */
  goalMilestones?: MilestoneState[],
): Promise<Milestone[]> {
  if (!model) return [];
  const now = earnedAt ?? deps.clock.now().toISOString();
  const steps = activeOnly(goalSteps ?? (await listSteps(db, goal.id)));
  const mastered = steps.filter((step) => stepMastery(model, step.id).mastered);
  const last = steps.at(-1);
  const goalDone = last !== undefined && mastered.includes(last);
  if (mastered.length === 0) return [];
  // One read of the goal's milestones instead of one per mastered step (none if the caller has).
  const existing = goalMilestones ?? (await listMilestonesOfGoal(db, goal.id));
  const earlier = new Map(existing.map((m) => [`${m.kind}\u0001${m.stepId ?? ""}`, m]));
  const fresh = mastered.filter((step) => !earlier.has(`step_mastered\u0001${step.id}`));
  for (const step of mastered) {
    // Celebrated before, then corrected away: mastered again, it is earned again (not doubled).
    const before = earlier.get(`step_mastered\u0001${step.id}`);
    if (before?.basisRemovedAt) await setMilestoneBasisRemoved(db, before.id, null);
  }
  const evidence =
    fresh.length > 0
      ? await listEvidenceOf(db, goal.userId, { stepIds: fresh.map((s) => s.id), goalIds: [] })
      : [];
  const created: NewMilestone[] = fresh.map((step) => ({
    id: deps.newId(),
    userId: goal.userId,
    kind: "step_mastered",
    goalId: goal.id,
    stepId: step.id,
    title: `You mastered "${step.title}"`,
    evidenceIds: JSON.stringify(evidence.filter((e) => e.stepId === step.id).map((e) => e.id)),
    achievedAt: now,
    seenAt: null,
  }));
  if (goalDone) {
    created.push(
      ...(await goalReached(db, deps, goal, now, earlier.get("goal_reached\u0001") ?? null)),
    );
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
  /** The goal's goal-reached milestone (null: there is none) when the caller has read it. */
  known?: Pick<MilestoneRow, "basisRemovedAt"> | null,
): Promise<NewMilestone[]> {
  // Not read yet: ask, and clear a removed basis whatever it was (an update of nothing is fine).
  const before =
    known !== undefined
      ? (known ?? undefined)
      : (await hasMilestone(db, goal.id, "goal_reached", null))
        ? { basisRemovedAt: "unknown" }
        : undefined;
  if (before) {
    if (before.basisRemovedAt) await restoreMilestoneBasis(db, goal.id, "goal_reached", null);
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
  const evidence = await listEvidenceOf(db, goal.userId, { stepIds: [], goalIds: [goal.id] });
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
