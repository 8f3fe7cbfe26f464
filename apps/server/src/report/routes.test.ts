import { describeEachDatabase } from "@cando/storage/test-support";
import { expect, it } from "vitest";
import { seedHistory } from "../account/history-fixture";
import { attemptBody, buildTestApp, goalWithLadder, signedUp, TestClient } from "../test-support";

describeEachDatabase("report API", (db) => {
  it("holds the chosen sections and no others, for the chosen goals and days", async () => {
    const { app, clock } = buildTestApp(db());
    const ada = await signedUp(app);
    const { goalId } = await seedHistory(ada, clock);
    const all = await ada.get("/api/report.html?from=2026-11-01&to=2026-11-30");
    expect(all.status).toBe(200);
    expect(all.headers.get("content-type")).toMatch(/^text\/html/);
    for (const title of [
      "Audit over time",
      "Ladders and outcomes",
      "Belief calibration",
      "Anxiety and outcome",
      "Evidence",
      "Reflections",
    ]) {
      expect(all.body).toContain(`>${title}</h2>`);
    }
    expect(all.body).toContain("Spoke up in the meeting");
    expect(all.body).toContain("<em>What I would do differently:</em> start earlier");

    const some = await ada.get(
      `/api/report.html?from=2026-11-01&to=2026-11-30&goalIds=${goalId}&sections=ladders,evidence`,
    );
    expect(some.status).toBe(200);
    expect(some.body).toContain(">Ladders and outcomes</h2>");
    expect(some.body).toContain(">Evidence</h2>");
    expect(some.body).not.toContain(">Reflections</h2>");
    expect(some.body).not.toContain("What I would do differently");
    expect(some.body).not.toContain(">Audit over time</h2>");

    // Days outside the period leave the period's data out.
    const later = await ada.get("/api/report.html?from=2027-01-01&to=2027-01-31&sections=evidence");
    expect(later.body).toContain("No evidence in this period.");
  });

  it("refuses bad choices (400 naming the field), another person's goal (404) and anonymous callers (401)", async () => {
    const { app, clock } = buildTestApp(db());
    const ada = await signedUp(app);
    const { goalId } = await seedHistory(ada, clock);
    const bea = await signedUp(app);
    const bad = await bea.get("/api/report.html?sections=audit,horoscope&from=2026-13-01");
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      "from",
      "sections.1",
    ]);
    const order = await bea.get("/api/report.html?from=2026-11-30&to=2026-11-01");
    expect(order.body.error.fields).toEqual([{ path: "to", message: "must not be before from" }]);
    expect((await bea.get(`/api/report.html?goalIds=${goalId}`)).status).toBe(404);
    expect((await new TestClient(app).get("/api/report.html")).status).toBe(401);
  });

  it("counts the person's days in their time zone, not UTC's", async () => {
    const { app, clock } = buildTestApp(db());
    const ada = await signedUp(app);
    // Kiritimati is UTC+14: 11:00 UTC on 22 November is already 01:00 on 23 November there.
    expect(
      (await ada.patch("/api/account/settings", { timeZone: "Pacific/Kiritimati" })).status,
    ).toBe(200);
    const { stepIds } = await goalWithLadder(ada);
    clock.advanceMinutes(120); // the test clock starts at 09:00 UTC
    const logged = await ada.post("/api/attempts", attemptBody(stepIds[0] as string));
    expect(logged.status).toBe(201);
    const debrief = await ada.call("PUT", `/api/attempts/${logged.body.attempt.id}/debrief`, {
      didWell: "spoke after midnight",
      capability: "I can",
      differently: "",
      attributions: { effort: 3, strategy: 3, ability: 2, luck: 1, help: 0, easy: 0 },
    });
    expect(debrief.status).toBe(200);
    const on = (day: string) =>
      ada.get(`/api/report.html?from=${day}&to=${day}&sections=reflections`);
    expect((await on("2026-11-22")).body).toContain("No debriefs in this period.");
    const local = (await on("2026-11-23")).body as string;
    expect(local).toContain("<h3>2026-11-23 · ");
    expect(local).toContain("spoke after midnight");

    // In UTC the same attempt is on the 22nd.
    expect((await ada.patch("/api/account/settings", { timeZone: "UTC" })).status).toBe(200);
    expect((await on("2026-11-22")).body).toContain("spoke after midnight");
  });
});
