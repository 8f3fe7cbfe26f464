import {
  addDays,
  Day,
  Evidence,
  latestReflectionDay,
  NextCursor,
  NotFoundError,
  PageQuery,
  Reflection,
  ReflectionEvidenceInput,
  ReflectionInput,
  ReflectionQuery,
  ReflectionWeekQuery,
  ReflectionWeekResponse,
  reflectionDue,
  ValidationError,
} from "@cando/core";
import {
  type EvidenceRow,
  findDomain,
  findReflection,
  insertEvidence,
  type ReflectionRow,
  saveReflection,
  searchReflections,
  updateStep,
} from "@cando/storage";
import { createRoute, z } from "@hono/zod-openapi";
import { access } from "../access";
import { presentEvidence } from "../attempts/present";
import { authenticated } from "../auth/require-user";
import type { App } from "../context";
import { errors, json, jsonBody } from "../http/openapi";
import { decodeCursor, pageOf, rowsToRead } from "../http/pages";
import { personToday } from "../rhythm/settings";
import { presentReflection, weekFacts } from "./week";

const tags = ["reflections"];
const WeekParams = z.object({ weekEnd: Day });

const week = createRoute({
  method: "get",
  path: "/api/reflections/week",
  tags,
  summary:
    "A week to reflect on: its facts (attempts, practice, evidence, the four sources) and the reflection if written",
  ...authenticated,
  request: { query: ReflectionWeekQuery },
  responses: { 200: json(ReflectionWeekResponse, "The week."), ...errors(400, 401) },
});

const save = createRoute({
  method: "put",
  path: "/api/reflections/{weekEnd}",
  tags,
  summary:
    "Write (or rewrite) the reflection of the week ending on weekEnd; nextStep plans a step's date",
  ...authenticated,
  request: { params: WeekParams, body: jsonBody(ReflectionInput) },
  responses: {
    200: json(z.object({ reflection: Reflection }), "The reflection."),
    ...errors(400, 401, 403, 404),
  },
});

const list = createRoute({
  method: "get",
  path: "/api/reflections",
  tags,
  summary: "Past reflections, newest week first; `q` finds every word in any answer",
  description:
    "Paginated: at most `limit` reflections (default 100); pass `nextCursor` as `cursor` for the next page.",
  ...authenticated,
  request: { query: ReflectionQuery.extend(PageQuery.shape) },
  responses: {
    200: json(
      z.object({ reflections: z.array(Reflection), nextCursor: NextCursor }),
      "Reflections.",
    ),
    ...errors(400, 401),
  },
});

const toEvidence = createRoute({
  method: "post",
  path: "/api/reflections/{weekEnd}/evidence",
  tags,
  summary: "Keep one answer of a reflection as evidence in the journal",
  ...authenticated,
  request: { params: WeekParams, body: jsonBody(ReflectionEvidenceInput) },
  responses: {
    201: json(z.object({ evidence: Evidence }), "The evidence."),
    ...errors(400, 401, 403, 404),
  },
});

/** A week may be reflected on once it has begun: its last day is at most six days ahead. */
function checkWeekEnd(weekEnd: string, today: string, path: string) {
  if (weekEnd > addDays(today, 6)) {
    throw new ValidationError([{ path, message: "is a week that has not begun yet" }]);
  }
}

