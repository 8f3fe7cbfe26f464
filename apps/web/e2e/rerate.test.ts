import type { Domain, StepRating } from "@cando/core";
import { describe, expect, it } from "vitest";
import { TodayPage } from "./pages/today-page";
import { apiAs, uniqueEmail } from "./support/api";
import { expectNoAxeViolations } from "./support/axe";
import { chromiumPath, useBrowserSuite } from "./support/browser";
import { TALK_STEPS } from "./support/seeds";

const GOAL = "I can give a clear 10-minute talk to a room of ten or more";

describe.skipIf(!chromiumPath)("monthly re-rating of a ladder in a browser", () => {
  const suite = useBrowserSuite();

  async function withLadder() {
    const api = apiAs(suite.session.context.request, suite.baseUrl);
    await api.signup(uniqueEmail());
    const career = (await api.domains()).find((d: Domain) => d.name === "Career");
    if (!career) throw new Error("no Career domain");
    const goal = await api.createGoal({ domainId: career.id, statement: GOAL });
    const ladder = await api.buildLadder(goal.id, TALK_STEPS);
    return { api, goal, ladder };
  }

  it("is prompted on Today while the monthly audit is due, shows each step's facts, and rates again", async () => {
    const { api, goal, ladder } = await withLadder();
    const page = suite.page;
    const first = ladder.steps[0];
    if (!first) throw new Error("no step");
    await api.logAttempt({ stepId: first.id, outcome: "done", effort: 4 });
    await new TodayPage(page).goto();
    const due = page.getByRole("region", { name: "Due now" });
    await due.getByText("Monthly re-rating of the ladder:").waitFor();
    await due.getByRole("link", { name: /^Re-rate/ }).click();
    await page.getByRole("heading", { level: 1, name: "Re-rate your ladder" }).waitFor();
    const card = page.getByRole("listitem").filter({
      has: page.getByRole("heading", { name: first.title }),
    });
    // What happened since the ladder was last rated.
    await card.getByText("Since then: 1 attempt (1 done)").waitFor();
    await card
      .getByText(/^The model's estimate of success: \d+% at your first attempt since, \d+% now$/)
      .waitFor();
    await expectNoAxeViolations(page, "the re-rating page");
    await card
      .getByRole("group", { name: "How certain am I that I can do this now?" })
      .getByRole("radio", { name: "90", exact: true })
      .check();
    await card.getByRole("button", { name: /^Save rating/ }).click();
    await card.getByText("Rated 90. Saved.").waitFor();
    const { ratings } = await api.get<{ ratings: StepRating[] }>(`/api/goals/${goal.id}/ratings`);
    expect(ratings.filter((r) => r.stepId === first.id).map((r) => r.confidence)).toContain(90);
  });

  it("fits a 390 px wide phone without scrolling sideways", async () => {
    await suite.openSession({ width: 390, height: 844 });
    const { goal } = await withLadder();
    await suite.page.goto(`/goals/${goal.id}/rerate`);
    await suite.page.getByRole("heading", { level: 1, name: "Re-rate your ladder" }).waitFor();
    await suite.page
      .getByText("The model's estimate of success now", { exact: false })
      .first()
      .waitFor();
    const width = await suite.page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
  });
});
