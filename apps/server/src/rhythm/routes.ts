import {
  auditDue,
  dayInZone,
  latestReflectionDay,
  RhythmSettings,
  RhythmSettingsInput,
  RhythmTodayResponse,
  reflectionDue,
} from "@cando/core";
import {
  type Db,
  findReflection,
  lastAuditAt,
  listGoals,
  saveAccountSettings,
  saveRhythmSettings,
  stepsPlannedOn,
} from "@cando/storage";
import { createRoute, z } from "@hono/zod-openapi";
import { authenticated } from "../auth/require-user";
import type { App } from "../context";
import { errors, json, jsonBody } from "../http/openapi";
import { practiceSummaries } from "../practice/summary";
import type { KnownForToday } from "../today/routes";
import { DEFAULT_REFLECTION_WEEKDAY, rhythmSettings } from "./settings";

const tags = ["rhythm"];
const SettingsResponse = z.object({ settings: RhythmSettings });

const today = createRoute({
  method: "get",
  path: "/api/rhythm/today",
  tags,
  summary: "Today's rhythm: each active goal's practice (minutes today, consistency, target)",
  ...authenticated,
  responses: { 200: json(RhythmTodayResponse, "Today's rhythm."), ...errors(401) },
});

const showSettings = createRoute({
  method: "get",
  path: "/api/rhythm/settings",
  tags,
  summary: "The person's rhythm settings: time zone, the reflection's weekday, reminder times",
  ...authenticated,
  responses: { 200: json(SettingsResponse, "The settings."), ...errors(401) },
});

const changeSettings = createRoute({
  method: "patch",
  path: "/api/rhythm/settings",
  tags,
  summary:
    "Change the time zone (IANA), the weekday of the weekly reflection (1 Monday … 7 Sunday) or the reminder times (HH:MM)",
  ...authenticated,
  request: { body: jsonBody(RhythmSettingsInput) },
  responses: { 200: json(SettingsResponse, "The settings."), ...errors(400, 401, 403) },
});

/** Today's rhythm: practice per active goal, the reflection and re-rating due, planned steps. */
export async function rhythmTodayOf(
  db: Db,
  userId: string,
  now: Date,
  known: KnownForToday = {},
): Promise<RhythmTodayResponse> {
  const settings = known.person?.settings ?? (await rhythmSettings(db, userId));
  const today = dayInZone(now, settings.timeZone);
  const goals = known.activeGoals ?? (await listGoals(db, userId, "active"));
  const summaries = await practiceSummaries(
    db,
    userId,
    goals.map((g) => g.id),
    today,
  );
  const practice = goals.flatMap((g) => {
    const summary = summaries.get(g.id);
    return summary ? [{ goalId: g.id, statement: g.statement, practice: summary }] : [];
  });
  const weekEnd = latestReflectionDay(today, settings.reflectionWeekday);
  const written = (await findReflection(db, userId, weekEnd)) !== undefined;
  return {
    today,
    settings,
    reflection: reflectionDue(today, settings.reflectionWeekday, written),
    // Prompted with the monthly audit, never forced.
    rerating: {
      due: auditDue(
        known.lastAuditAt !== undefined ? known.lastAuditAt : await lastAuditAt(db, userId),
        now,
      ).due,
      goalIds: goals.filter((g) => g.model !== null).map((g) => g.id),
    },
    plannedSteps: await stepsPlannedOn(db, userId, today),
    practice,
  };
}

export function registerRhythmRoutes(app: App): void {
  app.openapi(today, async (c) => {
    const { db, clock } = c.var.deps;
    return c.json(await rhythmTodayOf(db, c.var.user.id, clock.now()), 200);
  });

  app.openapi(showSettings, async (c) => {
    return c.json({ settings: await rhythmSettings(c.var.deps.db, c.var.user.id) }, 200);
  });

  app.openapi(changeSettings, async (c) => {
    const input = c.req.valid("json");
    const { db, clock } = c.var.deps;
    const user = c.var.user;
    const updatedAt = clock.now().toISOString();
    // The time zone is the account setting (also on Settings); the weekday is the rhythm's own.
    // Both are single-row upserts, so no read-modify-write needs a lock.
    await db.transaction().execute(async (tx) => {
      if (input.timeZone !== undefined) {
        await saveAccountSettings(tx, user.id, { timeZone: input.timeZone }, updatedAt);
      }
      const { reflectionWeekday, practiceTime, reflectionTime } = input;
      if ((reflectionWeekday ?? practiceTime ?? reflectionTime) !== undefined) {
        await saveRhythmSettings(
          tx,
          user.id,
          { reflectionWeekday, practiceTime, reflectionTime },
          { reflectionWeekday: DEFAULT_REFLECTION_WEEKDAY },
          updatedAt,
        );
      }
    });
    return c.json({ settings: await rhythmSettings(db, user.id) }, 200);
  });
}
