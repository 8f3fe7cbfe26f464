import { describeEachDatabase } from "@cando/storage/test-support";
import { expect, it } from "vitest";
import { seedHistory } from "../account/history-fixture";
import { buildTestApp, signedUp, TestClient } from "../test-support";

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
});
