import type { Domain } from "@cando/core";
import type { APIRequestContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { apiAs, uniqueEmail } from "./support/api";
import { expectNoAxeViolations } from "./support/axe";
import { chromiumPath, newSession, type Session, useBrowserSuite } from "./support/browser";
import { TALK_STEPS } from "./support/seeds";

const GOAL = "I can give a clear 10-minute talk to a room of ten or more";
const PHONE = { width: 390, height: 844 };

const noSidewaysScroll = async (page: Page, what: string) =>
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth),
    `${what} scrolls sideways`,
  ).toBeLessThanOrEqual(PHONE.width);

/** A person with a goal and the talk ladder, through the API. */
async function personWithGoal(session: Session, baseUrl: string, email = uniqueEmail()) {
  const api = apiAs(session.context.request, baseUrl);
  await api.signup(email);
  const career = (await api.domains()).find((d: Domain) => d.name === "Career");
  if (!career) throw new Error("no Career domain");
  const goal = await api.createGoal({ domainId: career.id, statement: `${GOAL} (${email})` });
  const ladder = await api.buildLadder(goal.id, TALK_STEPS);
  return { api, goal, ladder, email };
}

/** The person invites this account to the goal (role), which accepts: both through the API. */
async function share(
  owner: APIRequestContext,
  to: APIRequestContext,
  baseUrl: string,
  goalId: string,
  role: "supporter" | "coach",
  label: string,
) {
  const headers = { Origin: baseUrl, "Content-Type": "application/json" };
  const made = await owner.post("/api/invitations", { headers, data: { goalId, role, label } });
  expect(made.status(), "invitation").toBe(201);
  const { token } = (await made.json()) as { token: string };
  const accepted = await to.post("/api/invitations/accept", { headers, data: { token } });
  expect(accepted.status(), "accepted").toBe(200);
}

