import {
  Attempt,
  AttemptRemoval,
  AttemptUpdate,
  ConflictError,
  GoalContents,
  isoDay,
  LadderView,
  Milestone,
  NotFoundError,
  Undo,
  ValidationError,
} from "@cando/core";
import {
  type AttemptPatch,
  countGoalContents,
  type Db,
  deleteAttempt,
  deleteAudit,
  deleteEvidence,
  deleteGoal,
  findAttempt,
  findDebrief,
  findDeletion,
  findEvidenceOfAttempt,
  findGoal,
  findStep,
  insertAudit,
  insertEvidence,
  isUniqueViolation,
  purgeExpiredDeletions,
  removeDeletion,
  restoreAttempt,
  type UserRow,
  updateAttempt,
  updateEvidence,
} from "@cando/storage";
import { createRoute, z } from "@hono/zod-openapi";
import { access } from "../access";
import { evidenceOfSuccess } from "../attempts/evidence";
import { attributionsOf, presentAttempt } from "../attempts/present";
import { FUTURE_SLACK_MS } from "../attempts/routes";
import { authenticated } from "../auth/require-user";
import type { App, AppDeps } from "../context";
import { errors, json, jsonBody } from "../http/openapi";
import { ladderView } from "../ladders/ladder";
import { afterAttemptsChanged } from "./consistency";
import { type DeletedRows, deletedRows, keepForUndo } from "./deletions";

const id = z.string().min(1).max(64);
const AttemptParams = z.object({ attemptId: id });
const EvidenceParams = z.object({ evidenceId: id });
const GoalParams = z.object({ goalId: id });
const AuditParams = z.object({ auditId: id });
const DeletionParams = z.object({ deletionId: id });

const Edited = z.object({
  attempt: Attempt,
  ladder: LadderView,
  milestones: z.array(Milestone).describe("Milestones the corrected history newly reached"),
  removedEvidenceIds: z
    .array(z.string())
    .describe("Evidence removed because the attempt is no longer a success"),
});
const AttemptDeleted = z.object({ ladder: LadderView, removed: AttemptRemoval, undo: Undo });
const Deleted = z.object({ undo: Undo });
const GoalDeleted = z.object({ deleted: GoalContents });
const Restored = z.object({
  kind: z.enum(["attempt", "evidence", "audit"]),
  id: z.string().describe("The id of what was put back"),
  ladder: LadderView.nullable().describe("The goal's ladder, when an attempt was put back"),
});

const editAttempt = createRoute({
  method: "patch",
  path: "/api/attempts/{attemptId}",
  tags: ["attempts"],
  summary: "Correct an attempt: outcome, when, ratings, minutes, note; the ladder is replayed",
  description:
    "Only the fields sent change. The ladder model is rebuilt from the corrected history. An attempt that is no longer `done` loses the evidence its debrief created; one corrected to `done` with a debrief gains it. Edit the debrief with PUT /api/attempts/{attemptId}/debrief.",
  ...authenticated,
  request: { params: AttemptParams, body: jsonBody(AttemptUpdate) },
  responses: {
    200: json(Edited, "The corrected attempt and the replayed ladder."),
    ...errors(400, 401, 403, 404),
  },
});

const removeAttempt = createRoute({
  method: "delete",
  path: "/api/attempts/{attemptId}",
  tags: ["attempts"],
  summary: "Delete an attempt with its debrief and the evidence its debrief created",
  description:
    "The ladder model is replayed without it; milestones it earned stay, marked `basisRemovedAt`. Undo within the window with POST /api/deletions/{deletionId}/restore.",
  ...authenticated,
  request: { params: AttemptParams },
  responses: {
    200: json(AttemptDeleted, "What went, the replayed ladder, and how to undo."),
    ...errors(401, 403, 404),
  },
});

const removeEvidence = createRoute({
  method: "delete",
  path: "/api/evidence/{evidenceId}",
  tags: ["evidence"],
  summary: "Delete a piece of evidence",
  ...authenticated,
  request: { params: EvidenceParams },
  responses: { 200: json(Deleted, "How to undo."), ...errors(401, 403, 404) },
});

const goalContents = createRoute({
  method: "get",
  path: "/api/goals/{goalId}/contents",
  tags: ["goals"],
  summary: "How much deleting this goal would delete: steps, attempts, evidence, milestones",
  ...authenticated,
  request: { params: GoalParams },
  responses: {
    200: json(z.object({ contents: GoalContents }), "The counts."),
    ...errors(401, 404),
  },
});

const removeGoal = createRoute({
  method: "delete",
  path: "/api/goals/{goalId}",
  tags: ["goals"],
  summary:
    "Delete a goal for good with everything under it: steps, ratings, attempts, debriefs, its evidence, milestones",
  description: "There is no undo: the app asks the person to type the goal's name first.",
  ...authenticated,
  request: { params: GoalParams },
  responses: { 200: json(GoalDeleted, "What was deleted."), ...errors(401, 403, 404) },
});

