import { describeEachDatabase } from "@cando/storage/test-support";
import { expect, it } from "vitest";
import { buildTestApp, signedUp } from "../test-support";
import { type SourceCounter, WEEK_SOURCE_COUNTERS, weekFacts } from "./week";

// The week's sources come from one small counter each: a branch that records role models,
// feedback or routines plugs its count in without touching the rest.
describeEachDatabase("the week's four sources", (db) => {
  it("takes each source's count from its own counter, over the person's week up to now", async () => {
    const { app } = buildTestApp(db());
    const ada = await signedUp(app);
    const userId = (await ada.get("/api/me")).body.user.id as string;
    const windows: { from: string; to: string }[] = [];
    const roleModels: SourceCounter = async (_db, window) => {
      windows.push(window);
      return 2;
    };
    const now = new Date("2026-11-20T12:00:00.000Z");
    const facts = await weekFacts(db(), userId, "2026-11-22", "Europe/Paris", now, {
      ...WEEK_SOURCE_COUNTERS,
      roleModels,
    });
    const byKey = Object.fromEntries(facts.sources.map((s) => [s.key, s]));
    expect(byKey["roleModels"]).toMatchObject({ count: 2, nudge: null });
    expect(byKey["feedback"]).toMatchObject({ count: 0 });
    expect(byKey["feedback"]?.nudge).toMatch(/\?|\./);
    // Monday 00:00 in Paris (UTC+1) up to just after now.
    expect(windows).toEqual([
      { userId, from: "2026-11-15T23:00:00.000Z", to: "2026-11-20T12:00:00.001Z" },
    ]);
  });
});
