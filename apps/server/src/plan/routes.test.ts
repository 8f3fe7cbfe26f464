import { describeEachDatabase } from "@cando/storage/test-support";
import { expect, it } from "vitest";
import { counted } from "../perf/query-counter";
import { buildTestApp, goalWithLadder, signedUp, TestClient } from "../test-support";

type Week = {
  week: number;
  start: string;
  end: string;
  milestone: { stepId: string; title: string } | null;
  attempts: { day: string; stepId: string; kind: string }[];
  practiceDays: string[];
  restDays: string[];
  reflection: string | null;
};

// The test clock starts at 2026-11-22T09:00Z, a Sunday.
describeEachDatabase("30-day plan API", (db) => {
  it("viewing an unchanged plan is a read: no lock and no write, the plan as first kept", async () => {
    const { db: countedDb, counter } = counted(db());
    const { app, clock } = buildTestApp(countedDb);
    const ada = await signedUp(app);
    const { goalId } = await goalWithLadder(ada);
    counter.reset();
    const first = await ada.get(`/api/goals/${goalId}/plan`);
    expect(first.status).toBe(200);
    // The first view keeps the plan: written under the goal's lock.
    expect(counter.statements.some((s) => /^insert into "plan_snapshots"/i.test(s))).toBe(true);
    clock.advanceMinutes(60);
    counter.reset();
    const again = await ada.get(`/api/goals/${goalId}/plan`);
    expect(again.body).toEqual(first.body);
    // (The session's touch after an hour is the session's, not the plan's.)
    const writes = counter.statements.filter(
      (s) => /^(insert|update|delete)|for update/i.test(s) && !/^update "sessions"/.test(s),
    );
    expect(writes).toEqual([]);
  });

  it("plans weekly milestones from the advice, re-plans when it changes and says what moved and why", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const { goalId, stepIds } = await goalWithLadder(ada);
    const first = await ada.get(`/api/goals/${goalId}/plan`);
    expect(first.status).toBe(200);
    const { plan } = first.body;
    expect(first.body).toMatchObject({ changes: [], changedAt: null, habitMedianDays: 66 });
    expect(plan).toMatchObject({ start: "2026-11-22", end: "2026-12-21", dayNumber: 1 });
    const weeks = plan.weeks as Week[];
    expect(weeks).toHaveLength(5);
    expect(weeks.map((w) => w.milestone?.title ?? null)).toEqual([
      "Step 1",
      "Step 2",
      "Step 3",
      "Step 4",
      null,
    ]);
    // The weekly reflection (Sunday by default) falls in each week.
    expect(weeks.map((w) => w.reflection)).toEqual([
      "2026-11-22",
      "2026-11-29",
      "2026-12-06",
      "2026-12-13",
      "2026-12-20",
    ]);
    expect(weeks[0]?.practiceDays[0]).toBe("2026-11-22");

    // Mastering the first step moves the advice up: the plan moves and says why.
    expect((await ada.patch(`/api/steps/${stepIds[0]}`, { mastered: true })).status).toBe(200);
    const moved = (await ada.get(`/api/goals/${goalId}/plan`)).body;
    expect((moved.plan.weeks as Week[]).map((w) => w.milestone?.title ?? null)).toEqual([
      "Step 2",
      "Step 3",
      "Step 4",
      null,
      null,
    ]);
    expect(moved.changedAt).toBe("2026-11-22T09:00:00.000Z");
    const why = Object.fromEntries(
      moved.changes.map((c: { title: string; fromWeek: number; toWeek: number; why: string }) => [
        c.title,
        c,
      ]),
    );
    expect(why["Step 1"]).toMatchObject({
      fromWeek: 1,
      toWeek: null,
      why: "You mastered it: well done.",
    });
    expect(why["Step 2"]).toMatchObject({ fromWeek: 2, toWeek: 1 });
    expect(why["Step 2"].why).toMatch(/^The advice changed: /);
    // What moved is kept until the plan moves again.
    const again = (await ada.get(`/api/goals/${goalId}/plan`)).body;
    expect(again.changes).toEqual(moved.changes);
    expect(again.changedAt).toBe(moved.changedAt);

    // A planned date puts a step in its week; the plan says so.
    await ada.patch(`/api/steps/${stepIds[3]}`, { plannedDate: "2026-12-17" });
    const planned = (await ada.get(`/api/goals/${goalId}/plan`)).body;
    const week4 = (planned.plan.weeks as Week[])[3];
    expect(week4?.milestone?.title).toBe("Step 4");
    expect(week4?.attempts).toEqual([
      expect.objectContaining({ day: "2026-12-17", kind: "planned" }),
    ]);
    expect(planned.changes).toEqual([
      expect.objectContaining({
        title: "Step 4",
        fromWeek: 3,
        toWeek: 4,
        why: "You planned it for 2026-12-17.",
      }),
    ]);
  });

  it("skips a practice day without penalty: the day rests and suggested attempts move", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const { goalId } = await goalWithLadder(ada);
    const before = (await ada.get(`/api/goals/${goalId}/plan`)).body.plan.weeks[0] as Week;
    const day = before.attempts.find((a) => a.kind === "suggested")?.day as string;
    expect(day).toBeDefined();
    const rest = await ada.call("PUT", `/api/goals/${goalId}/practice/rest-days/${day}`);
    expect(rest.status).toBe(200);
    const after = (await ada.get(`/api/goals/${goalId}/plan`)).body.plan.weeks[0] as Week;
    expect(after.restDays).toEqual([day]);
    expect(after.practiceDays).not.toContain(day);
    expect(after.attempts.map((a) => a.day)).not.toContain(day);
    expect(after.attempts).toHaveLength(before.attempts.length);
  });

  it("keeps each person's plan their own and needs a session", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const bob = await signedUp(app);
    const { goalId } = await goalWithLadder(ada);
    const other = await bob.get(`/api/goals/${goalId}/plan`);
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe("goal_not_found");
    expect((await bob.get("/api/goals/no-such-goal/plan")).status).toBe(404);
    expect((await new TestClient(app).get(`/api/goals/${goalId}/plan`)).status).toBe(401);
    const kept = await db()
      .selectFrom("planSnapshots")
      .select("userId")
      .where("goalId", "=", goalId)
      .execute();
    expect(kept).toEqual([]);
  });
});