const removeAudit = createRoute({
  method: "delete",
  path: "/api/audits/{auditId}",
  tags: ["audits"],
  summary: "Delete an audit and its ratings",
  ...authenticated,
  request: { params: AuditParams },
  responses: { 200: json(Deleted, "How to undo."), ...errors(401, 403, 404) },
});

const restore = createRoute({
  method: "post",
  path: "/api/deletions/{deletionId}/restore",
  tags: ["corrections"],
  summary: "Undo a deletion (attempt, evidence or audit) within its window",
  ...authenticated,
  request: { params: DeletionParams },
  responses: {
    200: json(Restored, "Put back as it was."),
    ...errors(401, 403, 404, 409),
  },
});

export function registerCorrectionRoutes(app: App): void {
  app.openapi(editAttempt, async (c) => {
    const { attemptId } = c.req.valid("param");
    const input = c.req.valid("json");
    const deps = c.var.deps;
    const user = c.var.user;
    const result = await deps.db.transaction().execute(async (trx) => {
      const found = await access.attempt(trx, user, attemptId);
      const goal = await access.goalForUpdate(trx, user, found.goalId);
      // Read again under the goal's lock: a parallel correction may have changed or deleted it.
      const attempt = await findAttempt(trx, user.id, found.id);
      if (!attempt) throw new NotFoundError("attempt");
      const now = deps.clock.now();
      const patch: AttemptPatch = {};
      if (input.attemptedAt !== undefined) {
        const at = new Date(input.attemptedAt);
        if (at.getTime() > now.getTime() + FUTURE_SLACK_MS) {
          throw new ValidationError([{ path: "attemptedAt", message: "is in the future" }]);
        }
        patch.attemptedAt = at.toISOString();
      }
      for (const key of [
        "confidenceBefore",
        "anxietyBefore",
        "outcome",
        "effort",
        "difficulty",
        "anxietyAfter",
        "minutes",
        "note",
      ] as const) {
        const value = input[key];
        if (value !== undefined) Object.assign(patch, { [key]: value });
      }
      await updateAttempt(trx, user.id, attempt.id, patch);
      const edited = { ...attempt, ...patch };
      const stamp = now.toISOString();

      // The evidence journal follows the corrected outcome: only a debriefed success is evidence.
      const debrief = await findDebrief(trx, attempt.id);
      const evidence = await findEvidenceOfAttempt(trx, attempt.id);
      const removedEvidenceIds: string[] = [];
      if (evidence && edited.outcome !== "done") {
        await deleteEvidence(trx, user.id, evidence.id);
        removedEvidenceIds.push(evidence.id);
      } else if (!evidence && debrief && edited.outcome === "done") {
        const step = await access.step(trx, user, edited.stepId);
        await insertEvidence(
          trx,
          evidenceOfSuccess({
            id: deps.newId(),
            attempt: edited,
            goal,
            step,
            debrief: { ...debrief, attributions: attributionsOf(debrief) },
            now: stamp,
          }),
        );
      } else if (evidence && patch.attemptedAt !== undefined) {
        const oldDay = isoDay(new Date(attempt.attemptedAt));
        const newDay = isoDay(new Date(edited.attemptedAt));
        // Only when the person has not moved the evidence's day themselves.
        if (evidence.occurredOn === oldDay && newDay !== oldDay) {
          await updateEvidence(trx, user.id, evidence.id, { occurredOn: newDay, updatedAt: stamp });
        }
      }

      const { milestones } = await afterAttemptsChanged(trx, deps, goal);
      return {
        attempt: presentAttempt(edited, debrief),
        ladder: await ladderView(trx, goal, now),
        milestones,
        removedEvidenceIds,
      };
    });
    return c.json(result, 200);
  });

  app.openapi(removeAttempt, async (c) => {
    const { attemptId } = c.req.valid("param");
    const deps = c.var.deps;
    const user = c.var.user;
    const result = await deps.db.transaction().execute(async (trx) => {
      const found = await access.attempt(trx, user, attemptId);
      const goal = await access.goalForUpdate(trx, user, found.goalId);
      const attempt = await findAttempt(trx, user.id, found.id);
      if (!attempt) throw new NotFoundError("attempt");
      const debrief = (await findDebrief(trx, attempt.id)) ?? null;
      const evidence = await findEvidenceOfAttempt(trx, attempt.id);
      const evidenceRows = evidence ? [evidence] : [];
      for (const e of evidenceRows) await deleteEvidence(trx, user.id, e.id);
      await deleteAttempt(trx, user.id, attempt.id);
      const { basisRemoved } = await afterAttemptsChanged(trx, deps, goal);
      const undo = await keepForUndo(trx, deps, user, {
        kind: "attempt",
        attempt,
        debrief,
        evidence: evidenceRows,
      });
      return {
        ladder: await ladderView(trx, goal, deps.clock.now()),
        removed: {
          debrief: debrief !== null,
          evidenceIds: evidenceRows.map((e) => e.id),
          milestonesAffected: basisRemoved,
        },
        undo,
      };
    });
    return c.json(result, 200);
  });

  app.openapi(removeEvidence, async (c) => {
    const { evidenceId } = c.req.valid("param");
    const deps = c.var.deps;
    const user = c.var.user;
    const undo = await deps.db.transaction().execute(async (trx) => {
      const evidence = await access.evidence(trx, user, evidenceId);
      await deleteEvidence(trx, user.id, evidence.id);
      return keepForUndo(trx, deps, user, { kind: "evidence", evidence });
    });
    return c.json({ undo }, 200);
  });

  app.openapi(goalContents, async (c) => {
    const { goalId } = c.req.valid("param");
    const { db } = c.var.deps;
    const goal = await access.goal(db, c.var.user, goalId);
    return c.json({ contents: await countGoalContents(db, goal.id) }, 200);
  });

  app.openapi(removeGoal, async (c) => {
    const { goalId } = c.req.valid("param");
    const { db } = c.var.deps;
    const user = c.var.user;
    const deleted = await db.transaction().execute(async (trx) => {
      const goal = await access.goalForUpdate(trx, user, goalId);
      const contents = await countGoalContents(trx, goal.id);
      await deleteGoal(trx, user.id, goal.id);
      return contents;
    });
    return c.json({ deleted }, 200);
  });

  app.openapi(removeAudit, async (c) => {
    const { auditId } = c.req.valid("param");
    const deps = c.var.deps;
    const user = c.var.user;
    const undo = await deps.db.transaction().execute(async (trx) => {
      const audit = await access.audit(trx, user, auditId);
      await deleteAudit(trx, user.id, audit.id);
      return keepForUndo(trx, deps, user, {
        kind: "audit",
        audit: { id: audit.id, userId: user.id, takenAt: audit.takenAt, note: audit.note },
        ratings: audit.ratings,
      });
    });
    return c.json({ undo }, 200);
  });

  app.openapi(restore, async (c) => {
    const { deletionId } = c.req.valid("param");
    const deps = c.var.deps;
    const user = c.var.user;
    try {
      const result = await deps.db.transaction().execute(async (trx) => {
        const now = deps.clock.now();
        const deletion = await findDeletion(trx, user.id, deletionId, now.toISOString());
        if (!deletion) throw new NotFoundError("deletion");
        const rows = deletedRows(deletion.payload);
        await removeDeletion(trx, deletion.id);
        await purgeExpiredDeletions(trx, now.toISOString());
        return putBack(trx, deps, user, rows, now);
      });
      return c.json(result, 200);
    } catch (error) {
      // The same id taken again meanwhile (a re-logged attempt's idempotency key): cannot undo.
      if (isUniqueViolation(error)) throw cannotUndo();
      throw error;
    }
  });
}