describe.skipIf(!chromiumPath)("role models, feedback and the coach view", () => {
  const suite = useBrowserSuite();

  it("keeps a role model, nudges gently about similarity, and links what she did to a step", async () => {
    const ada = await suite.openSession(PHONE);
    const { goal, ladder } = await personWithGoal(ada, suite.baseUrl);
    const step = ladder.steps[1];
    if (!step) throw new Error("no second step");
    const page = ada.page;
    await page.goto("/role-models");
    await page.getByRole("heading", { level: 1, name: "Role models" }).waitFor();
    const form = page.getByRole("region", { name: "Add a role model" });
    await form.getByLabel("Name or alias").fill("Priya");
    await form.getByLabel("Who they are to me").fill("a colleague");
    await form.getByRole("radio", { name: "30" }).check();
    // Gentle, never blocking: the note shows and the form still saves.
    await form.getByText(/Outliers inspire but transfer less/).waitFor();
    await form.getByRole("radio", { name: "70" }).check();
    expect(await form.getByText(/Outliers inspire/).count()).toBe(0);
    await form.getByLabel("How far ahead of me they are").fill("about a year");
    await form.getByRole("button", { name: "Add role model" }).click();
    await page.getByText("Priya is added to your role models.").waitFor();

    const card = page
      .getByRole("listitem")
      .filter({ has: page.getByRole("heading", { name: "Priya" }) });
    await card.getByLabel("What they did").fill("Spoke at the team meeting");
    await card.getByLabel("When, in their journey").fill("in her third month");
    await card.getByLabel("It matches my step").selectOption(step.id);
    await card.getByRole("button", { name: "Add step to Priya" }).click();
    await page.getByText("“Spoke at the team meeting” is added to Priya.").waitFor();
    await card.getByRole("link", { name: step.title }).waitFor();
    await expectNoAxeViolations(page, "the role models page");
    await noSidewaysScroll(page, "the role models page");

    // The step card on the goal page shows who did this step.
    await page.goto(`/goals/${goal.id}`);
    const stepCard = page.locator(`#step-${step.id}`);
    await stepCard.getByText("Who did this step").waitFor();
    await stepCard.getByText("Spoke at the team meeting (in her third month)").waitFor();
    await stepCard.getByRole("link", { name: "Priya" }).waitFor();
    await expectNoAxeViolations(page, "the goal page with role models");
    await noSidewaysScroll(page, "the goal page");
  });

  it("a supporter gives feedback on an attempt; the person is notified and saves it as evidence", async () => {
    const ada = await suite.openSession(PHONE);
    const { api, goal, ladder } = await personWithGoal(ada, suite.baseUrl);
    const step = ladder.steps[0];
    if (!step) throw new Error("no step");
    const { attempt } = await api.logAttempt({ stepId: step.id, outcome: "done", effort: 4 });
    const maya = await newSession(suite.browser, suite.baseUrl, PHONE);
    try {
      await apiAs(maya.context.request, suite.baseUrl).signup(uniqueEmail());
      await share(
        ada.context.request,
        maya.context.request,
        suite.baseUrl,
        goal.id,
        "supporter",
        "Maya",
      );

      const mp = maya.page;
      await mp.goto(`/shared/goals/${goal.id}`);
      await mp.getByRole("heading", { name: "Outcomes" }).waitFor();
      await mp.getByRole("button", { name: /^Give feedback on the attempt/ }).click();
      const box = mp.getByLabel("What did you see them do?");
      await box.fill("Great job!");
      await mp.getByText(/What did you see them do\? Naming one concrete thing/).waitFor();
      await box.fill("When you paused before your last point, the whole room looked up");
      expect(await mp.getByText(/Naming one concrete thing/).count()).toBe(0);
      await mp.getByRole("button", { name: "Send feedback" }).click();
      await mp.getByText("Feedback sent.").waitFor();
      await expectNoAxeViolations(mp, "the shared goal with feedback");
      await noSidewaysScroll(mp, "the shared goal");

      // Ada: the header counts it; the attempt page shows it; she saves it as evidence.
      const page = ada.page;
      await page.goto("/");
      await page.getByRole("link", { name: /Notifications.*2 unread/ }).waitFor();
      await page.getByRole("link", { name: /Notifications/ }).click();
      await page.getByRole("link", { name: "Maya left feedback on an attempt." }).click();
      const section = page.getByRole("region", { name: "Feedback from your supporters" });
      await section.getByText("When you paused before your last point").waitFor();
      await section.getByLabel("Your reply").fill("Thank you, I felt it too");
      await section.getByRole("button", { name: "Reply to Maya" }).click();
      await section.getByText("Reply saved.").waitFor();
      await section.getByRole("button", { name: "Save as evidence" }).click();
      await section.getByText("Saved in your evidence journal.").waitFor();
      await expectNoAxeViolations(page, "the attempt page with feedback");
      await noSidewaysScroll(page, "the attempt page");
      await section.getByRole("link", { name: "In your evidence" }).click();
      await page.getByText("From a supporter's feedback").waitFor();
      await page.getByText(/Feedback from Maya/).waitFor();
      expect(attempt.id).toBeTruthy();
    } finally {
      await maya.context.close();
      expect(maya.problems, "errors in Maya's browser").toEqual([]);
    }
  });

  it("asks for the header's unread count once while the person walks through pages", async () => {
    const ada = await suite.openSession({ width: 1280, height: 800 });
    await personWithGoal(ada, suite.baseUrl);
    const page = ada.page;
    await page.goto("/");
    await page.getByRole("link", { name: /^Notifications/ }).waitFor();
    await page.waitForLoadState("networkidle");
    const asked: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("/api/notifications/unread")) asked.push(r.url());
    });
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const [link, heading] of [
      ["Goals", "Goals"],
      ["Evidence", "Evidence"],
      ["Insights", "Insights"],
      ["Today", "Today"],
    ] as const) {
      await nav.getByRole("link", { name: link, exact: true }).click();
      await page.getByRole("heading", { level: 1, name: heading }).waitFor();
    }
    await page.waitForLoadState("networkidle");
    // The count asked for on arrival is fresh for 30 s: four page changes ask nothing more.
    expect(asked).toEqual([]);
  });

  it("a coach with several clients sees who needs attention first, one click from the shared goal", async () => {
    const coach = await suite.openSession(PHONE);
    await apiAs(coach.context.request, suite.baseUrl).signup(uniqueEmail());
    const clients: Session[] = [];
    try {
      const calm = await newSession(suite.browser, suite.baseUrl);
      clients.push(calm);
      const stuck = await newSession(suite.browser, suite.baseUrl);
      clients.push(stuck);
      const calmData = await personWithGoal(calm, suite.baseUrl);
      const stuckData = await personWithGoal(stuck, suite.baseUrl);
      await calmData.api.logAttempt({
        stepId: calmData.ladder.steps[0]?.id ?? "",
        outcome: "done",
      });
      for (let i = 0; i < 3; i++) {
        await stuckData.api.logAttempt({
          stepId: stuckData.ladder.steps[1]?.id ?? "",
          outcome: "not_yet",
          confidenceBefore: 80,
        });
      }
      for (const [c, d] of [
        [calm, calmData],
        [stuck, stuckData],
      ] as const) {
        await share(
          c.context.request,
          coach.context.request,
          suite.baseUrl,
          d.goal.id,
          "coach",
          "Coach",
        );
      }

      const page = coach.page;
      await page.goto("/coach");
      await page.getByRole("heading", { level: 1, name: "Your clients" }).waitFor();
      const list = page.getByRole("list", { name: "Clients by attention" });
      await list.getByText("Three setbacks in a row").waitFor();
      const names = await list.getByRole("heading", { level: 2 }).allTextContents();
      expect(names).toEqual([stuckData.email, calmData.email]);
      await expectNoAxeViolations(page, "the coach view");
      await noSidewaysScroll(page, "the coach view");

      await page.getByRole("link", { name: `Open the shared goal of ${stuckData.email}` }).click();
      await page.getByRole("heading", { name: "Ladder" }).waitFor();
      await page.getByText(`Shared with you by ${stuckData.email}`).waitFor();
    } finally {
      for (const c of clients) {
        await c.context.close();
        expect(c.problems, "errors in a client's browser").toEqual([]);
      }
    }
  });
});
