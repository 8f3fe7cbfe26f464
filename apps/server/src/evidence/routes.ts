import {
  calibrateBelief,
  DoubtResponse,
  Evidence,
  EvidenceInput,
  EvidenceQuery,
  EvidenceUpdate,
  NextCursor,
  type Outcome,
  ownShare,
  PageQuery,
  ReattributionInput,
  ValidationError,
} from "@cando/core";
import {
  type Db,
  type EvidenceRow,
  evidenceSortKey,
  findDomain,
  insertEvidence,
  listStatedConfidence,
  rankEvidenceForDoubtInSql,
  searchEvidence,
  type UserRow,
  updateEvidence,
} from "@cando/storage";
import { createRoute, z } from "@hono/zod-openapi";
import { access } from "../access";
import { presentEvidence } from "../attempts/present";
import { authenticated } from "../auth/require-user";
import type { App } from "../context";
import { errors, json, jsonBody } from "../http/openapi";
import { decodeCursor, pageOf, rowsToRead } from "../http/pages";
import { readCacheOf } from "../insights/cache";

const EvidenceParams = z.object({ evidenceId: z.string().min(1).max(64) });
const EvidenceResponse = z.object({ evidence: Evidence });
const DoubtQuery = z.object({
  goalId: z.string().max(64).optional(),
  stepId: z.string().max(64).optional(),
});
const tags = ["evidence"];

const list = createRoute({
  method: "get",
  path: "/api/evidence",
  tags,
  summary:
    "The evidence journal, newest first: search every word of `q`, filter by domain, goal, step",
  description:
    "Paginated: at most `limit` pieces (default 100, fewer when long); pass `nextCursor` as `cursor` for the next page.",
  ...authenticated,
  request: { query: EvidenceQuery.extend(PageQuery.shape) },
  responses: {
    200: json(z.object({ evidence: z.array(Evidence), nextCursor: NextCursor }), "Evidence."),
    ...errors(400, 401),
  },
});

const create = createRoute({
  method: "post",
  path: "/api/evidence",
  tags,
  summary: "Enter an accomplishment by hand, with how much of it was your own doing",
  ...authenticated,
  request: { body: jsonBody(EvidenceInput) },
  responses: { 201: json(EvidenceResponse, "The evidence."), ...errors(400, 401, 403) },
});

const show = createRoute({
  method: "get",
  path: "/api/evidence/{evidenceId}",
  tags,
  summary: "One piece of evidence",
  ...authenticated,
  request: { params: EvidenceParams },
  responses: { 200: json(EvidenceResponse, "The evidence."), ...errors(401, 404) },
});

const update = createRoute({
  method: "patch",
  path: "/api/evidence/{evidenceId}",
  tags,
  summary: "Edit a piece of evidence",
  ...authenticated,
  request: { params: EvidenceParams, body: jsonBody(EvidenceUpdate) },
  responses: { 200: json(EvidenceResponse, "The evidence."), ...errors(400, 401, 403, 404) },
});

const reattribute = createRoute({
  method: "put",
  path: "/api/evidence/{evidenceId}/reattribution",
  tags,
  summary: "The imposter re-attribution exercise: weigh what produced it, write what it shows",
  ...authenticated,
  request: { params: EvidenceParams, body: jsonBody(ReattributionInput) },
  responses: {
    200: json(EvidenceResponse, "The evidence with the exercise."),
    ...errors(400, 401, 403, 404),
  },
});

const doubt = createRoute({
  method: "get",
  path: "/api/doubt",
  tags,
  summary:
    '"I\'m doubting myself": the most relevant evidence, and the calibration verdict when there is one',
  ...authenticated,
  request: { query: DoubtQuery },
  responses: { 200: json(DoubtResponse, "Evidence and calibration."), ...errors(400, 401, 404) },
});

/** Checks that optional goal/step links in a body are the caller's own and fit together. */
async function checkLinks(
  db: Db,
  user: UserRow,
  domainId: string,
  goalId?: string | null,
  stepId?: string | null,
) {
  const domain = await findDomain(db, user.id, domainId);
  if (!domain)
    throw new ValidationError([{ path: "domainId", message: "is not one of your domains" }]);
  if (goalId) {
    const goal = await access.goal(db, user, goalId);
    if (goal.domainId !== domainId)
      throw new ValidationError([{ path: "goalId", message: "is in another domain" }]);
  }
  if (stepId) {
    const step = await access.step(db, user, stepId);
    if (!goalId || step.goalId !== goalId) {
      throw new ValidationError([{ path: "stepId", message: "is not a step of the goal given" }]);
    }
  }
}

