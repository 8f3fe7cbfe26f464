import { expect } from "vitest";
import { attemptBody, goalWithLadder, type TestClient, type TestClock } from "../test-support";

const attributions = { effort: 3, strategy: 2, ability: 1, luck: 1, help: 0, easy: 0 };
const OUTCOMES = ["done", "done", "partly", "done", "not_yet"] as const;

export interface SizedHistory {
  goalIds: string[];
  stepIds: string[][];
  attemptIds: string[];
}

/**
 * A person with the same shape of history at any size: three goals of five steps, a mastery
 * override (so there is always a milestone to celebrate), then `attempts` attempts spread over
 * the goals eight hours apart, every other one debriefed, a manual piece of evidence every tenth and an
 * audit every twentieth. Sizes differ only in how much history there is, so a read whose cost
 * does not grow with history makes the same number of queries for any size.
 */
export async function seedSizedHistory(
  client: TestClient,
  clock: TestClock,
  attempts: number,
): Promise<SizedHistory> {
  const ok = (status: number, expected: number, what: string) =>
    expect(status, what).toBe(expected);
  const domains = (await client.get("/api/domains")).body.domains as { id: string }[];
  const audit = async (i: number) =>
    ok(
      (
        await client.post("/api/audits", {
          ratings: domains.map((d, j) => ({ domainId: d.id, rating: ((i + j) % 11) * 10 })),
        })
      ).status,
      201,
      "audit",
    );
  await audit(0);
  const goals = [];
  for (let g = 0; g < 3; g++) goals.push(await goalWithLadder(client, [90, 70, 50, 30, 10]));
  const last = goals[2]?.stepIds[4] as string;
  ok((await client.patch(`/api/steps/${last}`, { mastered: true })).status, 200, "override");
  const attemptIds: string[] = [];
  for (let i = 0; i < attempts; i++) {
    clock.advanceMinutes(480);
    const goal = goals[i % 3];
    if (!goal) throw new Error("no goal");
    // Climb each ladder slowly: the step moves up every twelve attempts on that goal.
    const step = goal.stepIds[Math.min(3, Math.floor(i / 3 / 12))] as string;
    const outcome = OUTCOMES[i % OUTCOMES.length];
    const res = await client.post(
      "/api/attempts",
      attemptBody(step, {
        outcome,
        confidenceBefore: ((i * 7) % 11) * 10,
        anxietyBefore: i % 11,
        minutes: 5 + (i % 30),
        note: `attempt ${i}`,
      }),
    );
    ok(res.status, 201, "attempt");
    attemptIds.push(res.body.attempt.id);
    if (i % 2 === 0) {
      const debrief = await client.call("PUT", `/api/attempts/${res.body.attempt.id}/debrief`, {
        didWell: `kept going ${i}`,
        capability: "I can do this with practice",
        differently: "start earlier",
        attributions: { ...attributions, luck: i % 5 },
      });
      ok(debrief.status, 200, "debrief");
    }
    if (i % 10 === 0) {
      const evidence = await client.post("/api/evidence", {
        domainId: domains[i % domains.length]?.id,
        title: `Did a hard thing ${i}`,
        body: "with people watching",
        occurredOn: clock.now().toISOString().slice(0, 10),
        ownership: 70,
      });
      ok(evidence.status, 201, "evidence");
    }
    if (i % 20 === 19) await audit(i);
  }
  return {
    goalIds: goals.map((g) => g.goalId),
    stepIds: goals.map((g) => g.stepIds),
    attemptIds,
  };
}
