import type { Domain, PlanResponse } from "@cando/core";
import { describe, expect, it } from "vitest";
import { apiAs, uniqueEmail } from "./support/api";
import { expectNoAxeViolations } from "./support/axe";
import { chromiumPath, useBrowserSuite } from "./support/browser";
import { TALK_STEPS } from "./support/seeds";

const GOAL = "I can give a clear 10-minute talk to a room of ten or more";

describe.skipIf(!chromiumPath)("the 30-day plan in a browser", () => {
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

  it("shows the launch and weekly milestones, skips a practice day, re-plans and says why, and prints without the controls", async () => {
    const { goal, ladder } = await withLadder();
    const page = suite.page;
    await page.goto(`/goals/${goal.id}`);
    await page.getByRole("link", { name: "See your 30-day plan" }).click();
    await page.getByRole("heading", { level: 1, name: "Your 30-day plan" }).waitFor();
    await page.getByText(/^Day 1 of 30\. This is a launch/).waitFor();
    const week1 = page.getByRole("region", { name: /^Week 1/ });
    const first = ladder.steps[0]?.title as string;
    await week1.getByText(`have mastered “${first}”`, { exact: false }).waitFor();
    await expectNoAxeViolations(page, "the 30-day plan");

    // Skip a practice day: it rests, and the score forgives it.
    const skip = week1.getByRole("button", { name: /^Skip practice on / }).nth(1);
    await skip.click();
    await page.getByText(/is a rest day now\. Your score forgives it/).waitFor();
    await week1.getByText("Rest day").waitFor();

    // The advice changes (the first step is mastered): the plan moves and says why.
    const headers = { Origin: suite.baseUrl, "Content-Type": "application/json" };
    const res = await suite.session.context.request.patch(`/api/steps/${ladder.steps[0]?.id}`, {
      headers,
      data: { mastered: true },
    });
    expect(res.ok()).toBe(true);
    await page.reload();
    const moved = page.getByRole("region", { name: "The plan moved" });
    await moved
      .getByText(`${first}: week 1 → not in the plan. You mastered it: well done.`)
      .waitFor();
    await week1.getByText(`have mastered “${ladder.steps[1]?.title}”`, { exact: false }).waitFor();
    await expectNoAxeViolations(page, "the re-planned plan");

    await page.emulateMedia({ media: "print" });
    expect(await page.getByRole("button", { name: "Print the plan" }).isVisible()).toBe(false);
    expect(await week1.isVisible()).toBe(true);
    await page.emulateMedia({ media: "screen" });
  });

  it("moves a planned step a day on without penalty", async () => {
    const { api, goal, ladder } = await withLadder();
    const step = ladder.steps[1];
    if (!step) throw new Error("no step");
    const { plan } = await api.get<PlanResponse>(`/api/goals/${goal.id}/plan`);
    const week2 = plan.weeks[1];
    if (!week2) throw new Error("no week 2");
    const day = week2.end;
    const headers = { Origin: suite.baseUrl, "Content-Type": "application/json" };
    const res = await suite.session.context.request.patch(`/api/steps/${step.id}`, {
      headers,
      data: { plannedDate: day },
    });
    expect(res.ok()).toBe(true);
    const page = suite.page;
    await page.goto(`/goals/${goal.id}/plan`);
    await page
      .getByRole("region", { name: /^Week 2/ })
      .getByRole("button", { name: /^Move a day on/ })
      .click();
    await page.getByText(`“${step.title}” moved to`, { exact: false }).waitFor();
    const after = await api.get<PlanResponse>(`/api/goals/${goal.id}/plan`);
    const planned = after.plan.weeks.flatMap((w) => w.attempts).find((a) => a.kind === "planned");
    expect(planned?.day).not.toBe(day);
    expect(planned?.day ?? "").toBeTruthy();
  });

  it("charts a step's confidence over time against the predicted success on the goal page", async () => {
    const { api, goal, ladder } = await withLadder();
    const first = ladder.steps[0];
    if (!first) throw new Error("no step");
    await api.logAttempt({ stepId: first.id, outcome: "done", effort: 4 });
    const page = suite.page;
    await page.goto(`/goals/${goal.id}`);
    const card = page.getByRole("region", { name: "Confidence against predicted success" });
    await card.waitFor();
    const table = card.getByRole("table", {
      name: `${first.title}: confidence and predicted success, in percent`,
    });
    // The rating made with the ladder (80) is the first row.
    await table.getByRole("row").nth(1).getByRole("cell", { name: "80%" }).first().waitFor();
    await table.getByRole("rowheader", { name: "Now" }).waitFor();
    await card.getByLabel("Step").selectOption({ label: ladder.steps[1]?.title as string });
    await card
      .getByRole("table", {
        name: `${ladder.steps[1]?.title}: confidence and predicted success, in percent`,
      })
      .getByRole("cell", { name: "60%" })
      .first()
      .waitFor();
    await expectNoAxeViolations(page, "the goal page with the confidence chart");
  });

  it("fits a 390 px wide phone without scrolling sideways", async () => {
    await suite.openSession({ width: 390, height: 844 });
    const { goal } = await withLadder();
    await suite.page.goto(`/goals/${goal.id}/plan`);
    await suite.page.getByRole("region", { name: /^Week 1/ }).waitFor();
    const width = await suite.page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
  });
});
