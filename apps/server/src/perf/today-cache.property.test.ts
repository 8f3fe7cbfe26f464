import type { Outcome } from "@cando/core";
import { describeEachDatabase } from "@cando/storage/test-support";
import fc from "fast-check";
import { expect, it } from "vitest";
import { seedHistory } from "../account/history-fixture";
import { attemptBody, buildTestApp, goalWithLadder, signedUp } from "../test-support";
import { computeTodayPage } from "../today/page";

// Each write a person can make that Today's page shows, and the passing of time.
type Op =
  | { kind: "log"; goal: number; step: number; outcome: Outcome }
  | { kind: "debrief"; attempt: number }
  | { kind: "deleteAttempt"; attempt: number }
  | { kind: "undo" }
  | { kind: "start"; goal: number; step: number }
  | { kind: "cancelStart" }
  | { kind: "goalStatus"; goal: number; status: "active" | "paused" | "archived" }
  | { kind: "goalStatement"; goal: number }
  | { kind: "newGoal" }
  | { kind: "stepTitle"; goal: number; step: number }
  | { kind: "plan"; goal: number; step: number; inDays: number }
  | { kind: "mastered"; goal: number; step: number }
  | { kind: "seeMilestone" }
  | { kind: "practice"; goal: number; minutes: number }
  | { kind: "restDay"; goal: number }
  | { kind: "practiceTarget"; goal: number; minutes: number | null }
  | { kind: "weekday"; weekday: number }
  | { kind: "timeZone"; zone: string }
  | { kind: "target"; target: number }
  | { kind: "reflect" }
  | { kind: "audit"; rating: number }
  | { kind: "renameDomain"; domain: number }
  | { kind: "import" }
  | { kind: "wait"; hours: number };

const goal = fc.nat(2);
const step = fc.nat(3);
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant("log" as const),
    goal,
    step,
    outcome: fc.constantFrom<Outcome>("done", "partly", "not_yet"),
  }),
  fc.record({ kind: fc.constant("debrief" as const), attempt: fc.nat() }),
  fc.record({ kind: fc.constant("deleteAttempt" as const), attempt: fc.nat() }),
  fc.constant({ kind: "undo" as const }),
  fc.record({ kind: fc.constant("start" as const), goal, step }),
  fc.constant({ kind: "cancelStart" as const }),
  fc.record({
    kind: fc.constant("goalStatus" as const),
    goal,
    status: fc.constantFrom("active" as const, "paused" as const, "archived" as const),
  }),
  fc.record({ kind: fc.constant("goalStatement" as const), goal }),
  fc.constant({ kind: "newGoal" as const }),
  fc.record({ kind: fc.constant("stepTitle" as const), goal, step }),
  fc.record({ kind: fc.constant("plan" as const), goal, step, inDays: fc.nat(2) }),
  fc.record({ kind: fc.constant("mastered" as const), goal, step }),
  fc.constant({ kind: "seeMilestone" as const }),
  fc.record({
    kind: fc.constant("practice" as const),
    goal,
    minutes: fc.integer({ min: 5, max: 90 }),
  }),
  fc.record({ kind: fc.constant("restDay" as const), goal }),
  fc.record({
    kind: fc.constant("practiceTarget" as const),
    goal,
    minutes: fc.option(fc.integer({ min: 10, max: 600 }), { nil: null }),
  }),
  fc.record({ kind: fc.constant("weekday" as const), weekday: fc.integer({ min: 1, max: 7 }) }),
  fc.record({
    kind: fc.constant("timeZone" as const),
    zone: fc.constantFrom("UTC", "Pacific/Kiritimati", "America/Los_Angeles", "Asia/Kolkata"),
  }),
  fc.record({ kind: fc.constant("target" as const), target: fc.constantFrom(0.7, 0.8, 0.9) }),
  fc.constant({ kind: "reflect" as const }),
  fc.record({ kind: fc.constant("audit" as const), rating: fc.nat(10).map((n) => n * 10) }),
  fc.record({ kind: fc.constant("renameDomain" as const), domain: fc.nat(4) }),
  fc.constant({ kind: "import" as const }),
  // From a few hours to past a day boundary, past the monthly audit's due date.
  fc.record({ kind: fc.constant("wait" as const), hours: fc.constantFrom(3, 11, 26, 24 * 31) }),
);

