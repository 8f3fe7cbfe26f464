import { expect } from "vitest";
import {
  attemptBody,
  goalWithLadder,
  signedUp,
  type TestClient,
  type TestClock,
} from "../test-support";

const attributions = { effort: 3, strategy: 3, ability: 2, luck: 1, help: 0, easy: 0 };

/**
 * A person's history that puts rows in every table the export holds: settings, an audit, a goal
 * with a ladder, a re-rated step, attempts with debriefs (and their evidence), manual evidence
 * with the re-attribution exercise, a mastery override and the milestones it brings; and the
 * rhythm: practice entries, a planned rest day, a weekly target, a reflection and its weekday,
 * and a calendar feed; a role model with a step linked to the ladder; the goal shared with a
 * supporter (an accepted invitation, a grant rated for credibility), the supporter's feedback and
 * notifications, and a pending invitation; and prepare: routines, a run linked to a two-phase
 * attempt, and an attempt still in progress.
 */
export async function seedHistory(client: TestClient, clock: TestClock) {
  const ok = (status: number, expected: number, what: string) =>
    expect(status, what).toBe(expected);
  ok(
    (await client.patch("/api/account/settings", { timeZone: "Europe/Paris", weekStartsOn: 0 }))
      .status,
    200,
    "settings",
  );
  const domains = (await client.get("/api/domains")).body.domains as { id: string }[];
  clock.advanceMinutes(5);
  ok(
    (
      await client.post("/api/audits", {
        ratings: domains.map((d, i) => ({ domainId: d.id, rating: i * 10 })),
        note: "first audit",
      })
    ).status,
    201,
    "audit",
  );
  clock.advanceMinutes(5);
  const { goalId, domainId, stepIds } = await goalWithLadder(client, [80, 60, 40]);
  clock.advanceMinutes(5);
  ok(
    (await client.post(`/api/steps/${stepIds[1]}/ratings`, { confidence: 70 })).status,
    201,
    "step rating",
  );
  const attemptIds: string[] = [];
  for (const [i, outcome] of ["done", "partly", "done"].entries()) {
    clock.advanceMinutes(60);
    const res = await client.post(
      "/api/attempts",
      attemptBody(stepIds[0] as string, { outcome, minutes: 10 + i, note: `try ${i + 1}` }),
    );
    ok(res.status, 201, "attempt");
    attemptIds.push(res.body.attempt.id);
    clock.advanceMinutes(5);
    ok(
      (
        await client.call("PUT", `/api/attempts/${res.body.attempt.id}/debrief`, {
          didWell: `kept going ${i}`,
          capability: "I can do this with practice",
          differently: "start earlier",
          attributions,
        })
      ).status,
      200,
      "debrief",
    );
  }
  clock.advanceMinutes(5);
  const manual = await client.post("/api/evidence", {
    domainId,
    goalId,
    title: "Spoke up in the meeting",
    body: "Said my point, clearly, with 8 people there",
    occurredOn: "2026-11-20",
    ownership: 80,
  });
  ok(manual.status, 201, "evidence");
  clock.advanceMinutes(5);
  ok(
    (
      await client.call("PUT", `/api/evidence/${manual.body.evidence.id}/reattribution`, {
        weights: { effort: 40, skill: 20, strategy: 20, luck: 10, help: 10, timing: 0 },
        shows: "I prepare well",
      })
    ).status,
    200,
    "reattribution",
  );
  clock.advanceMinutes(5);
  ok((await client.patch(`/api/steps/${stepIds[2]}`, { mastered: true })).status, 200, "override");
  clock.advanceMinutes(5);
  for (const [day, minutes] of [
    ["2026-11-19", 20],
    ["2026-11-20", 30],
  ] as const) {
    const res = await client.post(`/api/goals/${goalId}/practice`, {
      day,
      minutes,
      what: "scales",
    });
    ok(res.status, 201, "practice");
    clock.advanceMinutes(1);
  }
  ok(
    (await client.call("PUT", `/api/goals/${goalId}/practice/rest-days/2026-11-23`)).status,
    200,
    "rest day",
  );
  ok(
    (await client.call("PUT", `/api/goals/${goalId}/practice/target`, { weeklyMinutes: 120 }))
      .status,
    200,
    "practice target",
  );
  ok(
    (
      await client.call("PUT", "/api/reflections/2026-11-22", {
        accomplished: "Three tries",
        learned: "Starting early helps",
      })
    ).status,
    200,
    "reflection",
  );
  ok(
    (
      await client.post("/api/reflections/2026-11-22/evidence", {
        part: "learned",
        domainId,
        goalId,
        ownership: 70,
      })
    ).status,
    201,
    "evidence kept from a reflection",
  );
  ok(
    (
      await client.patch("/api/rhythm/settings", {
        reflectionWeekday: 5,
        practiceTime: "07:30",
        reflectionTime: "21:00",
      })
    ).status,
    200,
    "reflection weekday and reminder times",
  );
  // The 30-day plan keeps a snapshot (derived, not exported).
  ok((await client.get(`/api/goals/${goalId}/plan`)).status, 200, "plan");
  // A role model and what she did, linked to a step of the ladder.
  const roleModel = await client.post("/api/role-models", {
    name: "Priya",
    relation: "a friend from the running club",
    similarity: 70,
    ahead: "a year",
    knownFrom: "the club",
  });
  ok(roleModel.status, 201, "role model");
  ok(
    (
      await client.post(`/api/role-models/${roleModel.body.roleModel.id}/steps`, {
        what: "Spoke at the club's meeting",
        timing: "in her third month",
        stepId: stepIds[1],
      })
    ).status,
    201,
    "role model step",
  );
  // The private calendar address: a secret, so not exported, but deleted with the account.
  ok((await client.post("/api/rhythm/calendar")).status, 201, "calendar feed");
  // Sharing: not exported (it names other accounts), but deleted with the account.
  const invited = await client.post("/api/invitations", {
    goalId,
    role: "supporter",
    label: "Maya",
  });
  ok(invited.status, 201, "invitation");
  ok(
    (await client.post("/api/invitations", { goalId, role: "coach", label: "Coach" })).status,
    201,
    "pending invitation",
  );
  const supporter = await signedUp(client.another());
  ok(
    (await supporter.post("/api/invitations/accept", { token: invited.body.token })).status,
    200,
    "accepted",
  );
  const grantId = (await client.get(`/api/goals/${goalId}/grants`)).body.grants[0].id as string;
  ok((await client.patch(`/api/grants/${grantId}`, { credibility: 70 })).status, 200, "grant");
  // Prepare: routines, a routine run linked to the attempt that followed, one still in progress.
  const blocks = [
    { kind: "breathing", preset: "box", duration: { unit: "cycles", cycles: 4 } },
    { kind: "state_check" },
  ];
  const routine = await client.call("PUT", "/api/routines/default", { name: "Calm", blocks });
  ok(routine.status, 200, "default routine");
  ok(
    (await client.call("PUT", `/api/goals/${goalId}/routine`, { name: "Talk", blocks })).status,
    200,
    "goal routine",
  );
  const runStartedAt = clock.now().toISOString();
  clock.advanceMinutes(2);
  const run = await client.post("/api/routine-runs", {
    routineId: routine.body.routine.id,
    stepId: stepIds[1],
    startedAt: runStartedAt,
    durationSeconds: 110,
    blocks: [
      { kind: "breathing", done: true },
      { kind: "state_check", done: true },
    ],
    anxiety: 6,
    energy: 5,
    sleepHours: 7.5,
  });
  ok(run.status, 201, "routine run");
  const started = await client.post("/api/attempt-starts", {
    stepId: stepIds[1],
    confidenceBefore: 50,
    anxietyBefore: 6,
    energyBefore: 5,
    sleepHours: 7.5,
    routineRunId: run.body.routineRun.id,
  });
  ok(started.status, 201, "attempt start");
  clock.advanceMinutes(30);
  const finished = await client.post(`/api/attempt-starts/${started.body.attemptStart.id}/finish`, {
    outcome: "partly",
    effort: 4,
    difficulty: 4,
    anxietyAfter: 3,
  });
  ok(finished.status, 201, "attempt finished");
  attemptIds.push(finished.body.attempt.id);
  clock.advanceMinutes(5);
  ok(
    (await client.post("/api/attempt-starts", { stepId: stepIds[1], anxietyBefore: 7 })).status,
    201,
    "attempt in progress",
  );
  // The supporter's feedback on an attempt, and the notifications it and the acceptance left.
  ok(
    (
      await supporter.post("/api/feedback", {
        attemptId: attemptIds[0],
        body: "You kept going after the second try",
      })
    ).status,
    201,
    "feedback",
  );
  return { goalId, domainId, stepIds, attemptIds };
}

/** Enters a piece of evidence and deletes it: the deletion waits a while, undoable. */
export async function deleteSomething(client: TestClient) {
  const domainId = (await client.get("/api/domains")).body.domains[0].id as string;
  const doomed = await client.post("/api/evidence", {
    domainId,
    title: "Entered twice by mistake",
    body: "",
    occurredOn: "2026-11-20",
    ownership: 50,
  });
  expect(doomed.status, "evidence to delete").toBe(201);
  const res = await client.call("DELETE", `/api/evidence/${doomed.body.evidence.id}`);
  expect(res.status, "delete").toBe(200);
}
