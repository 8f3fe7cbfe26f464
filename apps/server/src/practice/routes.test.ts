import { describeEachDatabase } from "@cando/storage/test-support";
import { expect, it, onTestFinished } from "vitest";
import { buildTestApp, goalWithLadder, serveTestApp, signedUp, TestClient } from "../test-support";

// The test clock starts at 2026-11-22T09:00Z (a Sunday).
describeEachDatabase("practice API", (db) => {
  it("adds several entries of a day up, and scores consistency over the last 7 and 30 days", async () => {
    const { app, clock } = buildTestApp(db());
    const ada = await signedUp(app);
    const { goalId } = await goalWithLadder(ada);
    const first = await ada.post(`/api/goals/${goalId}/practice`, {
      day: "2026-11-22",
      minutes: 15,
      what: "Opening lines, out loud",
    });
    expect(first.status).toBe(201);
    expect(first.body.entry).toMatchObject({ day: "2026-11-22", minutes: 15, note: "" });
    const second = await ada.post(`/api/goals/${goalId}/practice`, {
      day: "2026-11-22",
      minutes: 30,
    });
    expect(second.body.practice).toMatchObject({
      today: "2026-11-22",
      minutesToday: 45,
      minutesLast7: 45,
      last7: 1,
      last30: 1,
      daysSince: 0,
      weeklyTarget: null,
    });
    await ada.post(`/api/goals/${goalId}/practice`, { day: "2026-11-20", minutes: 20 });
    await ada.post(`/api/goals/${goalId}/practice`, { day: "2026-11-01", minutes: 10 });
    const shown = (await ada.get(`/api/goals/${goalId}/practice`)).body;
    expect(shown.practice).toMatchObject({ minutesLast7: 65, last7: 2, last30: 3 });
    expect(shown.practice.score).toBeGreaterThan(0);
    expect(shown.year).toMatchObject({ from: "2025-11-23", to: "2026-11-22" });
    expect(shown.year.days).toEqual([
      { day: "2026-11-01", minutes: 10 },
      { day: "2026-11-20", minutes: 20 },
      { day: "2026-11-22", minutes: 45 },
    ]);
    expect(shown.entries.map((e: { minutes: number }) => e.minutes)).toEqual([30, 15, 20, 10]);

    // A day later, nothing yet today: the score holds (today is not over yet), minutes today are 0.
    clock.advanceDays(1);
    const next = (await ada.get(`/api/goals/${goalId}/practice`)).body.practice;
    expect(next).toMatchObject({ today: "2026-11-23", minutesToday: 0, daysSince: 1 });
    expect(next.score).toBeCloseTo(shown.practice.score, 10);
    // Two days later the missed day counts, gently: one decay step, not a reset.
    clock.advanceDays(1);
    const later = (await ada.get(`/api/goals/${goalId}/practice`)).body.practice;
    expect(later.score).toBeCloseTo(shown.practice.score * 2 ** (-1 / 14), 10);
  });

  it("keeps the score when a planned rest day is missed, and takes rest days back", async () => {
    const { app, clock } = buildTestApp(db());
    const ada = await signedUp(app);
    const { goalId } = await goalWithLadder(ada);
    await ada.post(`/api/goals/${goalId}/practice`, { day: "2026-11-21", minutes: 20 });
    await ada.post(`/api/goals/${goalId}/practice`, { day: "2026-11-22", minutes: 20 });
    const planned = await ada.call("PUT", `/api/goals/${goalId}/practice/rest-days/2026-11-23`);
    expect(planned.status).toBe(200);
    const before = (await ada.get(`/api/goals/${goalId}/practice`)).body;
    expect(before.restDays).toEqual(["2026-11-23"]);
    clock.advanceDays(2); // 2026-11-24: the 23rd was a planned rest
    const rested = (await ada.get(`/api/goals/${goalId}/practice`)).body.practice.score;
    expect(rested).toBeCloseTo(before.practice.score, 10);
    const back = await ada.call("DELETE", `/api/goals/${goalId}/practice/rest-days/2026-11-23`);
    expect(back.body.practice.score).toBeLessThan(rested);
    expect((await ada.get(`/api/goals/${goalId}/practice`)).body.restDays).toEqual([]);
  });

  it("sets and clears the weekly minutes target", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const { goalId } = await goalWithLadder(ada);
    const set = await ada.call("PUT", `/api/goals/${goalId}/practice/target`, {
      weeklyMinutes: 150,
    });
    expect(set.body.practice.weeklyTarget).toBe(150);
    const cleared = await ada.call("PUT", `/api/goals/${goalId}/practice/target`, {
      weeklyMinutes: null,
    });
    expect(cleared.body.practice.weeklyTarget).toBeNull();
  });

  it("uses the person's time zone for today", async () => {
    const { app, clock } = buildTestApp(db());
    const ada = await signedUp(app);
    const { goalId } = await goalWithLadder(ada);
    clock.advanceMinutes(14 * 60 + 30); // 23:30 UTC on the 22nd: already the 23rd in Tokyo
    await ada.patch("/api/rhythm/settings", { timeZone: "Asia/Tokyo" });
    const ok = await ada.post(`/api/goals/${goalId}/practice`, { day: "2026-11-23", minutes: 10 });
    expect(ok.status).toBe(201);
    expect(ok.body.practice).toMatchObject({ today: "2026-11-23", minutesToday: 10 });
  });

  it("refuses bad input with a 400 naming the field, storing nothing", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const { goalId } = await goalWithLadder(ada);
    const cases: [unknown, string][] = [
      [{ day: "2026-11-23", minutes: 10 }, "day"],
      [{ day: "2026-02-30", minutes: 10 }, "day"],
      [{ day: "2026-11-22", minutes: 0 }, "minutes"],
      [{ day: "2026-11-22", minutes: 601 }, "minutes"],
      [{ day: "2026-11-22", minutes: 1.5 }, "minutes"],
      [{ day: "2026-11-22", minutes: 10, what: "x".repeat(201) }, "what"],
      [{ day: "2026-11-22" }, "minutes"],
    ];
    for (const [body, field] of cases) {
      const res = await ada.post(`/api/goals/${goalId}/practice`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain(field);
    }
    const target = await ada.call("PUT", `/api/goals/${goalId}/practice/target`, {
      weeklyMinutes: 0,
    });
    expect(target.body.error.fields[0].path).toBe("weeklyMinutes");
    const farRest = await ada.call("PUT", `/api/goals/${goalId}/practice/rest-days/2028-01-01`);
    expect(farRest.body.error.fields[0].path).toBe("day");
    const badRest = await ada.call("PUT", `/api/goals/${goalId}/practice/rest-days/tomorrow`);
    expect(badRest.body.error.fields[0].path).toBe("day");
    const shown = (await ada.get(`/api/goals/${goalId}/practice`)).body;
    expect(shown.entries).toEqual([]);
    expect(shown.restDays).toEqual([]);
    expect(shown.practice.weeklyTarget).toBeNull();
  });

  it("treats another person's goal as missing (404) and refuses anonymous callers", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const bob = await signedUp(app);
    const { goalId } = await goalWithLadder(ada);
    await ada.post(`/api/goals/${goalId}/practice`, { day: "2026-11-22", minutes: 15 });
    const attempts = [
      await bob.get(`/api/goals/${goalId}/practice`),
      await bob.post(`/api/goals/${goalId}/practice`, { day: "2026-11-22", minutes: 15 }),
      await bob.call("PUT", `/api/goals/${goalId}/practice/target`, { weeklyMinutes: 60 }),
      await bob.call("PUT", `/api/goals/${goalId}/practice/rest-days/2026-11-23`),
      await bob.call("DELETE", `/api/goals/${goalId}/practice/rest-days/2026-11-23`),
    ];
    for (const res of attempts) {
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe("goal_not_found");
    }
    const shown = (await ada.get(`/api/goals/${goalId}/practice`)).body;
    expect(shown.practice).toMatchObject({ minutesToday: 15, weeklyTarget: null });
    expect(shown.restDays).toEqual([]);
    const anonymous = new TestClient(app);
    expect((await anonymous.get(`/api/goals/${goalId}/practice`)).status).toBe(401);
    expect(
      (await anonymous.post(`/api/goals/${goalId}/practice`, { day: "2026-11-22", minutes: 5 }))
        .status,
    ).toBe(401);
    expect((await anonymous.get("/api/rhythm/today")).status).toBe(401);
    expect((await anonymous.get("/api/rhythm/settings")).status).toBe(401);
    expect((await anonymous.patch("/api/rhythm/settings", { reflectionWeekday: 3 })).status).toBe(
      401,
    );
  });

  // Through a real server: requests sent in process with app.request() were seen to run one after
  // another, so a race there could not show.
  it("adds up parallel entries of one day", async () => {
    const served = await serveTestApp(db());
    onTestFinished(() => served.close());
    const ada = await signedUp(TestClient.http(served.baseUrl));
    const { goalId } = await goalWithLadder(ada);
    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        ada.post(`/api/goals/${goalId}/practice`, { day: "2026-11-22", minutes: 15 }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(12).fill(201));
    expect((await ada.get(`/api/goals/${goalId}/practice`)).body.practice.minutesToday).toBe(180);
  });
});

