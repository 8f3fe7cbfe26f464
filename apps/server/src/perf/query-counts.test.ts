import { describeEachDatabase } from "@cando/storage/test-support";
import { beforeAll, expect, it } from "vitest";
import {
  attemptBody,
  buildTestApp,
  goalWithLadder,
  signedUp,
  type TestClient,
} from "../test-support";
import { counted, type QueryCounter } from "./query-counter";
import { type SizedHistory, seedSizedHistory } from "./sized-history";

/** The statements one request may make at most, whatever the size of the person's history. */
const PINNED: Record<string, number> = {
  // The session, target, active goals, all their steps at once (counts kept on the steps), the
  // last audit, unseen milestones, and their presentation in 2 (evidence; last attempts + debriefs).
  today: 8,
  // Today's page in one, computed: the read version, every goal, the latest audit (2), the
  // person's settings (target, zone, weekday: 1), Today (3), the domains, attempts in progress,
  // today's rhythm (practice facts, the week's reflection, planned steps: 3): 15 with the
  // session, whatever the history. Served again (nothing written, the same day): the session and
  // the read version.
  todayPage: 15,
  todayPageAgain: 2,
  goal: 4,
  domains: 2,
  ratings: 3,
  goalAttempts: 3,
  // The goal page in one: session, goal, the ladder view (target, steps), domains, ratings, attempts,
  // role models, attempts in progress.
  goalOverview: 9,
  attemptSummaries: 3, // session, goal, one page of summaries
  insights: 5, // a miss: the read version, the facts (one join), the audits (2)
  goalInsights: 6,
  insightsAgain: 2, // a hit: the session and the read version
  doubt: 4,
  goalDoubt: 5,
  doubtAgain: 3,
  // session (+ its touch: the clock moved 8 h), goal locked through the step (with the target),
  // its steps with its milestones' state, the insert, the model; the ladder view reads nothing
  // more (the steps read, the inserted attempt added to its step's counts)
  logAttempt: 6,
  // session, goal locked through the attempt (with the target), the attempt with whether it has a
  // debrief and the goal's steps (what next), the debrief
  debrief: 4,
  doneDebrief: 5, // the same + the evidence made (its step from the steps read; a first debrief: no look)
  audit: 5, // session, (PostgreSQL: the person locked), domains, the audit + ratings: no read-back
};

describeEachDatabase("queries per request do not grow with history", (db) => {
  let measure: (client: TestClient, history: SizedHistory) => Promise<Record<string, number>>;
  let lastStatements: Record<string, string[]> = {};
  let small: { client: TestClient; history: SizedHistory };
  let large: { client: TestClient; history: SizedHistory };
  let countedStatements: QueryCounter;

  beforeAll(async () => {
    const { db: countedDb, counter } = counted(db());
    countedStatements = counter;
    // Sessions outlive the months the seeding moves the clock through.
    const forever = 300 * 86_400_000;
    const { app, clock } = buildTestApp(countedDb, {
      auth: { session: { idleMs: forever, absoluteMs: forever } },
    });
    const largeClient = await signedUp(app);
    const smallClient = await signedUp(app);
    large = { client: largeClient, history: await seedSizedHistory(largeClient, clock, 200) };
    small = { client: smallClient, history: await seedSizedHistory(smallClient, clock, 5) };
    measure = async (client, history) => {
      const goalId = history.goalIds[0] as string;
      const counts: Record<string, number> = {};
      const statements: Record<string, string[]> = {};
      lastStatements = statements;
      const count = async (
        name: string,
        send: () => Promise<{ status: number; body: unknown }>,
      ) => {
        counter.reset();
        const res = await send();
        expect(res.status, `${name}: ${JSON.stringify(res.body).slice(0, 300)}`).toBeLessThan(300);
        counts[name] = counter.count;
        statements[name] = counter.statements;
        return res;
      };
      // A session seen a while ago is touched (one update) on its next request: not a read's cost.
      expect((await client.get("/api/me")).status).toBe(200);
      await count("today", () => client.get("/api/today"));
      await count("todayPage", () => client.get("/api/today/page"));
      await count("todayPageAgain", () => client.get("/api/today/page"));
      await count("goal", () => client.get(`/api/goals/${goalId}`));
      await count("domains", () => client.get("/api/domains"));
      await count("ratings", () => client.get(`/api/goals/${goalId}/ratings`));
      await count("goalAttempts", () => client.get(`/api/attempts?goalId=${goalId}`));
      await count("goalOverview", () => client.get(`/api/goals/${goalId}/overview?limit=50`));
      await count("attemptSummaries", () =>
        client.get(`/api/goals/${goalId}/attempt-summaries?limit=50`),
      );
      await count("insights", () => client.get("/api/insights"));
      await count("goalInsights", () => client.get(`/api/insights?goalId=${goalId}`));
      // Unchanged since: served from the read cache (the session, the read version).
      await count("insightsAgain", () => client.get("/api/insights"));
      await count("doubt", () => client.get("/api/doubt"));
      await count("goalDoubt", () => client.get(`/api/doubt?goalId=${goalId}`));
      await count("doubtAgain", () => client.get("/api/doubt"));
      // The goal with a mastered step in every history (the override), so both record milestones.
      const stepId = history.stepIds[2]?.[0] as string;
      clock.advanceMinutes(480);
      const logged = await count("logAttempt", () =>
        client.post("/api/attempts", attemptBody(stepId, { outcome: "partly" })),
      );
      const attemptId = (logged.body as { attempt: { id: string } }).attempt.id;
      await count("debrief", () =>
        client.call("PUT", `/api/attempts/${attemptId}/debrief`, {
          didWell: "stayed",
          capability: "I can",
          differently: "less",
          attributions: { effort: 3, strategy: 3, ability: 2, luck: 1, help: 0, easy: 0 },
        }),
      );
      const done = await client.post("/api/attempts", attemptBody(stepId, { outcome: "done" }));
      await count("doneDebrief", () =>
        client.call("PUT", `/api/attempts/${done.body.attempt.id}/debrief`, {
          didWell: "stayed",
          capability: "I can",
          differently: "less",
          attributions: { effort: 3, strategy: 3, ability: 2, luck: 1, help: 0, easy: 0 },
        }),
      );
      const domains = (await client.get("/api/domains")).body.domains as { id: string }[];
      await count("audit", () =>
        client.post("/api/audits", {
          ratings: domains.map((d) => ({ domainId: d.id, rating: 50 })),
        }),
      );
      return counts;
    };
  }, 240_000);

  it("makes the same number of queries for 5 attempts as for 200, within the pinned bound", async () => {
    const few = await measure(small.client, small.history);
    const fewStatements = lastStatements;
    const many = await measure(large.client, large.history);
    for (const name of Object.keys(many)) {
      if (many[name] !== few[name])
        console.log(name, { few: fewStatements[name], many: lastStatements[name] });
    }
    console.log("queries per request", { few, many });
    expect(many).toEqual(few);
    for (const [name, n] of Object.entries(many))
      expect(n, name).toBeLessThanOrEqual(PINNED[name] ?? 0);
  });

  it("answers Today in the same number of queries for any number of active goals", async () => {
    const today = async () => {
      countedStatements.reset();
      expect((await small.client.get("/api/today")).status).toBe(200);
      return countedStatements.count;
    };
    // A session seen a while ago is touched on its next request: not Today's cost.
    expect((await small.client.get("/api/me")).status).toBe(200);
    const before = await today();
    for (let i = 0; i < 3; i++) await goalWithLadder(small.client, [80, 50, 20]);
    expect(await today()).toBe(before);
  });
});