export function registerEvidenceRoutes(app: App): void {
  app.openapi(list, async (c) => {
    const query = c.req.valid("query");
    const rows = await searchEvidence(
      c.var.deps.db,
      c.var.user.id,
      {
        ...(query.q ? { q: query.q } : {}),
        ...(query.domainId ? { domainId: query.domainId } : {}),
        ...(query.goalId ? { goalId: query.goalId } : {}),
        ...(query.stepId ? { stepId: query.stepId } : {}),
      },
      { limit: rowsToRead(query.limit), after: decodeCursor(query.cursor, 3) },
    );
    const page = pageOf(rows, query.limit, presentEvidence, evidenceSortKey);
    return c.json({ evidence: page.items, nextCursor: page.nextCursor }, 200);
  });

  app.openapi(create, async (c) => {
    const input = c.req.valid("json");
    const { db, clock, newId } = c.var.deps;
    const user = c.var.user;
    const row = await db.transaction().execute(async (trx) => {
      await checkLinks(trx, user, input.domainId, input.goalId, input.stepId);
      const now = clock.now().toISOString();
      const evidence: EvidenceRow = {
        id: newId(),
        userId: user.id,
        source: "manual",
        attemptId: null,
        domainId: input.domainId,
        goalId: input.goalId ?? null,
        stepId: input.stepId ?? null,
        title: input.title,
        body: input.body,
        occurredOn: input.occurredOn,
        ownership: input.ownership,
        effort: null,
        reattribution: null,
        createdAt: now,
        updatedAt: now,
      };
      await insertEvidence(trx, evidence);
      return evidence;
    });
    return c.json({ evidence: presentEvidence(row) }, 201);
  });

  app.openapi(show, async (c) => {
    const { evidenceId } = c.req.valid("param");
    const evidence = await access.evidence(c.var.deps.db, c.var.user, evidenceId);
    return c.json({ evidence: presentEvidence(evidence) }, 200);
  });

  app.openapi(update, async (c) => {
    const { evidenceId } = c.req.valid("param");
    const patch = c.req.valid("json");
    const { db, clock } = c.var.deps;
    const user = c.var.user;
    const row = await db.transaction().execute(async (trx) => {
      const evidence = await access.evidence(trx, user, evidenceId);
      const changes = {
        ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
        updatedAt: clock.now().toISOString(),
      };
      await updateEvidence(trx, user.id, evidence.id, changes);
      return { ...evidence, ...changes };
    });
    return c.json({ evidence: presentEvidence(row) }, 200);
  });

  app.openapi(reattribute, async (c) => {
    const { evidenceId } = c.req.valid("param");
    const input = c.req.valid("json");
    const { db, clock } = c.var.deps;
    const user = c.var.user;
    const row = await db.transaction().execute(async (trx) => {
      const evidence = await access.evidence(trx, user, evidenceId);
      const now = clock.now().toISOString();
      const reattribution = JSON.stringify({
        ...input,
        ownShare: ownShare(input.weights),
        doneAt: now,
      });
      await updateEvidence(trx, user.id, evidence.id, { reattribution, updatedAt: now });
      return { ...evidence, reattribution, updatedAt: now };
    });
    return c.json({ evidence: presentEvidence(row) }, 200);
  });

  app.openapi(doubt, async (c) => {
    const { goalId, stepId } = c.req.valid("query");
    const { db } = c.var.deps;
    const user = c.var.user;
    const step = stepId ? await access.step(db, user, stepId) : undefined;
    const goal =
      goalId || step ? await access.goal(db, user, goalId ?? step?.goalId ?? "") : undefined;
    if (step && goal && step.goalId !== goal.id) {
      throw new ValidationError([{ path: "stepId", message: "is not a step of the goal given" }]);
    }
    // Ranked in SQL (the same order as core's rankEvidenceForDoubt): five rows, not the journal.
    const ranked = (
      await rankEvidenceForDoubtInSql(db, user.id, {
        stepId: step?.id ?? null,
        goalId: goal?.id ?? null,
        domainId: goal?.domainId ?? null,
      })
    ).map(presentEvidence);
    // The calibration sentence reads the whole history: cached until the person's next write.
    const calibration = await readCacheOf(c.var.deps).get(
      db,
      user.id,
      `calibration\u0001${goal?.id ?? ""}`,
      async () =>
        calibrateBelief(
          (await listStatedConfidence(db, user.id, goal?.id)).map((a) => ({
            at: a.attemptedAt,
            confidence: a.confidenceBefore ?? 0,
            outcome: a.outcome as Outcome,
          })),
        ),
    );
    return c.json(
      {
        evidence: ranked,
        calibration:
          calibration.verdict === "not_enough_data"
            ? null
            : {
                verdict: calibration.verdict,
                attempts: calibration.attempts,
                bias: calibration.bias,
                sentence: calibration.sentence,
              },
      },
      200,
    );
  });
}