describeEachDatabase("rhythm API", (db) => {
  it("lists each active goal's practice for Today, and keeps settings", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const { goalId } = await goalWithLadder(ada);
    await ada.post(`/api/goals/${goalId}/practice`, { day: "2026-11-22", minutes: 30 });
    const today = (await ada.get("/api/rhythm/today")).body;
    expect(today.today).toBe("2026-11-22");
    expect(today.settings).toEqual({
      timeZone: "UTC",
      timeZoneSet: false,
      reflectionWeekday: 7,
      practiceTime: "18:00",
      reflectionTime: "18:30",
    });
    expect(today.rerating).toEqual({ due: true, goalIds: [goalId] });
    expect(today.practice).toHaveLength(1);
    expect(today.practice[0]).toMatchObject({ goalId, practice: { minutesToday: 30 } });
    await ada.patch(`/api/goals/${goalId}`, { status: "paused" });
    expect((await ada.get("/api/rhythm/today")).body.practice).toEqual([]);

    const changed = await ada.patch("/api/rhythm/settings", {
      timeZone: "Europe/Paris",
      reflectionWeekday: 5,
      practiceTime: "18:00",
      reflectionTime: "18:30",
    });
    expect(changed.body.settings).toEqual({
      timeZone: "Europe/Paris",
      timeZoneSet: true,
      reflectionWeekday: 5,
      practiceTime: "18:00",
      reflectionTime: "18:30",
    });
    // One time zone per person: the account setting, whichever page changes it.
    expect((await ada.get("/api/account")).body.account.settings.timeZone).toBe("Europe/Paris");
    expect((await ada.patch("/api/account/settings", { timeZone: "Asia/Tokyo" })).status).toBe(200);
    expect((await ada.get("/api/rhythm/settings")).body.settings).toEqual({
      timeZone: "Asia/Tokyo",
      timeZoneSet: true,
      reflectionWeekday: 5,
      practiceTime: "18:00",
      reflectionTime: "18:30",
    });
    const bob = await signedUp(app);
    expect((await bob.get("/api/rhythm/settings")).body.settings.timeZoneSet).toBe(false);
  });

  it("refuses unknown zones, weekdays out of range and empty changes", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    for (const [body, field] of [
      [{ timeZone: "Mars/Olympus" }, "timeZone"],
      [{ timeZone: "" }, "timeZone"],
      [{ reflectionWeekday: 0 }, "reflectionWeekday"],
      [{ reflectionWeekday: 8 }, "reflectionWeekday"],
      [{}, "body"],
    ] as const) {
      const res = await ada.patch("/api/rhythm/settings", body);
      expect(res.status).toBe(400);
      expect(res.body.error.fields[0].path).toBe(field);
    }
    expect((await ada.get("/api/rhythm/settings")).body.settings.timeZoneSet).toBe(false);
  });
});