export function registerReflectionRoutes(app: App): void {
  app.openapi(week, async (c) => {
    const { end } = c.req.valid("query");
    const { db, clock } = c.var.deps;
    const user = c.var.user;
    const now = clock.now();
    const { settings, today } = await personToday(db, user.id, now);
    const weekEnd = end ?? latestReflectionDay(today, settings.reflectionWeekday);
    checkWeekEnd(weekEnd, today, "end");
    const facts = await weekFacts(db, user.id, weekEnd, settings.timeZone, now);
    const row = await findReflection(db, user.id, weekEnd);
    const due = reflectionDue(today, settings.reflectionWeekday, false);
    return c.json(
      {
        facts,
        reflection: row ? presentReflection(row) : null,
        due: row === undefined && due.due && due.weekEnd === weekEnd,
      },
      200,
    );
  });

  app.openapi(save, async (c) => {
    const { weekEnd } = c.req.valid("param");
    const input = c.req.valid("json");
    const { db, clock, newId } = c.var.deps;
    const user = c.var.user;
    const row = await db.transaction().execute(async (trx) => {
      const { today } = await personToday(trx, user.id, clock.now());
      checkWeekEnd(weekEnd, today, "weekEnd");
      if (input.nextStep) {
        const { stepId, plannedDate } = input.nextStep;
        // Planning a step changes the ladder: lock its goal like every other step change.
        const step = await access.step(trx, user, stepId);
        await access.goalForUpdate(trx, user, step.goalId);
        if (step.archivedAt !== null) {
          throw new ValidationError([{ path: "nextStep.stepId", message: "is archived" }]);
        }
        if (plannedDate < today) {
          throw new ValidationError([
            { path: "nextStep.plannedDate", message: "must be today or later" },
          ]);
        }
        await updateStep(trx, user.id, step.id, { plannedDate });
      }
      const now = clock.now().toISOString();
      const existing = await findReflection(trx, user.id, weekEnd);
      const next: ReflectionRow = {
        id: existing?.id ?? newId(),
        userId: user.id,
        weekEnd,
        accomplished: input.accomplished,
        overcame: input.overcame,
        learned: input.learned,
        nextWeek: input.nextWeek,
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
      };
      await saveReflection(trx, next);
      return (await findReflection(trx, user.id, weekEnd)) ?? next;
    });
    return c.json({ reflection: presentReflection(row) }, 200);
  });

  app.openapi(list, async (c) => {
    const { q, limit, cursor } = c.req.valid("query");
    const rows = await searchReflections(
      c.var.deps.db,
      c.var.user.id,
      q,
      rowsToRead(limit),
      decodeCursor(cursor, 1, ([weekEnd]) => Day.safeParse(weekEnd).success)?.[0],
    );
    const page = pageOf(rows, limit, presentReflection, (r) => [r.weekEnd]);
    return c.json({ reflections: page.items, nextCursor: page.nextCursor }, 200);
  });

  app.openapi(toEvidence, async (c) => {
    const { weekEnd } = c.req.valid("param");
    const input = c.req.valid("json");
    const { db, clock, newId } = c.var.deps;
    const user = c.var.user;
    const row = await db.transaction().execute(async (trx) => {
      const reflection = await findReflection(trx, user.id, weekEnd);
      if (!reflection) throw new NotFoundError("reflection");
      const text = reflection[input.part].trim();
      if (text === "") {
        throw new ValidationError([{ path: "part", message: "has no answer to keep" }]);
      }
      if (!(await findDomain(trx, user.id, input.domainId))) {
        throw new ValidationError([{ path: "domainId", message: "is not one of your domains" }]);
      }
      if (input.goalId) {
        const goal = await access.goal(trx, user, input.goalId);
        if (goal.domainId !== input.domainId)
          throw new ValidationError([{ path: "goalId", message: "is in another domain" }]);
      }
      const { today } = await personToday(trx, user.id, clock.now());
      const now = clock.now().toISOString();
      const firstLine = text.split("\n")[0] ?? text;
      const evidence: EvidenceRow = {
        id: newId(),
        userId: user.id,
        source: "reflection",
        attemptId: null,
        domainId: input.domainId,
        goalId: input.goalId ?? null,
        stepId: null,
        title: firstLine.length > 200 ? `${firstLine.slice(0, 199)}…` : firstLine,
        body: text,
        occurredOn: weekEnd > today ? today : weekEnd,
        ownership: input.ownership,
        effort: null,
        reattribution: null,
        reflectionId: reflection.id,
        createdAt: now,
        updatedAt: now,
      };
      await insertEvidence(trx, evidence);
      return evidence;
    });
    return c.json({ evidence: presentEvidence(row) }, 201);
  });
}
