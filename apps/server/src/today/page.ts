import {
  AttemptStart,
  AuditList,
  auditDue,
  Domain,
  dayInZone,
  isoDay,
  RhythmTodayResponse,
  TodayResponse,
} from "@cando/core";
import {
  type Db,
  listAttemptStarts,
  listAudits,
  listDomains,
  listGoals,
  onOneConnection,
  presentDomain,
} from "@cando/storage";
import { createRoute, z } from "@hono/zod-openapi";
import { authenticated } from "../auth/require-user";
import type { App } from "../context";
import { errors, json } from "../http/openapi";
import { readCacheOf } from "../insights/cache";
import { presentStart } from "../prepare/present";
import { rhythmTodayOf } from "../rhythm/routes";
import { personSettings } from "../rhythm/settings";
import { todayOf } from "./routes";

// Today's page in one answer: one session check and one round trip instead of six (Today, the
// goals, the latest audit, the domains, the attempts in progress, today's rhythm).

const TodayPage = z.object({
  today: TodayResponse,
  goalCount: z.number().int().describe("The person's goals, whatever their status"),
  audits: AuditList.describe("The latest audit (none or one) and whether the next is due"),
  domains: z.array(Domain),
  attemptStarts: z.array(AttemptStart).describe("Attempts started and not finished"),
  rhythm: RhythmTodayResponse,
});
type TodayPage = z.infer<typeof TodayPage>;

const page = createRoute({
  method: "get",
  path: "/api/today/page",
  tags: ["today"],
  summary:
    "What Today's page shows: Today, how many goals, the latest audit, the domains, attempts in progress, today's rhythm",
  description:
    "Each part is what its own endpoint answers: `GET /api/today`, `GET /api/audits?order=newest&limit=1`, `GET /api/domains`, `GET /api/attempt-starts`, `GET /api/rhythm/today`.",
  ...authenticated,
  responses: { 200: json(TodayPage, "Today's page."), ...errors(401) },
});

/** Today's page for the person at `now`, computed from the database (the cache's rebuild). */
export async function computeTodayPage(db: Db, userId: string, now: Date): Promise<TodayPage> {
  return onOneConnection(db, (conn) => todayPageOn(conn, userId, now));
}

async function todayPageOn(db: Db, userId: string, now: Date): Promise<TodayPage> {
  // Read once for all parts: every goal (its count, and the active ones for Today and the
  // rhythm), the latest audit (shown, and when the next is due) and the person's settings. One
  // after another: in parallel they cost more CPU on PostgreSQL and answered slower.
  const goals = await listGoals(db, userId);
  const latest = await listAudits(db, userId, { limit: 1, newestFirst: true });
  const known = {
    activeGoals: goals.filter((g) => g.status === "active"),
    lastAuditAt: latest[0]?.takenAt ?? null,
    // The target (Today) and the zone and weekday (the rhythm) in one statement.
    person: await personSettings(db, userId),
  };
  const today = await todayOf(db, userId, now, known);
  const rhythm = await rhythmTodayOf(db, userId, now, known);
  const starts = await listAttemptStarts(db, userId);
  const domains = await listDomains(db, userId);
  return {
    today,
    goalCount: goals.length,
    // Due from the latest audit, which Today has already read.
    audits: { audits: latest, due: today.audit },
    domains: domains.map(presentDomain),
    attemptStarts: starts.map((s) => presentStart(s, s)),
    rhythm,
  };
}

/**
 * Whether a page computed earlier still holds at `now`, its inputs unchanged (the read version):
 * what depends on the time alone is the person's day (their zone), the UTC day (a first step's
 * date warning) and whether the monthly audit has come due.
 */
function stillTrue(cached: { page: TodayPage; utcDay: string }, now: Date): boolean {
  const { page } = cached;
  return (
    dayInZone(now, page.rhythm.settings.timeZone) === page.rhythm.today &&
    isoDay(now) === cached.utcDay &&
    auditDue(page.today.audit.lastTakenAt, now).due === page.today.audit.due
  );
}

export function registerTodayPageRoute(app: App): void {
  app.openapi(page, async (c) => {
    const { db, clock } = c.var.deps;
    const userId = c.var.user.id;
    const now = clock.now();
    // Cached until the person writes anything it shows (read version) or the day turns: opening
    // Today again costs two statements (the session and the version), not fifteen.
    const cached = await readCacheOf(c.var.deps).get(
      db,
      userId,
      "todayPage",
      async () => ({ page: await computeTodayPage(db, userId, now), utcDay: isoDay(now) }),
      (value) => stillTrue(value, now),
    );
    return c.json(cached.page, 200);
  });
}
