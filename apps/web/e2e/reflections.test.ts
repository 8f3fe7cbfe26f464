import type { Domain } from "@cando/core";
import { describe, expect, it } from "vitest";
import { ReflectionPages } from "./pages/reflection-page";
import { TodayPage } from "./pages/today-page";
import { apiAs, uniqueEmail } from "./support/api";
import { expectNoAxeViolations } from "./support/axe";
import { chromiumPath, useBrowserSuite } from "./support/browser";
import { OWN_DOING, TALK_STEPS } from "./support/seeds";

const GOAL = "I can give a clear 10-minute talk to a room of ten or more";

/** ISO weekday (1 Monday … 7 Sunday) of a `YYYY-MM-DD` day. */
const isoWeekday = (day: string) => ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe.skipIf(!chromiumPath)("weekly reflection in a browser", () => {
  const suite = useBrowserSuite();

  /** A person whose reflection day is today, with an attempt, its evidence and practice this week. */
  async function withWeek() {
    const request = suite.session.context.request;
    const api = apiAs(request, suite.baseUrl);
    await api.signup(uniqueEmail());
    const career = (await api.domains()).find((d: Domain) => d.name === "Career");
    if (!career) throw new Error("no Career domain");
    const goal = await api.createGoal({ domainId: career.id, statement: GOAL });
    const ladder = await api.buildLadder(goal.id, TALK_STEPS);
    const step = ladder.steps[0];
    if (!step) throw new Error("no step");
    const { attempt } = await api.logAttempt({ stepId: step.id, outcome: "done", effort: 4 });
    await api.debrief(attempt.id, OWN_DOING, "Kept to three points");
    const headers = { Origin: suite.baseUrl, "Content-Type": "application/json" };
    const { today } = await api.get<{ today: string }>("/api/rhythm/today");
    await request.patch("/api/rhythm/settings", {
      headers,
      data: { reflectionWeekday: isoWeekday(today) },
    });
    const logged = await request.post(`/api/goals/${goal.id}/practice`, {
      headers,
      data: { day: today, minutes: 20 },
    });
    if (!logged.ok()) throw new Error(await logged.text());
    return { api, today, step };
  }

  it("writes a reflection with the week pre-filled, plans a step, keeps a line as evidence, finds it later", async () => {
    const { api, today, step } = await withWeek();
    const page = suite.page;
    const pages = new ReflectionPages(page);
    await new TodayPage(page).goto();
    await pages.dueNow().getByText("Your weekly reflection is due.").waitFor();
    await pages.dueNow().getByRole("link", { name: "Write your reflection" }).click();

    const facts = pages.facts();
    await facts.getByText("1 attempt: 1 done.").waitFor();
    await facts.getByText("20 minutes of practice on 1 day.").waitFor();
    await facts
      .getByText("No one to learn from this week: who is one step ahead of you?")
      .waitFor();
    await expectNoAxeViolations(page, "the weekly reflection");

    await pages.answer("What did I accomplish this week?").fill("Explained my project calmly");
    await pages.answer("What challenge did I overcome?").fill("A dry mouth before starting");
    await pages.answer("What did I learn?").fill("Three points are enough");
    await pages.answer("Next week I will …").fill("Give the stand-up update");
    await pages
      .form()
      .getByLabel("Plan a step for next week (optional)")
      .selectOption({ index: 1 });
    await pages.form().getByLabel("On", { exact: true }).fill(addDays(today, 3));
    await pages.form().getByRole("button", { name: "Save reflection" }).click();
    await pages
      .form()
      .getByText(/^Reflection saved, and the step is planned/)
      .waitFor();

    await pages
      .keep()
      .getByRole("button", { name: /^Keep as evidence\s*: What did I accomplish/ })
      .click();
    await pages.keep().getByRole("link", { name: "Explained my project calmly" }).waitFor();
    await expectNoAxeViolations(page, "the saved reflection");

    const evidence = await api.get<{ evidence: { title: string }[] }>("/api/evidence?q=calmly");
    expect(evidence.evidence.map((e) => e.title)).toEqual(["Explained my project calmly"]);
    const { ladder } = await api.get<{ ladder: { steps: { id: string; plannedDate: string }[] } }>(
      `/api/goals/${(await api.get<{ goals: { id: string }[] }>("/api/goals")).goals[0]?.id}`,
    );
    expect(ladder.steps.find((s) => s.id === step.id)?.plannedDate).toBe(addDays(today, 3));

    await page.goto("/reflections");
    await page.getByLabel("Search your reflections").fill("dry mouth");
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByRole("heading", { name: "Reflections with “dry mouth”" }).waitFor();
    await page.getByText("A dry mouth before starting").waitFor();
    await expectNoAxeViolations(page, "past reflections");
    await page.getByLabel("Search your reflections").fill("nothing like this");
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByText("No reflection has those words.").waitFor();
  });

  it("fits a 390 px wide phone without scrolling sideways", async () => {
    await suite.openSession({ width: 390, height: 844 });
    await withWeek();
    const page = suite.page;
    const scrollWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
    await new TodayPage(page).goto();
    await new ReflectionPages(page).dueNow().waitFor();
    expect(await scrollWidth(), "today").toBeLessThanOrEqual(390);
    await page.goto("/reflections/week");
    await new ReflectionPages(page).facts().waitFor();
    expect(await scrollWidth(), "reflection").toBeLessThanOrEqual(390);
    await page.goto("/reflections");
    await page.getByLabel("Search your reflections").waitFor();
    expect(await scrollWidth(), "reflections").toBeLessThanOrEqual(390);
  });
});
