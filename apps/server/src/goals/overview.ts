import {
  AttemptStart,
  AttemptSummary,
  DEFAULT_PAGE_LIMIT,
  Domain,
  Goal,
  LadderView,
  NextCursor,
  PageQuery,
  StepRating,
  StepRoleModel,
} from "@cando/core";
import {
  type AttemptSummaryRow,
  attemptSortKey,
  type Db,
  listAttemptStarts,
  listAttemptSummaries,
  listDomains,
  listStepRatings,
  onOneConnection,
  presentDomain,
  roleModelStepsOfGoal,
} from "@cando/storage";
import { createRoute, z } from "@hono/zod-openapi";
import { access } from "../access";
import { authenticated } from "../auth/require-user";
import type { App } from "../context";
import { errors, json } from "../http/openapi";
import { decodeCursor, pageOf, rowsToRead } from "../http/pages";
import { ladderView } from "../ladders/ladder";
import { presentStart } from "../prepare/present";
import { presentGoal } from "./present";
import { GoalParams } from "./routes";

// The goal page in one answer: one session check, one access check and one round trip instead of
// six (the goal with its ladder, the domains, the step ratings, the newest attempts, who did the
// steps, the attempts in progress).

const AttemptSummaryPage = z.object({ attempts: z.array(AttemptSummary), nextCursor: NextCursor });
const GoalOverview = z
  .object({
    goal: Goal,
    ladder: LadderView,
    domains: z.array(Domain),
    ratings: z.array(StepRating).describe("Confidence ratings of the steps, oldest first"),
    roleModels: z
      .array(StepRoleModel)
      .describe("Who did the steps: as `GET /api/goals/{goalId}/role-models`"),
    attemptStarts: z
      .array(AttemptStart)
      .describe("Attempts of this goal started and not finished: as `GET /api/attempt-starts`"),
  })
  .extend(AttemptSummaryPage.shape);

const tags = ["goals"];
const overview = createRoute({
  method: "get",
  path: "/api/goals/{goalId}/overview",
  tags,
  summary:
    "What the goal's page shows: the goal, its ladder, domains, ratings, newest attempts, role models, attempts in progress",
  description:
    "`attempts` is the first page of `GET /api/goals/{goalId}/attempt-summaries` (newest first, `limit` of the query).",
  ...authenticated,
  request: { params: GoalParams, query: PageQuery.pick({ limit: true }) },
  responses: { 200: json(GoalOverview, "The goal's page."), ...errors(400, 401, 404) },
});

const summaries = createRoute({
  method: "get",
  path: "/api/goals/{goalId}/attempt-summaries",
  tags,
  summary: "The goal's attempts, newest first, without their notes and debriefs",
  description: `Paginated: at most \`limit\` attempts (default ${DEFAULT_PAGE_LIMIT}); pass \`nextCursor\` as \`cursor\` for the next page.`,
  ...authenticated,
  request: { params: GoalParams, query: PageQuery },
  responses: { 200: json(AttemptSummaryPage, "Attempts, newest first."), ...errors(400, 401, 404) },
});

/** One page of summaries: `limit` of them, and the cursor of the last when more remain. */
async function summaryPage(
  db: Db,
  goalId: string,
  query: { limit?: number | undefined; cursor?: string | undefined },
) {
  const rows = await listAttemptSummaries(db, goalId, {
    limit: rowsToRead(query.limit),
    after: decodeCursor(query.cursor, 3),
  });
  const page = pageOf(rows, query.limit, presentSummary, attemptSortKey);
  return { attempts: page.items, nextCursor: page.nextCursor };
}

const presentSummary = (r: AttemptSummaryRow): AttemptSummary => ({
  id: r.id,
  stepId: r.stepId,
  attemptedAt: r.attemptedAt,
  outcome: r.outcome as AttemptSummary["outcome"],
  predictedSuccess: r.predictedSuccess,
  debriefed: r.debriefed,
});

export function registerGoalOverviewRoutes(app: App): void {
  app.openapi(overview, async (c) => {
    const { goalId } = c.req.valid("param");
    const { clock } = c.var.deps;
    const query = c.req.valid("query");
    // Nine reads in a row: one wait for the pool, not nine (onOneConnection).
    const { goal, ladder, domains, ratings, page, roleModels, starts } = await onOneConnection(
      c.var.deps.db,
      async (db) => {
        const goal = await access.goal(db, c.var.user, goalId);
        return {
          goal,
          ladder: await ladderView(db, goal, clock.now()),
          domains: await listDomains(db, c.var.user.id),
          ratings: await listStepRatings(db, goal.id),
          page: await summaryPage(db, goal.id, query),
          roleModels: await roleModelStepsOfGoal(db, c.var.user.id, goal.id),
          starts: await listAttemptStarts(db, c.var.user.id, { goalId: goal.id }),
        };
      },
    );
    return c.json(
      {
        goal: presentGoal(goal),
        ladder,
        domains: domains.map(presentDomain),
        ratings: ratings.map(({ stepId, confidence, ratedAt }) => ({
          stepId,
          confidence,
          ratedAt,
        })),
        roleModels,
        attemptStarts: starts.map((s) => presentStart(s, s)),
        ...page,
      },
      200,
    );
  });

  app.openapi(summaries, async (c) => {
    const { goalId } = c.req.valid("param");
    const goal = await access.goal(c.var.deps.db, c.var.user, goalId);
    return c.json(await summaryPage(c.var.deps.db, goal.id, c.req.valid("query")), 200);
  });
}
