import {
  Attempt,
  AttemptInput,
  DEFAULT_PAGE_LIMIT,
  DebriefInput,
  Evidence,
  foldsLast,
  type LadderModel,
  LadderView,
  Milestone,
  NextCursor,
  NextStep,
  PageQuery,
  predictSuccess,
  updateWithAttempt,
  ValidationError,
} from "@cando/core";
import {
  type AttemptRow,
  attemptSortKey,
  findAttemptByKey,
  findDebrief,
  findEvidenceOfAttempt,
  insertAttempt,
  insertEvidence,
  isUniqueViolation,
  lastStepAddedAt,
  listAttempts,
  listDebriefs,
  saveDebrief,
} from "@cando/storage";
import { createRoute, z } from "@hono/zod-openapi";
import { access } from "../access";
import { authenticated } from "../auth/require-user";
import type { App } from "../context";
import { errors, json, jsonBody } from "../http/openapi";
import { decodeCursor, pageOf, rowsToRead } from "../http/pages";
import { ladderView, nextStep } from "../ladders/ladder";
import { rebuildLadderModel, saveModel, writableLadderModel } from "../ladders/replay";
import { recordMilestones } from "../milestones/record";
import { evidenceOfSuccess } from "./evidence";
import { presentAttempt, presentEvidence } from "./present";

const AttemptParams = z.object({ attemptId: z.string().min(1).max(64) });
const AttemptQuery = z
  .object({
    goalId: z.string().max(64).optional(),
    stepId: z.string().max(64).optional(),
    order: z
      .enum(["oldest", "newest"], { error: "must be oldest or newest" })
      .optional()
      .describe("oldest first (the default) or newest first"),
  })
  .extend(PageQuery.shape);
const Logged = z.object({ attempt: Attempt, ladder: LadderView, milestones: z.array(Milestone) });
/** A little slack for clocks that disagree; beyond it "attemptedAt" is refused as future. */
export const FUTURE_SLACK_MS = 5 * 60_000;

const tags = ["attempts"];

const log = createRoute({
  method: "post",
  path: "/api/attempts",
  tags,
  summary: "Log an attempt at a step; updates the ladder model and the next-step recommendation",
  description:
    "Send an `idempotencyKey`: a retried submit with the same key returns the first attempt (200) instead of a second one.",
  ...authenticated,
  request: { body: jsonBody(AttemptInput) },
  responses: {
    201: json(Logged, "The attempt, the updated ladder, and any milestones it reached."),
    200: json(Logged, "This idempotency key was already used: the attempt it logged."),
    ...errors(400, 401, 403, 404),
  },
});

const list = createRoute({
  method: "get",
  path: "/api/attempts",
  tags,
  summary: "The person's attempts, oldest (or newest) first, with debriefs, a page at a time",
  description:
    "Paginated: at most `limit` attempts (default 100, fewer when long); pass `nextCursor` as `cursor` for the next page.",
  ...authenticated,
  request: { query: AttemptQuery },
  responses: {
    200: json(z.object({ attempts: z.array(Attempt), nextCursor: NextCursor }), "Attempts."),
    ...errors(400, 401),
  },
});

const show = createRoute({
  method: "get",
  path: "/api/attempts/{attemptId}",
  tags,
  summary: "One attempt with its debrief",
  ...authenticated,
  request: { params: AttemptParams },
  responses: { 200: json(z.object({ attempt: Attempt }), "The attempt."), ...errors(401, 404) },
});

const debrief = createRoute({
  method: "put",
  path: "/api/attempts/{attemptId}/debrief",
  tags,
  summary: "Debrief an attempt: reflections and the six attribution ratings (0–4)",
  description:
    "A debriefed success becomes a piece of evidence (once; edit it through /api/evidence).",
  ...authenticated,
  request: { params: AttemptParams, body: jsonBody(DebriefInput) },
  responses: {
    200: json(
      z.object({ attempt: Attempt, evidence: Evidence.nullable(), next: NextStep.nullable() }),
      "The attempt with its debrief, and what next on its ladder.",
    ),
    ...errors(400, 401, 403, 404),
  },
});

