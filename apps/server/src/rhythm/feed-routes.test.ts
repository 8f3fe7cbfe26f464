import { describeEachDatabase } from "@cando/storage/test-support";
import ICAL from "ical.js";
import { expect, it } from "vitest";
import { buildTestApp, goalWithLadder, signedUp, TestClient } from "../test-support";

type Parsed = {
  summary: string;
  start: string;
  startIsDate: boolean;
  tzid: string | null;
  minutes: number | null;
  rrule: string | null;
  exdates: string[];
};

/** Every event of an iCalendar document, read with ical.js (an independent parser). */
function events(ics: string): Parsed[] {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    const dtstart = vevent.getFirstProperty("dtstart");
    const tzid = dtstart?.getParameter("tzid");
    const rrule = vevent.getFirstPropertyValue("rrule");
    return {
      summary: event.summary,
      start: event.startDate.toString(),
      startIsDate: event.startDate.isDate,
      tzid: typeof tzid === "string" ? tzid : null,
      minutes: event.startDate.isDate ? null : event.duration.toSeconds() / 60,
      rrule: rrule ? rrule.toString() : null,
      exdates: vevent
        .getAllProperties("exdate")
        .flatMap((p) => p.getValues().map((v) => String(v))),
    };
  });
}

const pathOf = (url: string) => new URL(url).pathname;

// The test clock starts at 2026-11-22T09:00Z, a Sunday.
describeEachDatabase("calendar feed", (db) => {
  it("serves planned steps, practice blocks, the weekly reflection and the monthly re-rating in the person's zone", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const { goalId, stepIds } = await goalWithLadder(ada);
    await ada.patch(`/api/steps/${stepIds[1]}`, { plannedDate: "2026-11-25" });
    await ada.patch("/api/rhythm/settings", { timeZone: "Europe/Paris", reflectionWeekday: 5 });
    await ada.call("PUT", `/api/goals/${goalId}/practice/target`, { weeklyMinutes: 140 });
    await ada.call("PUT", `/api/goals/${goalId}/practice/rest-days/2026-11-24`);

    expect((await ada.get("/api/rhythm/calendar")).body.calendar).toEqual({
      active: false,
      createdAt: null,
      url: null,
    });
    const created = await ada.post("/api/rhythm/calendar");
    expect(created.status).toBe(201);
    const url = created.body.calendar.url as string;
    expect(url).toMatch(/^http:\/\/localhost\/api\/calendar\/[A-Za-z0-9_-]{43}$/);
    // Only the token's hash is stored.
    const token = url.split("/").at(-1) as string;
    const stored = await db().selectFrom("calendarFeeds").selectAll().execute();
    expect(stored.map((r) => r.tokenHash)).not.toContain(token);
    expect((await ada.get("/api/rhythm/calendar")).body.calendar.active).toBe(true);

    // A calendar app has no session.
    const res = await new TestClient(app, null).get(pathOf(url));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/calendar");
    const all = events(res.body as string);
    const by = (prefix: string) => all.filter((e) => e.summary.startsWith(prefix));
    expect(by("Step: ")).toEqual([
      expect.objectContaining({ summary: "Step: Step 2", start: "2026-11-25", startIsDate: true }),
    ]);
    const [practice] = by("Practice: ");
    expect(practice).toMatchObject({
      summary: "Practice: I can give a clear 10-minute talk to a room of ten or more",
      start: "2026-11-22T18:00:00",
      tzid: "Europe/Paris",
      minutes: 20,
      rrule: "FREQ=DAILY",
    });
    expect(practice?.exdates).toEqual(["2026-11-24T18:00:00"]);
    expect(by("Weekly reflection")).toEqual([
      expect.objectContaining({
        start: "2026-11-27T18:30:00",
        tzid: "Europe/Paris",
        minutes: 20,
        rrule: "FREQ=WEEKLY;BYDAY=FR",
      }),
    ]);
    expect(by("Monthly audit")).toEqual([
      expect.objectContaining({ start: "2026-11-22", startIsDate: true, rrule: "FREQ=MONTHLY" }),
    ]);
  });

  it("is revocable and regenerable: an old address stops working at once", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const calendarApp = new TestClient(app, null);
    const first = (await ada.post("/api/rhythm/calendar")).body.calendar.url as string;
    expect((await calendarApp.get(pathOf(first))).status).toBe(200);
    const second = (await ada.post("/api/rhythm/calendar")).body.calendar.url as string;
    expect(second).not.toBe(first);
    const gone = await calendarApp.get(pathOf(first));
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe("calendar_not_found");
    expect((await calendarApp.get(pathOf(second))).status).toBe(200);
    const off = await ada.call("DELETE", "/api/rhythm/calendar");
    expect(off.body.calendar.active).toBe(false);
    expect((await calendarApp.get(pathOf(second))).status).toBe(404);
  });

  it("refuses malformed tokens, anonymous management, and keeps each person's feed their own", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const bob = await signedUp(app);
    await ada.post("/api/rhythm/calendar");
    const bad = await new TestClient(app, null).get("/api/calendar/not-a-token");
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe("token");
    expect((await bob.get("/api/rhythm/calendar")).body.calendar.active).toBe(false);
    await bob.call("DELETE", "/api/rhythm/calendar");
    expect((await ada.get("/api/rhythm/calendar")).body.calendar.active).toBe(true);
    const anonymous = new TestClient(app);
    expect((await anonymous.get("/api/rhythm/calendar")).status).toBe(401);
    expect((await anonymous.post("/api/rhythm/calendar")).status).toBe(401);
    expect((await anonymous.call("DELETE", "/api/rhythm/calendar")).status).toBe(401);
  });
});

