import type { Domain } from "@cando/core";
import { describe, expect, it } from "vitest";
import { PracticeParts } from "./pages/practice-page";
import { TodayPage } from "./pages/today-page";
import { apiAs, uniqueEmail } from "./support/api";
import { expectNoAxeViolations } from "./support/axe";
import { chromiumPath, useBrowserSuite } from "./support/browser";
import { TALK_STEPS } from "./support/seeds";

const GOAL = "I can give a clear 10-minute talk to a room of ten or more";

describe.skipIf(!chromiumPath)("practice log in a browser", () => {
  const suite = useBrowserSuite();

  async function withGoal() {
    const api = apiAs(suite.session.context.request, suite.baseUrl);
    await api.signup(uniqueEmail());
    const career = (await api.domains()).find((d: Domain) => d.name === "Career");
    if (!career) throw new Error("no Career domain");
    const goal = await api.createGoal({ domainId: career.id, statement: GOAL });
    await api.buildLadder(goal.id, TALK_STEPS);
    return { api, goal };
  }

  it("logs practice from Today and the goal page, and shows the score, target and heat map", async () => {
    const { goal } = await withGoal();
    const page = suite.page;
    const practice = new PracticeParts(page);
    await new TodayPage(page).goto();
    const item = practice.todayItem(GOAL);
    await item.getByText("Not practised yet today.").waitFor();
    await practice.quickAdd(GOAL, 15).click();
    await item.getByText("15 minutes practised today.").waitFor();
    await item.getByLabel("Other minutes").fill("2.5");
    await item.getByRole("button", { name: /^Add/ }).click();
    await item.getByText("Minutes must be a whole number").waitFor();
    await item.getByLabel("Other minutes").fill("20");
    await item.getByRole("button", { name: /^Add/ }).click();
    await item.getByText("35 minutes practised today.").waitFor();
    await expect.poll(() => item.getByText("Practised 1 of the last 7 days").count()).toBe(1);
    await expectNoAxeViolations(page, "Today with practice");

    await item.getByRole("link", { name: GOAL }).click();
    await practice.section().getByText("35 minutes practised today.").waitFor();
    const form = practice.logForm();
    await form.getByLabel("Minutes").fill("30");
    await form.getByLabel("What I practised (optional)").fill("Opening, out loud, twice");
    await form.getByRole("button", { name: "Log practice" }).click();
    await form.getByText("Logged 30 minutes.").waitFor();
    await practice.section().getByText("65 minutes practised today.").waitFor();
    await practice.heatMap().waitFor();
    await expect
      .poll(async () => (await practice.monthMinutes()).reduce((a, b) => a + b, 0))
      .toBe(65);
    await practice.section().getByText("Latest entries").click();
    await practice
      .section()
      .getByText(/30 minutes, Opening, out loud, twice/)
      .waitFor();

    await practice.section().getByLabel("Minutes a week (optional)").fill("120");
    await practice.section().getByRole("button", { name: "Save target" }).click();
    await practice
      .section()
      .getByText(/of a 120-minute weekly target/)
      .waitFor();

    await practice.section().getByRole("button", { name: "Plan a rest day" }).click();
    await practice.section().getByRole("list", { name: "Planned rest days" }).waitFor();
    await expectNoAxeViolations(page, "the goal page with practice");

    // What the server stored, read back.
    const stored = await apiAs(suite.session.context.request, suite.baseUrl).get<{
      practice: { minutesToday: number; weeklyTarget: number };
      restDays: string[];
    }>(`/api/goals/${goal.id}/practice`);
    expect(stored.practice).toMatchObject({ minutesToday: 65, weeklyTarget: 120 });
    expect(stored.restDays).toHaveLength(1);
  });

  it("fits a 390 px wide phone without scrolling sideways", async () => {
    await suite.openSession({ width: 390, height: 844 });
    const { api, goal } = await withGoal();
    await api.get(`/api/goals/${goal.id}/practice`);
    const scrollWidth = () => suite.page.evaluate(() => document.documentElement.scrollWidth);
    const practice = new PracticeParts(suite.page);
    await new TodayPage(suite.page).goto();
    await practice.todayItem(GOAL).waitFor();
    expect(await scrollWidth(), "today").toBeLessThanOrEqual(390);
    await suite.page.goto(`/goals/${goal.id}`);
    // The section is below the fold on a phone: it loads when scrolled near, as a person would.
    await practice.section().scrollIntoViewIfNeeded();
    await practice.heatMap().waitFor();
    expect(await scrollWidth(), "goal page").toBeLessThanOrEqual(390);
  });
});
