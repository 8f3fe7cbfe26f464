import {
  analyzeAttribution,
  attentionScore,
  byAttention,
  COACH_FLAG_TEXT,
  type CoachClient,
  CoachView,
  calibrateBelief,
  coachFlags,
  type LadderModel,
  parseLadderModel,
  recommendNext,
} from "@cando/core";
import { type CoachAttemptRow, type CoachGrantRow, loadCoachClients } from "@cando/storage";
import { createRoute } from "@hono/zod-openapi";
import { authenticated } from "../auth/require-user";
import type { App } from "../context";
import { errors, json } from "../http/openapi";

const view = createRoute({
  method: "get",
  path: "/api/coach",
  tags: ["coach"],
  summary:
    "A coach's clients (every goal shared with me as coach): last activity, next step and its chance, calibration, attention flags, sorted by attention",
  ...authenticated,
  responses: { 200: json(CoachView, "Clients, most in need of attention first."), ...errors(401) },
});

function cachedModel(json: string | null): LadderModel | null {
  if (json === null) return null;
  try {
    return parseLadderModel(JSON.parse(json));
  } catch {
    // An old or damaged cache: the client's own page replays it; here the next step stays unknown.
    return null;
  }
}

/** A setback blamed on ability that was neither re-attributed nor dismissed. */
function openFixedAbility(a: CoachAttemptRow): boolean {
  if (a.ability === null || a.outcome === "done") return false;
  if ((a.reattribution ?? "") !== "") return false;
  if ((a.dismissedFlags ?? "").includes("fixed_ability_setback")) return false;
  const ratings = {
    effort: a.effort ?? 0,
    strategy: a.strategy ?? 0,
    ability: a.ability,
    luck: a.luck ?? 0,
    help: a.help ?? 0,
    easy: a.easy ?? 0,
  };
  try {
    const outcome = a.outcome as "partly" | "not_yet";
    return analyzeAttribution(outcome, ratings).flags.some(
      (f) => f.flag === "fixed_ability_setback",
    );
  } catch {
    return false;
  }
}

/** One client's row, from the rows already loaded (no query here). */
export function coachClient(
  grant: CoachGrantRow,
  attempts: readonly CoachAttemptRow[],
  steps: readonly { id: string; title: string }[],
  now: Date,
): CoachClient {
  const model = cachedModel(grant.model);
  const labels = Object.fromEntries(steps.map((s) => [s.id, `"${s.title}"`]));
  let nextStep: CoachClient["nextStep"] = null;
  if (model !== null && steps.length > 0) {
    const rec = recommendNext(model, { stepLabels: labels, target: grant.targetPercent / 100 });
    const step = steps.find((s) => s.id === rec.stepId);
    if (step)
      nextStep = { stepId: step.id, title: step.title, predictedSuccess: rec.predictedSuccess };
  }
  const calibration = calibrateBelief(
    attempts
      .filter((a) => a.confidenceBefore !== null)
      .map((a) => ({
        at: a.attemptedAt,
        confidence: a.confidenceBefore ?? 0,
        outcome: a.outcome as "done" | "partly" | "not_yet",
      })),
  ).verdict;
  const flags = coachFlags(
    {
      recentOutcomes: attempts.map((a) => a.outcome),
      lastActivity: attempts[0]?.attemptedAt ?? null,
      openFixedAbilitySetback: attempts.some(openFixedAbility),
      reached: grant.status === "reached",
      sharedAt: grant.sharedAt,
    },
    now,
  );
  return {
    grantId: grant.grantId,
    goalId: grant.goalId,
    owner: grant.ownerEmail,
    statement: grant.statement,
    lastActivity: attempts[0]?.attemptedAt ?? null,
    nextStep,
    calibration,
    flags: flags.map((flag) => ({ flag, text: COACH_FLAG_TEXT[flag] })),
    attention: attentionScore(flags),
  };
}

export function registerCoachRoutes(app: App): void {
  app.openapi(view, async (c) => {
    const { db, clock } = c.var.deps;
    // Three queries for any number of clients (loadCoachClients); the rest is computed here.
    const { grants, attempts, steps } = await loadCoachClients(db, c.var.user.id);
    const attemptsOf = new Map<string, CoachAttemptRow[]>();
    for (const a of attempts) attemptsOf.set(a.goalId, [...(attemptsOf.get(a.goalId) ?? []), a]);
    const stepsOf = new Map<string, { id: string; title: string }[]>();
    for (const s of steps) stepsOf.set(s.goalId, [...(stepsOf.get(s.goalId) ?? []), s]);
    const now = clock.now();
    const clients = grants.map((g) =>
      coachClient(g, attemptsOf.get(g.goalId) ?? [], stepsOf.get(g.goalId) ?? [], now),
    );
    return c.json({ clients: byAttention(clients) }, 200);
  });
}