/**
 * Today's page is cached per person until their read version changes or the day turns. After
 * any sequence of writes that the page shows (and of hours and days passing), what the API serves
 * equals the page computed afresh from the database — and the cache is warm before every write,
 * so a write that failed to bump the read version would show here.
 */
describeEachDatabase("Today's page cached equals its rebuild", (db) => {
  it("after random writes and time passing, the served page equals the rebuild", async () => {
    // A fresh clock per run (the cookie's expiry is checked against the real time), sessions that
    // outlive the days the clock moves through in one run (at most 12 × 31), within the 400 days
    // a cookie may last.
    const fresh = () =>
      buildTestApp(db(), {
        auth: { session: { idleMs: 390 * 86_400_000, absoluteMs: 390 * 86_400_000 } },
      });
    const { app: donorApp, clock: donorClock } = fresh();
    const donor = await signedUp(donorApp);
    await seedHistory(donor, donorClock);
    const donorFile = (await donor.get("/api/account/export")).body;
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        const { app, clock } = fresh();
        const ada = await signedUp(app);
        const userId = (await ada.get("/api/me")).body.user.id as string;
        const goals = [await goalWithLadder(ada), await goalWithLadder(ada)];
        const attempts: string[] = [];
        const starts: string[] = [];
        const undos: { deletionId: string; put: () => void }[] = [];
        run++;
        const check = async (after: string) => {
          const served = await ada.get("/api/today/page");
          expect(served.status, after).toBe(200);
          const rebuilt = JSON.parse(
            JSON.stringify(await computeTodayPage(db(), userId, clock.now())),
          );
          expect(served.body, `Today's page after ${after}`).toEqual(rebuilt);
          // Served twice: the second from the cache.
          expect((await ada.get("/api/today/page")).body, `again after ${after}`).toEqual(rebuilt);
        };
        await check("nothing");
        for (const [i, o] of ops.entries()) {
          clock.advanceMinutes(7);
          const pick = <T>(list: T[], n: number) => list[n % Math.max(1, list.length)];
          const what = `${i}: ${JSON.stringify(o)} (run ${run})`;
          const g = pick(goals, "goal" in o ? o.goal : 0);
          const stepId = g?.stepIds["step" in o ? o.step % g.stepIds.length : 0] as string;
          const ok = (status: number) => expect(status, what).toBeLessThan(300);
          const today = async () => (await ada.get("/api/rhythm/today")).body.today as string;
          switch (o.kind) {
            case "log": {
              const res = await ada.post(
                "/api/attempts",
                attemptBody(stepId, { outcome: o.outcome }),
              );
              // A paused or archived goal takes no attempts: nothing changed, nothing to check.
              if (res.status === 201) attempts.push(res.body.attempt.id);
              break;
            }
            case "debrief":
              if (attempts.length)
                ok(
                  (
                    await ada.call("PUT", `/api/attempts/${pick(attempts, o.attempt)}/debrief`, {
                      didWell: "kept going",
                      attributions: {
                        effort: 3,
                        strategy: 2,
                        ability: 1,
                        luck: 0,
                        help: 0,
                        easy: 1,
                      },
                    })
                  ).status,
                );
              break;
            case "deleteAttempt":
              if (attempts.length) {
                const id = pick(attempts, o.attempt) as string;
                const res = await ada.call("DELETE", `/api/attempts/${id}`);
                ok(res.status);
                attempts.splice(attempts.indexOf(id), 1);
                undos.push({ deletionId: res.body.undo.deletionId, put: () => attempts.push(id) });
              }
              break;
            case "undo": {
              const undo = undos.pop();
              if (undo) {
                ok((await ada.post(`/api/deletions/${undo.deletionId}/restore`)).status);
                undo.put();
              }
              break;
            }
            case "start": {
              const res = await ada.post("/api/attempt-starts", {
                stepId,
                idempotencyKey: `start-${run}-${i}-0123456789`,
                confidenceBefore: 50,
                anxietyBefore: 3,
              });
              if (res.status === 201) starts.push(res.body.attemptStart.id);
              break;
            }
            case "cancelStart": {
              const id = starts.pop();
              if (id) ok((await ada.call("DELETE", `/api/attempt-starts/${id}`)).status);
              break;
            }
            case "goalStatus": {
              // Some moves are refused (a goal is archived, then restored, by its own rules).
              const res = await ada.patch(`/api/goals/${g?.goalId}`, { status: o.status });
              expect([200, 400, 409], what).toContain(res.status);
              break;
            }
            case "goalStatement":
              ok(
                (
                  await ada.patch(`/api/goals/${g?.goalId}`, {
                    statement: `I can speak up in a meeting (${run}.${i})`,
                  })
                ).status,
              );
              break;
            case "newGoal":
              goals.push(await goalWithLadder(ada, [70, 50, 30]));
              break;
            case "stepTitle":
              ok((await ada.patch(`/api/steps/${stepId}`, { title: `Step ${run}.${i}` })).status);
              break;
            case "plan": {
              const day = await today();
              const planned = new Date(Date.parse(`${day}T00:00:00Z`) + o.inDays * 86_400_000);
              ok(
                (
                  await ada.patch(`/api/steps/${stepId}`, {
                    plannedDate: planned.toISOString().slice(0, 10),
                  })
                ).status,
              );
              break;
            }
            case "mastered":
              ok((await ada.patch(`/api/steps/${stepId}`, { mastered: true })).status);
              break;
            case "seeMilestone": {
              const unseen = (await ada.get("/api/today")).body.milestones as { id: string }[];
              if (unseen[0]) ok((await ada.post(`/api/milestones/${unseen[0].id}/seen`)).status);
              break;
            }
            case "practice": {
              const res = await ada.post(`/api/goals/${g?.goalId}/practice`, {
                day: await today(),
                minutes: o.minutes,
                what: "Opening lines, out loud",
              });
              expect([201, 400, 409], what).toContain(res.status);
              break;
            }
            case "restDay": {
              const res = await ada.call(
                "PUT",
                `/api/goals/${g?.goalId}/practice/rest-days/${await today()}`,
              );
              expect([200, 201, 204, 400, 409], what).toContain(res.status);
              break;
            }
            case "practiceTarget": {
              const res = await ada.call("PUT", `/api/goals/${g?.goalId}/practice/target`, {
                weeklyMinutes: o.minutes,
              });
              expect([200, 400, 409], what).toContain(res.status);
              break;
            }
            case "weekday":
              ok(
                (await ada.patch("/api/rhythm/settings", { reflectionWeekday: o.weekday })).status,
              );
              break;
            case "timeZone":
              ok((await ada.patch("/api/account/settings", { timeZone: o.zone })).status);
              break;
            case "target":
              ok((await ada.call("PUT", "/api/me/target", { target: o.target })).status);
              break;
            case "reflect": {
              const weekEnd = (await ada.get("/api/rhythm/today")).body.reflection.weekEnd;
              ok(
                (
                  await ada.call("PUT", `/api/reflections/${weekEnd}`, {
                    accomplished: `Week ${run}.${i}`,
                  })
                ).status,
              );
              break;
            }
            case "audit": {
              const domains = (await ada.get("/api/domains")).body.domains as { id: string }[];
              const res = await ada.post("/api/audits", {
                ratings: domains.map((d) => ({ domainId: d.id, rating: o.rating })),
              });
              expect(res.status, what).toBe(201);
              break;
            }
            case "renameDomain": {
              const domains = (await ada.get("/api/domains")).body.domains as { id: string }[];
              ok(
                (
                  await ada.patch(`/api/domains/${pick(domains, o.domain)?.id}`, {
                    name: `Renamed ${run} ${i}`,
                  })
                ).status,
              );
              break;
            }
            case "import":
              ok((await ada.post("/api/account/import", donorFile)).status);
              break;
            case "wait":
              clock.advanceMinutes(o.hours * 60);
              break;
          }
          await check(what);
        }
      }),
      { numRuns: 50, seed: 1510 },
    );
  }, 300_000);
});
