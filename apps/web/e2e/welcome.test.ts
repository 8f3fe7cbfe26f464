import type { Goal, LadderView } from "@cando/core";
import { describe, expect, it } from "vitest";
import { AuditPage } from "./pages/audit-page";
import { GoalPage } from "./pages/goal-page";
import { SignupPage } from "./pages/signup-page";
import { TodayPage } from "./pages/today-page";
import { WelcomePage } from "./pages/welcome-page";
import { apiAs, PASSWORD, uniqueEmail } from "./support/api";
import { expectNoAxeViolations } from "./support/axe";
import { chromiumPath, useBrowserSuite } from "./support/browser";

const DEFAULTS = ["Career", "Health", "Relationships", "Learning new skills", "Finances"];

/** `YYYY-MM-DD` of today plus `days`, in this machine's time zone (the browser's too). */
function dayFromNow(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

describe.skipIf(!chromiumPath)("the first-run path in a browser", () => {
  const suite = useBrowserSuite();

  it("leads someone new from sign-up to a first step scheduled within a week", async () => {
    await new SignupPage(suite.page).goto();
    await new SignupPage(suite.page).signUp(uniqueEmail(), PASSWORD);
    const welcome = new WelcomePage(suite.page);
    await suite.page.waitForURL(/\/welcome$/);
    await welcome.at("Step 1 of 6: Welcome");
    expect(await suite.page.textContent("main")).toContain("self-efficacy");
    await expectNoAxeViolations(suite.page, "welcome");
    await welcome.button("Let's start").click();

    // The audit: every domain rated, then on.
    await welcome.at("Step 2 of 6: Rate your areas of life");
    const audit = new AuditPage(suite.page);
    await audit.groups().first().waitFor();
    expect(await audit.domainNames()).toEqual(DEFAULTS);
    for (const [i, domain] of DEFAULTS.entries())
      await audit.rate(domain, [60, 40, 70, 50, 30][i]!);
    await welcome.button("Save and continue").click();

    // One domain, showing the rating just given.
    await welcome.at("Step 3 of 6: Choose one domain");
    await expectNoAxeViolations(suite.page, "welcome, choose a domain");
    await welcome.button("Continue").click();
    await suite.page.getByText("Choose one domain, or skip this step.").waitFor();
    const career = suite.page.getByRole("radio", { name: /^Career/ });
    expect(await suite.page.getByText("rated 60").count()).toBe(1);
    await career.check();
    await welcome.button("Continue").click();

    // One "I can …" goal, in the chosen domain.
    await welcome.at("Step 4 of 6: Set one goal");
    expect(
      await suite.page.getByLabel("Domain").evaluate((s) => {
        const select = s as HTMLSelectElement;
        return select.options[select.selectedIndex]?.text;
      }),
    ).toBe("Career");
    await suite.page.getByLabel("Goal", { exact: true }).fill("I can lead a team meeting");
    await suite.page.getByLabel("Observable outcome").fill("A 30-minute meeting run by me");
    await welcome.button("Set goal and continue").click();

    // The first three steps.
    await welcome.at("Step 5 of 6: Plan your first three steps");
    const goalPage = new GoalPage(suite.page);
    await goalPage.fillBuilderStep(1, { title: "Run the check-in round", confidence: 80 });
    await goalPage.fillBuilderStep(2, { title: "Run half the meeting", confidence: 50 });
    await goalPage.fillBuilderStep(3, { title: "Run the whole meeting", confidence: 30 });
    await expectNoAxeViolations(suite.page, "welcome, first three steps");
    await welcome.button("Save ladder").click();

    // The first step, scheduled within the week.
    await welcome.at("Step 6 of 6: Schedule your first step");
    // The ladder loads after the step appears: wait for it rather than read too early.
    await expect.poll(() => suite.page.textContent("main")).toContain("Run the check-in round");
    const tomorrow = welcome.button("Tomorrow");
    await tomorrow.click();
    expect(await tomorrow.getAttribute("aria-pressed")).toBe("true");
    expect(await suite.page.getByLabel("Day of your first step").inputValue()).toBe(dayFromNow(1));
    await welcome.button("Schedule and finish").click();

    // Today, with the step planned and said so.
    const today = new TodayPage(suite.page);
    await today.heading().waitFor();
    await expect
      .poll(() => suite.page.locator(".toast").textContent())
      .toContain("“Run the check-in round” is planned for");
    await today.item("I can lead a team meeting").waitFor();

    const api = apiAs(suite.session.context.request, suite.baseUrl);
    const { goals } = await api.get<{ goals: Goal[] }>("/api/goals");
    expect(goals.map((g) => g.statement)).toEqual(["I can lead a team meeting"]);
    const { ladder } = await api.get<{ ladder: LadderView }>(`/api/goals/${goals[0]!.id}`);
    expect(ladder.steps.map((s) => [s.title, s.confidence])).toEqual([
      ["Run the check-in round", 80],
      ["Run half the meeting", 50],
      ["Run the whole meeting", 30],
    ]);
    expect(ladder.steps[0]!.plannedDate).toBe(dayFromNow(1));
    const audits = await api.get<{ audits: unknown[] }>("/api/audits");
    expect(audits.audits).toHaveLength(1);
  });

  it("lets every step be skipped; without a goal the path ends at Today", async () => {
    const api = apiAs(suite.session.context.request, suite.baseUrl);
    await api.signup(uniqueEmail());
    const welcome = new WelcomePage(suite.page);
    await welcome.goto();
    const seen: string[] = [];
    for (const step of [
      "Welcome",
      "Rate your areas of life",
      "Choose one domain",
      "Set one goal",
    ]) {
      await welcome.at(`: ${step}`);
      seen.push((await welcome.progress().textContent()) ?? "");
      await welcome.skip().click();
    }
    expect(seen).toEqual([
      "Step 1 of 6: Welcome",
      "Step 2 of 6: Rate your areas of life",
      "Step 3 of 6: Choose one domain",
      "Step 4 of 6: Set one goal",
    ]);
    await new TodayPage(suite.page).heading().waitFor();
    expect(new URL(suite.page.url()).pathname).toBe("/");
    // Nothing was stored by skipping; Today still offers the path first.
    expect(await api.get<{ audits: unknown[] }>("/api/audits")).toMatchObject({ audits: [] });
    expect(await api.get<{ goals: unknown[] }>("/api/goals")).toMatchObject({ goals: [] });
    await new TodayPage(suite.page)
      .firstRun()
      .getByRole("link", { name: "Get started: five short steps" })
      .waitFor();
  });

  it("a visitor who is not logged in sees what Cando is in three lines, and fits a phone", async () => {
    await suite.openSession({ width: 390, height: 844 });
    await suite.page.goto("/");
    await suite.page.getByRole("heading", { level: 1, name: /Build the belief/ }).waitFor();
    expect(await suite.page.locator(".landing-lines > li").count()).toBe(3);
    await suite.page.getByRole("link", { name: "Get started" }).waitFor();
    await suite.page.getByRole("link", { name: "Log in", exact: true }).first().waitFor();
    expect(
      await suite.page.evaluate(() => document.documentElement.scrollWidth),
    ).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(suite.page, "the landing page at 390 px");
  });
});