describeEachDatabase("calendar feed times", (db) => {
  it("uses the person's chosen times, with a VTIMEZONE that places each event at local time across daylight saving", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    await goalWithLadder(ada);
    const changed = await ada.patch("/api/rhythm/settings", {
      timeZone: "America/New_York",
      practiceTime: "07:15",
      reflectionTime: "20:45",
    });
    expect(changed.status).toBe(200);
    expect(changed.body.settings).toMatchObject({ practiceTime: "07:15", reflectionTime: "20:45" });
    const url = (await ada.post("/api/rhythm/calendar")).body.calendar.url as string;
    const ics = (await new TestClient(app, null).get(pathOf(url))).body as string;

    const calendar = new ICAL.Component(ICAL.parse(ics));
    const zones = calendar.getAllSubcomponents("vtimezone");
    expect(zones.map((z) => z.getFirstPropertyValue("tzid"))).toEqual(["America/New_York"]);
    // ical.js resolves TZIDs through the VTIMEZONE in the file only: no IANA database is used.
    for (const zone of zones) ICAL.TimezoneService.register(zone);
    try {
      const vevents = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
      const practice = vevents.find((e) => e.summary.startsWith("Practice: "));
      const reflection = vevents.find((e) => e.summary === "Weekly reflection");
      if (!practice || !reflection) throw new Error("missing events");
      // Local times as written.
      expect(practice.startDate.toString()).toBe("2026-11-22T07:15:00");
      expect(reflection.startDate.toString()).toBe("2026-11-22T20:45:00");
      // The instants: EST (UTC−5) now, EDT (UTC−4) after 14 March 2027.
      expect(practice.startDate.toJSDate().toISOString()).toBe("2026-11-22T12:15:00.000Z");
      expect(reflection.startDate.toJSDate().toISOString()).toBe("2026-11-23T01:45:00.000Z");
      const occurrences = practice.iterator();
      let summer: string | null = null;
      for (let next = occurrences.next(); next; next = occurrences.next()) {
        if (next.toString().startsWith("2027-03-20")) {
          expect(next.toString()).toBe("2027-03-20T07:15:00");
          summer = next.toJSDate().toISOString();
          break;
        }
      }
      expect(summer).toBe("2027-03-20T11:15:00.000Z");
    } finally {
      for (const zone of zones)
        ICAL.TimezoneService.remove(String(zone.getFirstPropertyValue("tzid")));
    }
  });

  it("refuses a time that is not HH:MM, naming the field, and keeps the old ones", async () => {
    const { app } = buildTestApp(db());
    const email = `times-${Date.now()}@example.test`;
    const ada = await signedUp(app, email);
    for (const [field, value] of [
      ["practiceTime", "25:00"],
      ["practiceTime", "7:15"],
      ["reflectionTime", "18:60"],
      ["reflectionTime", 1830],
    ] as const) {
      const res = await ada.patch("/api/rhythm/settings", { [field]: value });
      expect(res.status).toBe(400);
      expect(res.body.error.fields[0].path).toBe(field);
    }
    expect((await ada.get("/api/rhythm/settings")).body.settings).toMatchObject({
      practiceTime: "18:00",
      reflectionTime: "18:30",
    });
    const rows = await db()
      .selectFrom("rhythmSettings")
      .innerJoin("users", "users.id", "rhythmSettings.userId")
      .select("rhythmSettings.userId")
      .where("users.email", "=", email)
      .execute();
    expect(rows).toEqual([]);
  });
});
