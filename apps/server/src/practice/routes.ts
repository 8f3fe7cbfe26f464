import {
  addDays,
  Day,
  PRACTICE_YEAR_DAYS,
  PracticeEntry,
  PracticeEntryInput,
  PracticeResponse,
  PracticeSummary,
  PracticeTargetInput,
  ValidationError,
} from "@cando/core";
import {
  addPracticeRestDay,
  insertPracticeEntry,
  latestPracticeEntries,
  type PracticeEntryRow,
  practiceMinutesByDay,
  practiceRestDays,
  removePracticeRestDay,
  setPracticeTarget,
} from "@cando/storage";
import { createRoute, z } from "@hono/zod-openapi";
import { access } from "../access";
import { authenticated } from "../auth/require-user";
import type { App } from "../context";
import { errors, json, jsonBody } from "../http/openapi";
import { personToday } from "../rhythm/settings";
import { practiceSummary, presentPracticeEntry } from "./summary";

const GoalParams = z.object({ goalId: z.string().min(1).max(64) });
const RestDayParams = GoalParams.extend({ day: Day });
const SummaryResponse = z.object({ practice: PracticeSummary });
const tags = ["practice"];
const LATEST_ENTRIES = 20;

const show = createRoute({
  method: "get",
  path: "/api/goals/{goalId}/practice",
  tags,
  summary:
    "A goal's practice: the consistency score, today's and the week's minutes, the year's heat map, rest days, latest entries",
  ...authenticated,
  request: { params: GoalParams },
  responses: { 200: json(PracticeResponse, "The goal's practice."), ...errors(401, 404) },
});

const log = createRoute({
  method: "post",
  path: "/api/goals/{goalId}/practice",
  tags,
  summary: "Log deliberate practice: minutes on a day (several entries a day add up)",
  ...authenticated,
  request: { params: GoalParams, body: jsonBody(PracticeEntryInput) },
  responses: {
    201: json(
      z.object({ entry: PracticeEntry, practice: PracticeSummary }),
      "The entry and the goal's practice now.",
    ),
    ...errors(400, 401, 403, 404),
  },
});

const target = createRoute({
  method: "put",
  path: "/api/goals/{goalId}/practice/target",
  tags,
  summary: "Set or clear (null) the goal's weekly minutes target",
  ...authenticated,
  request: { params: GoalParams, body: jsonBody(PracticeTargetInput) },
  responses: { 200: json(SummaryResponse, "The goal's practice."), ...errors(400, 401, 403, 404) },
});

const planRest = createRoute({
  method: "put",
  path: "/api/goals/{goalId}/practice/rest-days/{day}",
  tags,
  summary: "Plan a rest day: it is neither practice nor a miss, so the score does not drop",
  ...authenticated,
  request: { params: RestDayParams },
  responses: { 200: json(SummaryResponse, "The goal's practice."), ...errors(400, 401, 403, 404) },
});

const unplanRest = createRoute({
  method: "delete",
  path: "/api/goals/{goalId}/practice/rest-days/{day}",
  tags,
  summary: "Take a planned rest day back",
  ...authenticated,
  request: { params: RestDayParams },
  responses: { 200: json(SummaryResponse, "The goal's practice."), ...errors(400, 401, 403, 404) },
});

/** Rest days may be planned a year either side of today. */
function checkRestDay(day: string, today: string) {
  if (day < addDays(today, -PRACTICE_YEAR_DAYS) || day > addDays(today, PRACTICE_YEAR_DAYS)) {
    throw new ValidationError([{ path: "day", message: "must be within a year of today" }]);
  }
}

export function registerPracticeRoutes(app: App): void {
  app.openapi(show, async (c) => {
    const { goalId } = c.req.valid("param");
    const { db, clock } = c.var.deps;
    const user = c.var.user;
    const goal = await access.goal(db, user, goalId);
    const { today } = await personToday(db, user.id, clock.now());
    const from = addDays(today, -(PRACTICE_YEAR_DAYS - 1));
    const practice = await practiceSummary(db, user.id, goal.id, today);
    const days = await practiceMinutesByDay(db, user.id, [goal.id], from, today);
    const rest = await practiceRestDays(
      db,
      user.id,
      [goal.id],
      from,
      addDays(today, PRACTICE_YEAR_DAYS),
    );
    const entries = await latestPracticeEntries(db, user.id, goal.id, LATEST_ENTRIES);
    return c.json(
      {
        practice,
        year: { from, to: today, days: days.map((d) => ({ day: d.day, minutes: d.minutes })) },
        restDays: rest.map((r) => r.day),
        entries: entries.map(presentPracticeEntry),
      },
      200,
    );
  });

  app.openapi(log, async (c) => {
    const { goalId } = c.req.valid("param");
    const input = c.req.valid("json");
    const { db, clock, newId } = c.var.deps;
    const user = c.var.user;
    const result = await db.transaction().execute(async (trx) => {
      const goal = await access.goal(trx, user, goalId);
      const { today } = await personToday(trx, user.id, clock.now());
      if (input.day > today) {
        throw new ValidationError([{ path: "day", message: "must not be later than today" }]);
      }
      const entry: PracticeEntryRow = {
        id: newId(),
        userId: user.id,
        goalId: goal.id,
        day: input.day,
        minutes: input.minutes,
        what: input.what,
        note: input.note,
        createdAt: clock.now().toISOString(),
      };
      // An insert only: parallel entries of one day simply add up, no read-modify-write.
      await insertPracticeEntry(trx, entry);
      return { entry, practice: await practiceSummary(trx, user.id, goal.id, today) };
    });
    return c.json({ entry: presentPracticeEntry(result.entry), practice: result.practice }, 201);
  });

  app.openapi(target, async (c) => {
    const { goalId } = c.req.valid("param");
    const { weeklyMinutes } = c.req.valid("json");
    const { db, clock } = c.var.deps;
    const user = c.var.user;
    const practice = await db.transaction().execute(async (trx) => {
      const goal = await access.goal(trx, user, goalId);
      await setPracticeTarget(trx, user.id, goal.id, weeklyMinutes, clock.now().toISOString());
      const { today } = await personToday(trx, user.id, clock.now());
      return practiceSummary(trx, user.id, goal.id, today);
    });
    return c.json({ practice }, 200);
  });

  app.openapi(planRest, async (c) => {
    const { goalId, day } = c.req.valid("param");
    const { db, clock } = c.var.deps;
    const user = c.var.user;
    const practice = await db.transaction().execute(async (trx) => {
      const goal = await access.goal(trx, user, goalId);
      const { today } = await personToday(trx, user.id, clock.now());
      checkRestDay(day, today);
      await addPracticeRestDay(trx, {
        goalId: goal.id,
        day,
        userId: user.id,
        createdAt: clock.now().toISOString(),
      });
      return practiceSummary(trx, user.id, goal.id, today);
    });
    return c.json({ practice }, 200);
  });

  app.openapi(unplanRest, async (c) => {
    const { goalId, day } = c.req.valid("param");
    const { db, clock } = c.var.deps;
    const user = c.var.user;
    const practice = await db.transaction().execute(async (trx) => {
      const goal = await access.goal(trx, user, goalId);
      const { today } = await personToday(trx, user.id, clock.now());
      checkRestDay(day, today);
      await removePracticeRestDay(trx, user.id, goal.id, day);
      return practiceSummary(trx, user.id, goal.id, today);
    });
    return c.json({ practice }, 200);
  });
}
