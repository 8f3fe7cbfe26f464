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