export function registerAttemptRoutes(app: App): void {
  app.openapi(log, async (c) => {
    const input = c.req.valid("json");
    const deps = c.var.deps;
    const { db, clock, newId } = deps;
    const user = c.var.user;

    const replay = async () => {
      const key = input.idempotencyKey;
      const existing = key ? await findAttemptByKey(db, user.id, key) : undefined;
      if (!existing) return undefined;
      const goal = await access.goal(db, user, existing.goalId);
      return {
        attempt: presentAttempt(existing, await findDebrief(db, existing.id)),
        ladder: await ladderView(db, goal, clock.now()),
        milestones: [],
      };
    };

    const earlier = await replay();
    if (earlier) return c.json(earlier, 200);
    try {
      const logged = await db.transaction().execute(async (trx) => {
        const found = await access.step(trx, user, input.stepId);
        // Lock the goal first, then read the step and model again: a parallel attempt or
        // ladder edit on this goal waits here instead of overwriting the model.
        const goal = await access.goalForUpdate(trx, user, found.goalId);
        const step = await access.step(trx, user, found.id);
        if (step.archivedAt !== null)
          throw new ValidationError([{ path: "stepId", message: "is archived" }]);
        const now = clock.now();
        const model = await writableLadderModel(trx, goal, now.toISOString());
        if (!model) throw new ValidationError([{ path: "stepId", message: "is not on a ladder" }]);
        const at = input.attemptedAt ? new Date(input.attemptedAt) : now;
        if (at.getTime() > now.getTime() + FUTURE_SLACK_MS) {
          throw new ValidationError([{ path: "attemptedAt", message: "is in the future" }]);
        }
        const row: AttemptRow = {
          id: newId(),
          userId: user.id,
          goalId: goal.id,
          stepId: step.id,
          idempotencyKey: input.idempotencyKey ?? null,
          attemptedAt: at.toISOString(),
          confidenceBefore: input.confidenceBefore ?? null,
          anxietyBefore: input.anxietyBefore ?? null,
          outcome: input.outcome,
          effort: input.effort,
          difficulty: input.difficulty,
          anxietyAfter: input.anxietyAfter ?? null,
          minutes: input.minutes ?? null,
          note: input.note,
          predictedSuccess: predictSuccess(model, step.id),
          createdAt: now.toISOString(),
          // Logged in one go: confidence was rated afterwards (see attempt starts for "before").
          confidenceRated: "after",
        };
        await insertAttempt(trx, row);
        // The attempt and the model it updates land together or not at all. The common case, an
        // attempt after all others, is folded in; a backdated one changes the past: replay.
        let next: LadderModel | null;
        if (foldsLast(model, row.attemptedAt, await lastStepAddedAt(trx, goal.id))) {
          next = updateWithAttempt(model, {
            stepId: step.id,
            outcome: input.outcome,
            at: row.attemptedAt,
          });
          await saveModel(trx, goal, next, now.toISOString());
        } else {
          next = await rebuildLadderModel(trx, goal, now.toISOString());
        }
        if (!next) throw new ValidationError([{ path: "stepId", message: "is not on a ladder" }]);
        const milestones = await recordMilestones(trx, deps, goal, next, row.attemptedAt);
        return {
          attempt: presentAttempt(row, undefined),
          ladder: await ladderView(trx, goal, now),
          milestones,
        };
      });
      return c.json(logged, 201);
    } catch (error) {
      // Two submits with one key raced; the other one won. Answer as for a retry.
      if (isUniqueViolation(error)) {
        const winner = await replay();
        if (winner) return c.json(winner, 200);
      }
      throw error;
    }
  });

  app.openapi(list, async (c) => {
    const filter = c.req.valid("query");
    const { db } = c.var.deps;
    const rows = await listAttempts(
      db,
      c.var.user.id,
      {
        ...(filter.goalId ? { goalId: filter.goalId } : {}),
        ...(filter.stepId ? { stepId: filter.stepId } : {}),
      },
      {
        limit: rowsToRead(filter.limit),
        after: decodeCursor(filter.cursor, 3),
        newestFirst: filter.order === "newest",
      },
    );
    const debriefs = new Map(
      (
        await listDebriefs(
          db,
          rows.slice(0, filter.limit ?? DEFAULT_PAGE_LIMIT).map((r) => r.id),
        )
      ).map((d) => [d.attemptId, d]),
    );
    const page = pageOf(
      rows,
      filter.limit,
      (r) => presentAttempt(r, debriefs.get(r.id)),
      attemptSortKey,
    );
    return c.json({ attempts: page.items, nextCursor: page.nextCursor }, 200);
  });

  app.openapi(show, async (c) => {
    const { attemptId } = c.req.valid("param");
    const { db } = c.var.deps;
    const attempt = await access.attempt(db, c.var.user, attemptId);
    return c.json({ attempt: presentAttempt(attempt, await findDebrief(db, attempt.id)) }, 200);
  });

  app.openapi(debrief, async (c) => {
    const { attemptId } = c.req.valid("param");
    const input = c.req.valid("json");
    const { db, clock, newId } = c.var.deps;
    const user = c.var.user;
    const result = await db.transaction().execute(async (trx) => {
      const found = await access.attempt(trx, user, attemptId);
      // Serialize with other writes on this goal (a second debrief racing to create evidence).
      await access.goalForUpdate(trx, user, found.goalId);
      const attempt = await access.attempt(trx, user, attemptId);
      const now = clock.now().toISOString();
      const existing = await findDebrief(trx, attempt.id);
      const row = {
        attemptId: attempt.id,
        didWell: input.didWell,
        capability: input.capability,
        differently: input.differently,
        ...input.attributions,
        reattribution: input.reattribution,
        dismissedFlags: JSON.stringify(input.dismissedFlags),
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
      };
      await saveDebrief(trx, row);

      // A debriefed success goes into the evidence journal, once; later edits are the person's.
      let evidence = await findEvidenceOfAttempt(trx, attempt.id);
      if (!evidence && attempt.outcome === "done") {
        const step = await access.step(trx, user, attempt.stepId);
        const goal = await access.goal(trx, user, attempt.goalId);
        evidence = evidenceOfSuccess({
          id: newId(),
          attempt,
          goal,
          step,
          debrief: input,
          now,
        });
        await insertEvidence(trx, evidence);
      }
      return {
        attempt: presentAttempt(attempt, row),
        evidence: evidence ? presentEvidence(evidence) : null,
        next: await nextStep(trx, await access.goal(trx, user, attempt.goalId)),
      };
    });
    return c.json(result, 200);
  });
}
