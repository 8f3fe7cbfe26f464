import type { Domain, Goal, LadderView } from "@cando/core";
import { describe, expect, it } from "vitest";
import { InsightsPage } from "./pages/insights-page";
import { apiAs, uniqueEmail } from "./support/api";
import { expectNoAxeViolations } from "./support/axe";
import { chromiumPath, useBrowserSuite } from "./support/browser";
import { OWN_DOING, TALK_STEPS } from "./support/seeds";

type Api = ReturnType<typeof apiAs>;

const TALK_GOAL = "I can give a clear 10-minute talk to a room of ten or more";
const UNDER_CONFIDENT =
  "You said 30% on average before your last 12 attempts and succeeded in 9. Your results are ahead of your belief.";

describe.skipIf(!chromiumPath)("insights in a browser", () => {
  const suite = useBrowserSuite();

  async function signedUp(): Promise<{ api: Api; domains: Domain[] }> {
    const api = apiAs(suite.session.context.request, suite.baseUrl);
    await api.signup(uniqueEmail());
    return { api, domains: await api.domains() };
  }

  async function goalWithLadder(
    api: Api,
    domainId: string,
    statement: string,
  ): Promise<{ goal: Goal; ladder: LadderView }> {
    const goal = await api.createGoal({ domainId, statement });
    return { goal, ladder: await api.buildLadder(goal.id, TALK_STEPS) };
  }

  /**
   * Twelve attempts stated at 30%, nine done; half of them at anxiety 7, half at 2; a few
   * debriefed; and two audits over every domain.
   */
  async function filled(): Promise<{ api: Api; goal: Goal; domains: Domain[] }> {
    const { api, domains } = await signedUp();
    const career = domains.find((d) => d.name === "Career") ?? domains[0]!;
    const { goal, ladder } = await goalWithLadder(api, career.id, TALK_GOAL);
    const stepId = ladder.steps[0]!.id;
    for (let i = 0; i < 12; i++) {
      const { attempt } = await api.logAttempt({
        stepId,
        outcome: i % 4 === 3 ? "not_yet" : "done",
        confidenceBefore: 30,
        anxietyBefore: i % 2 === 0 ? 7 : 2,
      });
      if (i < 3) await api.debrief(attempt.id, OWN_DOING);
    }
    await api.takeAudit(domains.map((d, i) => ({ domainId: d.id, rating: 30 + (i % 4) * 10 })));
    await api.takeAudit(domains.map((d, i) => ({ domainId: d.id, rating: 40 + (i % 4) * 10 })));
    return { api, goal, domains };
  }

  it("shows the imposter pattern, the calibration table and both anxiety groups", async () => {
    const { api, goal, domains } = await filled();
    const insights = new InsightsPage(suite.page);
    await insights.goto();
    await insights.ready();

    const calibration = insights.calibration();
    expect(await calibration.textContent()).toContain("Your results are ahead of your belief");
    expect(await calibration.textContent()).toContain(UNDER_CONFIDENT);
    expect(await calibration.textContent()).toContain(
      "On average your stated confidence was 45 points below your success rate.",
    );
    expect(await insights.rows(insights.calibrationTable())).toEqual([
      { "You said": "30–39%", Attempts: "12", "Average said": "30%", Success: "75%" },
    ]);

    const anxietyRows = await insights.rows(insights.anxietyTable());
    expect(anxietyRows.map((r) => [r["Anxiety before"], r["Attempts"]])).toEqual([
      ["High (6 or more)", "6"],
      ["Low (4 or less)", "6"],
    ]);
    expect(await insights.anxiety().textContent()).toContain(
      "over 6 attempts at anxiety 6 or more",
    );

    const attribution = await insights.byRowHeader(insights.attributionTable());
    expect(attribution["Debriefs rated"]).toEqual(["3"]);
    expect(attribution["Adaptive"]).toEqual(["100%"]);
    expect(attribution["Setbacks put down to ability"]).toEqual(["0"]);

    const audit = await insights.rows(insights.auditTable());
    expect(audit).toHaveLength(domains.length);
    expect(audit[0]).toEqual({
      Domain: domains[0]!.name,
      Latest: "40",
      "Since previous": "+10",
      "Since first": "+10",
    });
    expect(await insights.audit().textContent()).toContain(`over ${domains.length} domains`);

    await expectNoAxeViolations(suite.page, "the filled insights page");

    // The goal filter is kept in the address; another goal with few attempts asks for more.
    const other = await goalWithLadder(
      api,
      domains[1]!.id,
      "I can swim 500 metres without stopping in the public pool",
    );
    for (let i = 0; i < 4; i++) {
      await api.logAttempt({
        stepId: other.ladder.steps[0]!.id,
        outcome: "done",
        confidenceBefore: 60,
      });
    }
    await insights.goto();
    await insights.goalFilter().selectOption({ label: other.goal.statement });
    await expect.poll(() => new URL(suite.page.url()).search).toBe(`?goalId=${other.goal.id}`);
    await expect
      .poll(() => insights.calibration().textContent())
      .toContain("before 4 attempts. 6 more and Cando can tell you");
    expect(await insights.calibration().textContent()).not.toContain(UNDER_CONFIDENT);

    await insights.goalFilter().selectOption({ label: goal.statement });
    await expect.poll(() => insights.calibration().textContent()).toContain(UNDER_CONFIDENT);
    await suite.page.reload();
    await insights.ready();
    expect(await insights.goalFilter().inputValue()).toBe(goal.id);
  });

  it("draws the month-by-month trend with its table once two months exist", async () => {
    const { api, domains } = await signedUp();
    const { ladder } = await goalWithLadder(api, domains[0]!.id, TALK_GOAL);
    const stepId = ladder.steps[0]!.id;
    const headers = { Origin: suite.baseUrl, "Content-Type": "application/json" };
    const longAgo = new Date(Date.now() - 45 * 86_400_000).toISOString();
    for (let i = 0; i < 6; i++) {
      const response = await suite.session.context.request.post("/api/attempts", {
        headers,
        data: {
          stepId,
          outcome: "done",
          effort: 3,
          difficulty: 3,
          confidenceBefore: 20,
          attemptedAt: longAgo,
        },
      });
      expect(response.status()).toBe(201);
    }
    for (let i = 0; i < 6; i++) {
      await api.logAttempt({ stepId, outcome: i < 4 ? "done" : "not_yet", confidenceBefore: 60 });
    }
    const insights = new InsightsPage(suite.page);
    await insights.goto();
    await insights.trendChart().scrollIntoViewIfNeeded();
    await insights.trendChart().locator("canvas").waitFor();
    const trend = await insights.rows(insights.trendTable());
    expect(trend.map((r) => r["Gap"])).toEqual(["−80", "−7"]);
    await expectNoAxeViolations(suite.page, "insights with a trend chart");
  });

  it("welcomes a brand-new person with an empty state", async () => {
    await signedUp();
    const insights = new InsightsPage(suite.page);
    await insights.goto();
    await insights.empty().waitFor();
    expect(await insights.calibration().count()).toBe(0);
    expect(await insights.goalFilter().count()).toBe(0);
    await expect
      .poll(() =>
        suite.page
          .getByRole("link", { name: "Insights", exact: true })
          .getAttribute("aria-current"),
      )
      .toBe("page");
    await expectNoAxeViolations(suite.page, "the empty insights page");
  });

  it("fits a 390 px wide phone without scrolling sideways, empty and filled", async () => {
    await suite.openSession({ width: 390, height: 844 });
    const scrollWidth = () => suite.page.evaluate(() => document.documentElement.scrollWidth);
    await signedUp();
    const insights = new InsightsPage(suite.page);
    await insights.goto();
    await insights.empty().waitFor();
    expect(await scrollWidth(), "empty").toBeLessThanOrEqual(390);

    await suite.session.context.clearCookies();
    await filled();
    await insights.goto();
    await insights.ready();
    await insights.auditTable().waitFor();
    expect(await scrollWidth(), "filled").toBeLessThanOrEqual(390);
  });
});
