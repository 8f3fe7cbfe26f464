import {
  addDays,
  anxietyVsOutcome,
  calibrateBelief,
  dayInZone,
  dayStartInZone,
  isTimeZone,
  LadderModel,
  type Outcome,
  REPORT_SECTIONS,
  type ReportData,
  type ReportQuery,
  stepMastery,
} from "@cando/core";
import { findAccountSettings } from "../accounts/settings";
import type { Db } from "../db";

/** Ninety days back from `to` unless the person picks a start. */
export const REPORT_DEFAULT_DAYS = 90;

function modelOf(json: string | null): LadderModel | null {
  if (json === null) return null;
  try {
    return LadderModel.safeParse(JSON.parse(json)).data ?? null;
  } catch {
    return null;
  }
}

/**
 * The data of a report for a therapist, coach or mentor: the chosen goals (all when none are
 * chosen) over the chosen days, counted in the person's time zone (UTC until they set one),
 * read with bounded, period-limited queries. `goalIds` must
 * already be checked as the person's own. Every section's data is built; the renderer shows
 * only the chosen ones.
 */
export async function buildReport(
  db: Db,
  userId: string,
  query: ReportQuery,
  now: Date,
): Promise<ReportData> {
  const settings = await findAccountSettings(db, userId);
  // A zone this runtime no longer knows falls back to UTC rather than failing the report.
  const zone = settings?.timeZone && isTimeZone(settings.timeZone) ? settings.timeZone : "UTC";
  const to = query.to ?? dayInZone(now, zone);
  const from = query.from ?? addDays(to, -REPORT_DEFAULT_DAYS);
  // A day is the person's day: from local midnight to the next local midnight.
  const start = dayStartInZone(from, zone).toISOString();
  const end = dayStartInZone(addDays(to, 1), zone).toISOString();
  const user = await db
    .selectFrom("users")
    .select("email")
    .where("id", "=", userId)
    .executeTakeFirstOrThrow();

  let goalsQuery = db
    .selectFrom("goals")
    .select(["id", "statement", "status", "model"])
    .where("userId", "=", userId);
  if (query.goalIds.length > 0) goalsQuery = goalsQuery.where("id", "in", query.goalIds);
  const goals = await goalsQuery.orderBy("createdAt").orderBy("id").execute();
  const goalIds = goals.map((g) => g.id);
  const none = ["-"]; // `in ()` is not SQL: an id no row has stands in for "no goals"
  const chosen = goalIds.length > 0 ? goalIds : none;

  const steps = await db
    .selectFrom("steps")
    .select(["id", "goalId", "title", "confidence"])
    .where("goalId", "in", chosen)
    .where("archivedAt", "is", null)
    .orderBy("position")
    .execute();
  const counts = await db
    .selectFrom("attempts")
    .select(["stepId", "outcome", (eb) => eb.fn.countAll<number>().as("n")])
    .where("userId", "=", userId)
    .where("goalId", "in", chosen)
    .where("attemptedAt", ">=", start)
    .where("attemptedAt", "<", end)
    .groupBy(["stepId", "outcome"])
    .execute();
  const countOf = (stepId: string, outcome?: string) =>
    counts
      .filter((c) => c.stepId === stepId && (outcome === undefined || c.outcome === outcome))
      .reduce((sum, c) => sum + Number(c.n), 0);

  const attempts = await db
    .selectFrom("attempts")
    .select(["attemptedAt", "outcome", "confidenceBefore", "anxietyBefore"])
    .where("userId", "=", userId)
    .where("goalId", "in", chosen)
    .where("attemptedAt", ">=", start)
    .where("attemptedAt", "<", end)
    .orderBy("attemptedAt")
    .execute();

  const domains = await db
    .selectFrom("domains")
    .select(["id", "name", "archivedAt"])
    .where("userId", "=", userId)
    .orderBy("position")
    .execute();
  const audits = await db
    .selectFrom("audits")
    .select(["id", "takenAt"])
    .where("userId", "=", userId)
    .where("takenAt", ">=", start)
    .where("takenAt", "<", end)
    .orderBy("takenAt")
    .execute();
  const ratings =
    audits.length === 0
      ? []
      : await db
          .selectFrom("auditRatings")
          .select(["auditId", "domainId", "rating"])
          .where(
            "auditId",
            "in",
            audits.map((a) => a.id),
          )
          .execute();
  const rated = new Set(ratings.map((r) => r.domainId));

  let evidenceQuery = db
    .selectFrom("evidence")
    .select(["title", "body", "occurredOn", "ownership"])
    .where("userId", "=", userId)
    .where("occurredOn", ">=", from)
    .where("occurredOn", "<=", to);
  if (query.goalIds.length > 0) evidenceQuery = evidenceQuery.where("goalId", "in", chosen);
  const evidence = await evidenceQuery.orderBy("occurredOn").orderBy("createdAt").execute();

  const reflections = await db
    .selectFrom("debriefs")
    .innerJoin("attempts", "attempts.id", "debriefs.attemptId")
    .innerJoin("steps", "steps.id", "attempts.stepId")
    .select([
      "attempts.attemptedAt",
      "attempts.outcome",
      "steps.title as step",
      "debriefs.didWell",
      "debriefs.capability",
      "debriefs.differently",
    ])
    .where("attempts.userId", "=", userId)
    .where("attempts.goalId", "in", chosen)
    .where("attempts.attemptedAt", ">=", start)
    .where("attempts.attemptedAt", "<", end)
    .orderBy("attempts.attemptedAt")
    .execute();

  const outcome = (o: string) => o as Outcome;
  return {
    email: user.email,
    from,
    to,
    timeZone: zone,
    generatedAt: now.toISOString(),
    sections: query.sections.length > 0 ? query.sections : [...REPORT_SECTIONS],
    audits: {
      domains: domains
        .filter((d) => d.archivedAt === null || rated.has(d.id))
        .map((d) => ({ id: d.id, name: d.name })),
      audits: audits.map((a) => ({
        takenAt: a.takenAt,
        ratings: Object.fromEntries(
          ratings.filter((r) => r.auditId === a.id).map((r) => [r.domainId, r.rating]),
        ),
      })),
    },
    goals: goals.map((g) => {
      const model = modelOf(g.model);
      return {
        statement: g.statement,
        status: g.status,
        steps: steps
          .filter((s) => s.goalId === g.id)
          .map((s) => ({
            title: s.title,
            confidence: s.confidence,
            attempts: countOf(s.id),
            done: countOf(s.id, "done"),
            partly: countOf(s.id, "partly"),
            mastered:
              model?.steps.some((m) => m.id === s.id) === true && stepMastery(model, s.id).mastered,
          })),
      };
    }),
    calibration: calibrateBelief(
      attempts.flatMap((a) =>
        a.confidenceBefore === null
          ? []
          : [{ at: a.attemptedAt, confidence: a.confidenceBefore, outcome: outcome(a.outcome) }],
      ),
    ),
    anxiety: anxietyVsOutcome(
      attempts.flatMap((a) =>
        a.anxietyBefore === null ? [] : [{ anxiety: a.anxietyBefore, outcome: outcome(a.outcome) }],
      ),
    ),
    evidence,
    reflections,
  };
}
