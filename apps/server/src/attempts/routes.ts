import {
  Attempt,
  AttemptInput,
  DEFAULT_PAGE_LIMIT,
  DebriefInput,
  Evidence,
  NextCursor,
  NextStep,
  NotFoundError,
  PageQuery,
} from "@cando/core";
import {
  attemptSortKey,
  findDebrief,
  findEvidenceOfAttempt,
  insertEvidenceOfAttempt,
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
import { nextStep } from "../ladders/ladder";
import { evidenceOfSuccess } from "./evidence";
import { presentAttempt, presentEvidence } from "./present";
import { Logged, loggedEarlier, recordAttempt } from "./record";

export { FUTURE_SLACK_MS } from "./record";

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
    const { db } = deps;
    const user = c.var.user;
    const key = input.idempotencyKey;
    try {
      const logged = await db.transaction().execute(async (trx) => {
        // Lock the goal first (found through the step), then read its steps and model: a
        // parallel attempt or ladder edit on this goal waits here instead of overwriting the model.
        const { goal, targetPercent } = await access.goalOfStepForUpdate(trx, user, input.stepId);
        const { row: _, ...recorded } = await recordAttempt(
          trx,
          deps,
          goal,
          {
            ...input,
            idempotencyKey: key ?? null,
            // Logged in one go: confidence was rated afterwards (see attempt starts for "before").
            before: {
              confidenceBefore: input.confidenceBefore ?? null,
              anxietyBefore: input.anxietyBefore ?? null,
              confidenceRated: "after",
            },
            refuseArchived: true,
            ladderPath: "stepId",
          },
          targetPercent / 100,
        );
        return recorded;
      });
      return c.json(logged, 201);
    } catch (error) {
      // A retried submit (its key is taken: a unique violation), or one that no longer passes
      // (its step archived since): answer with the attempt the key logged. Looked up only when
      // something failed, so a first submit does not pay for it.
      if (key) {
        const earlier = await loggedEarlier(db, deps, user, key);
        if (earlier) return c.json(earlier, 200);
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
      // Serialize with other writes on this goal (a second debrief racing to create evidence), then
      // read the attempt as it is now.
      const { goal, targetPercent } = await access.goalOfAttemptForUpdate(trx, user, attemptId);
      // The attempt, whether it has a debrief yet, and the goal's steps (the evidence's step,
      // what next), in one read under the lock.
      const { attempt, debriefCreatedAt, steps } = await access.attemptToDebrief(
        trx,
        user,
        attemptId,
        goal.id,
      );
      const now = clock.now().toISOString();
      const row = {
        attemptId: attempt.id,
        didWell: input.didWell,
        capability: input.capability,
        differently: input.differently,
        ...input.attributions,
        reattribution: input.reattribution,
        dismissedFlags: JSON.stringify(input.dismissedFlags),
        createdAt: now,
        updatedAt: now,
      };
      // A debrief edited keeps when it was first written.
      const saved = await saveDebrief(trx, row, debriefCreatedAt);
      row.createdAt = saved.createdAt;

      // A debriefed success goes into the evidence journal, once; later edits are the person's.
      // A first debrief has none yet (only a debrief makes it), so it is inserted without a look;
      // an edited one looks first (the person may have deleted it: then it is made again).
      let evidence = saved.replaced ? await findEvidenceOfAttempt(trx, attempt.id) : undefined;
      if (!evidence && attempt.outcome === "done") {
        const step = steps.find((s) => s.id === attempt.stepId);
        if (!step) throw new NotFoundError("step");
        const made = evidenceOfSuccess({ id: newId(), attempt, goal, step, debrief: input, now });
        // The unique attempt_id keeps it to one piece, whatever raced it.
        evidence = (await insertEvidenceOfAttempt(trx, made))
          ? made
          : await findEvidenceOfAttempt(trx, attempt.id);
      }
      return {
        attempt: presentAttempt(attempt, row),
        evidence: evidence ? presentEvidence(evidence) : null,
        next: await nextStep(trx, goal, targetPercent / 100, steps),
      };
    });
    return c.json(result, 200);
  });
}