const cannotUndo = () =>
  new ConflictError(
    "undo_unavailable",
    "This can no longer be put back: what it belonged to has changed or is gone.",
  );

async function putBack(
  db: Db,
  deps: Pick<AppDeps, "clock" | "newId">,
  user: UserRow,
  rows: DeletedRows,
  now: Date,
): Promise<z.infer<typeof Restored>> {
  if (rows.kind === "audit") {
    await insertAudit(db, { ...rows.audit, ratings: rows.ratings });
    return { kind: "audit", id: rows.audit.id, ladder: null };
  }
  if (rows.kind === "evidence") {
    const e = rows.evidence;
    // Links to what was deleted since are dropped; the evidence itself stands on its own.
    const goal = e.goalId ? await findGoal(db, user.id, e.goalId) : undefined;
    const step = e.stepId && goal ? await findStep(db, user.id, e.stepId) : undefined;
    const attempt = e.attemptId ? await findAttempt(db, user.id, e.attemptId) : undefined;
    const taken = attempt ? await findEvidenceOfAttempt(db, attempt.id) : undefined;
    await insertEvidence(db, {
      ...e,
      goalId: goal?.id ?? null,
      stepId: step?.id ?? null,
      attemptId: attempt && !taken ? attempt.id : null,
    });
    return { kind: "evidence", id: e.id, ladder: null };
  }
  const goal = await access.goalForUpdate(db, user, rows.attempt.goalId).catch(() => {
    throw cannotUndo();
  });
  if (!(await findStep(db, user.id, rows.attempt.stepId))) throw cannotUndo();
  await restoreAttempt(db, rows.attempt, rows.debrief);
  for (const e of rows.evidence) await insertEvidence(db, e);
  await afterAttemptsChanged(db, deps, goal);
  return { kind: "attempt", id: rows.attempt.id, ladder: await ladderView(db, goal, now) };
}
