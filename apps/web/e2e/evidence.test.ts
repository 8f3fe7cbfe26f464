import type { Attempt, DoubtResponse, Evidence, Goal, LadderView } from "@cando/core";
import { describe, expect, it } from "vitest";
import { AttemptPage } from "./pages/attempt-page";
import { DoubtPage } from "./pages/doubt-page";
import { EvidenceItemPage } from "./pages/evidence-item-page";
import { EvidencePage } from "./pages/evidence-page";
import { scrollsSideways } from "./pages/keyboard";
import { LogAttemptPage } from "./pages/log-attempt-page";
import { apiAs, uniqueEmail } from "./support/api";
import { expectNoAxeViolations } from "./support/axe";
import { chromiumPath, useBrowserSuite } from "./support/browser";
import { OWN_DOING, TALK_STEPS } from "./support/seeds";

type Api = ReturnType<typeof apiAs>;

const RUN_STEPS = [
  { title: "Run 1 km without stopping", confidence: 70 },
  { title: "Run 3 km at an easy pace", confidence: 40 },
  { title: "Run 5 km", confidence: 20 },
];

/** `YYYY-MM-DD`, `days` ago, in the browser's (and this process's) time zone. */
function dayAgo(days: number): string {
  const at = new Date(Date.now() - days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

describe.skipIf(!chromiumPath)("the evidence journal and doubt in a browser", () => {
  const suite = useBrowserSuite();

  type Seeded = {
    api: Api;
    talk: { goal: Goal; ladder: LadderView };
    run: { goal: Goal; ladder: LadderView };
    careerId: string;
    healthId: string;
  };

  /** A person with a goal in Career and one in Health, each with its ladder. */
  async function twoGoals(): Promise<Seeded> {
    const api = apiAs(suite.session.context.request, suite.baseUrl);
    await api.signup(uniqueEmail());
    const domains = await api.domains();
    const careerId = domains.find((d) => d.name === "Career")?.id ?? "";
    const healthId = domains.find((d) => d.name === "Health")?.id ?? "";
    const talkGoal = await api.createGoal({
      domainId: careerId,
      statement: "I can give a clear 10-minute talk to a room of 10+",
    });
    const runGoal = await api.createGoal({ domainId: healthId, statement: "I can run 5 km" });
    return {
      api,
      talk: { goal: talkGoal, ladder: await api.buildLadder(talkGoal.id, TALK_STEPS) },
      run: { goal: runGoal, ladder: await api.buildLadder(runGoal.id, RUN_STEPS) },
      careerId,
      healthId,
    };
  }

  /** A debriefed success: it becomes a piece of evidence. */
  async function success(
    api: Api,
    stepId: string,
    didWell: string,
    more: { effort?: number; confidenceBefore?: number } = {},
  ): Promise<Evidence> {
    const { attempt } = await api.logAttempt({ stepId, outcome: "done", ...more });
    const { evidence } = await api.debrief(attempt.id, OWN_DOING, didWell);
    if (!evidence) throw new Error("a debriefed success should become evidence");
    return evidence;
  }

  function stepOf(ladder: LadderView, index: number) {
    const step = ladder.steps[index];
    if (!step) throw new Error(`no step ${index}`);
    return step;
  }

  it("shows debriefed successes, searches and filters them, and takes an accomplishment by hand", async () => {
    const { api, talk, run, careerId } = await twoGoals();
    const talk1 = stepOf(talk.ladder, 0);
    const talk2 = stepOf(talk.ladder, 1);
    const run1 = stepOf(run.ladder, 0);
    await success(api, talk1.id, "Kept it short and used a drawing.");
    await success(api, talk2.id, "Rehearsed twice the night before.");
    await success(api, run1.id, "Kept a steady pace the whole way.");
    await api.addEvidence({
      domainId: careerId,
      title: "Ran the client workshop when my lead was ill",
      body: "Stepped in at two hours' notice.",
      occurredOn: dayAgo(30),
      ownership: 70,
    });

    const journal = new EvidencePage(suite.page);
    await journal.goto();
    expect(await journal.count().textContent()).toBe("4 pieces of evidence.");
    expect((await journal.titles()).at(-1)).toBe("Ran the client workshop when my lead was ill");
    const byHand = journal.item("Ran the client workshop when my lead was ill");
    expect(await byHand.locator(".badge").allTextContents()).toEqual(["Added by hand"]);
    expect(await byHand.textContent()).toContain("Your own doing: 70%");
    expect(await journal.item(talk2.title).locator(".badge").allTextContents()).toEqual([
      "From an attempt",
    ]);
    await expectNoAxeViolations(suite.page, "the evidence journal");

    // Search: every word must match; the address keeps it; typing keeps the focus.
    await journal.searchFor("rehearsed night");
    expect(await journal.titles()).toEqual([talk2.title]);
    expect(await suite.page.evaluate(() => document.activeElement?.id)).toBe("evidence-q");
    await journal.searchFor("");
    expect(await journal.titles()).toHaveLength(4);

    // Filters: domain, then goal (steps follow the goal), then step.
    await journal.filter("domain", "Health");
    expect(await journal.titles()).toEqual([run1.title]);
    await journal.filter("domain", "All domains");
    expect(await journal.step().isDisabled()).toBe(true);
    await journal.filter("goal", talk.goal.statement);
    expect((await journal.titles()).sort()).toEqual([talk1.title, talk2.title].sort());
    await journal.step().locator("option", { hasText: talk2.title }).waitFor({ state: "attached" });
    await journal.filter("step", `2. ${talk2.title}`);
    expect(await journal.titles()).toEqual([talk2.title]);
    const url = new URL(suite.page.url());
    expect(url.searchParams.get("goalId")).toBe(talk.goal.id);
    expect(url.searchParams.get("stepId")).toBe(talk2.id);
    expect(url.searchParams.get("domainId")).toBe(careerId);

    // The address alone brings the same view back.
    await suite.page.reload();
    await journal.settled();
    expect(await journal.titles()).toEqual([talk2.title]);
    await expect.poll(() => journal.step().inputValue()).toBe(talk2.id);

    // Nothing matches: say so, and offer a way out.
    await journal.searchFor("zebra");
    expect(await journal.count().textContent()).toBe("No evidence matches these filters.");
    await suite.page.getByRole("button", { name: "Clear filters" }).click();
    await suite.page.waitForURL((u) => u.search === "");
    await journal.settled();
    expect(await journal.titles()).toHaveLength(4);

    // By hand: the form says what is missing, then adds it to the top of the journal.
    await journal.openAddForm();
    await journal.addForm().getByRole("button", { name: "Add to my journal" }).click();
    const alert = journal.addForm().getByRole("alert");
    expect(await alert.textContent()).toContain("Give it a short title.");
    expect(await alert.textContent()).toContain("Choose how much of it was your own doing");
    await expectNoAxeViolations(suite.page, "the accomplishment form with problems");
    await journal.add({
      goal: talk.goal.statement,
      title: "Spoke up in the all-hands Q&A",
      body: "Asked the CEO a question in front of 200 people.",
      date: dayAgo(1),
      ownership: 80,
    });
    await journal.status().filter({ hasText: "Added “Spoke up in the all-hands Q&A”" }).waitFor();
    await journal.settled();
    expect(await journal.titles()).toHaveLength(5);
    const added = journal.item("Spoke up in the all-hands Q&A");
    expect(await added.locator(".badge").allTextContents()).toEqual(["Added by hand"]);
    expect(await added.textContent()).toContain("Your own doing: 80%");
    const stored = (await api.get<{ evidence: Evidence[] }>("/api/evidence?q=all-hands")).evidence;
    expect(stored).toEqual([
      expect.objectContaining({
        source: "manual",
        domainId: careerId,
        goalId: talk.goal.id,
        occurredOn: dayAgo(1),
        ownership: 80,
        body: "Asked the CEO a question in front of 200 people.",
      }),
    ]);
  });

  it("the imposter exercise weighs what produced a success, and the evidence can be edited", async () => {
    const { api, talk } = await twoGoals();
    const step = stepOf(talk.ladder, 1);
    const evidence = await success(api, step.id, "Rehearsed twice the night before.", {
      effort: 4,
    });

    const item = new EvidenceItemPage(suite.page);
    await item.goto(evidence.id);
    expect(await item.heading().textContent()).toBe(step.title);
    expect(await item.card().textContent()).toContain("Effort: 4 of 5");
    await expectNoAxeViolations(suite.page, "a piece of evidence");

    await item.weigh({ "My effort": 60, Luck: 40 });
    await expect.poll(() => item.share().textContent()).toContain("Own share: 60%");
    await item.weigh({ "My strategy or preparation": 60 });
    await expect.poll(() => item.share().textContent()).toContain("Own share: 75%");
    await item.saveExercise();
    expect(await item.exercise().getByRole("alert").textContent()).toContain(
      "Write what this shows about you",
    );
    await item.writeShows("I can prepare well enough to speak under pressure.");
    await item.saveExercise();
    await item.exercise().getByRole("button", { name: "Weigh it again" }).waitFor();
    expect(await item.exercise().textContent()).toContain(
      "I can prepare well enough to speak under pressure.",
    );
    expect(await item.share().textContent()).toContain("Own share: 75%");
    await expectNoAxeViolations(suite.page, "a piece of evidence with its exercise");

    const stored = (await api.get<{ evidence: Evidence[] }>("/api/evidence")).evidence[0];
    expect(stored?.reattribution).toMatchObject({
      weights: { effort: 60, skill: 0, strategy: 60, luck: 40, help: 0, timing: 0 },
      shows: "I can prepare well enough to speak under pressure.",
      ownShare: 75,
    });

    await item.edit({ title: "Gave the stand-up update without notes" });
    await suite.page
      .getByRole("heading", { level: 1, name: "Gave the stand-up update without notes" })
      .waitFor();
    const edited = (await api.get<{ evidence: Evidence[] }>("/api/evidence")).evidence[0];
    expect(edited?.title).toBe("Gave the stand-up update without notes");

    const journal = new EvidencePage(suite.page);
    await journal.goto();
    expect(
      await journal
        .item("Gave the stand-up update without notes")
        .locator(".badge")
        .allTextContents(),
    ).toEqual(["From an attempt", "Re-attributed"]);
  });

  it("“I'm doubting myself” brings up the closest evidence first, and how belief compares with results", async () => {
    const { api, talk, run, healthId } = await twoGoals();
    const talk1 = stepOf(talk.ladder, 0);
    const talk2 = stepOf(talk.ladder, 1);
    // Twelve attempts with a stated confidence, most through the API: belief lags the results.
    await success(api, talk1.id, "Kept it short.", { effort: 2, confidenceBefore: 30 });
    await success(api, talk1.id, "Answered two questions calmly.", {
      effort: 3,
      confidenceBefore: 30,
    });
    await success(api, talk2.id, "Handled an interruption from my manager.", {
      effort: 4,
      confidenceBefore: 30,
    });
    for (let i = 0; i < 6; i++) {
      await api.logAttempt({ stepId: talk1.id, outcome: "done", confidenceBefore: 30 });
    }
    await api.logAttempt({ stepId: talk2.id, outcome: "partly", confidenceBefore: 30 });
    await api.logAttempt({ stepId: talk2.id, outcome: "not_yet", confidenceBefore: 30 });
    await success(api, stepOf(run.ladder, 0).id, "Kept a steady pace.", { effort: 5 });
    await api.addEvidence({
      domainId: healthId,
      title: "Cooked every dinner for a week",
      occurredOn: dayAgo(3),
      ownership: 100,
    });

    const log = new LogAttemptPage(suite.page);
    await log.goto(talk.goal.id, talk2.id);
    await log.fill({ outcome: "Done", effort: 4, difficulty: 3, confidence: 40 });
    await log.submit();
    const attemptId = await log.loggedAttemptId();
    const debrief = new AttemptPage(suite.page);
    await debrief.ready();
    await debrief.debrief({
      didWell: "Rehearsed twice the night before.",
      rate: OWN_DOING,
    });
    await debrief.save();
    const attempts = (await api.get<{ attempts: Attempt[] }>("/api/attempts")).attempts;
    expect(attempts.filter((a) => a.confidenceBefore !== null)).toHaveLength(12);
    expect(attempts.find((a) => a.id === attemptId)?.confidenceBefore).toBe(40);

    // From the journal, without a goal in mind.
    const journal = new EvidencePage(suite.page);
    await journal.goto();
    await suite.page.getByRole("link", { name: "I'm doubting myself" }).click();
    const doubt = new DoubtPage(suite.page);
    await doubt.ready();
    const everywhere = await api.get<DoubtResponse>("/api/doubt");
    expect(everywhere.calibration?.verdict).toBe("under_confident");
    expect(await doubt.calibration().locator(".calibration-sentence").textContent()).toBe(
      everywhere.calibration?.sentence,
    );
    expect(everywhere.calibration?.sentence).toMatch(
      /^You said 31% on average before your last 12 attempts and succeeded in 10 and partly succeeded in 1\. Your results are ahead of your belief\.$/,
    );
    await expectNoAxeViolations(suite.page, "the doubt page");

    // About one step: that step's evidence first, then the goal's, then the rest.
    await doubt.goto(`?goalId=${talk.goal.id}&stepId=${talk2.id}`);
    const here = await api.get<DoubtResponse>(
      `/api/doubt?goalId=${talk.goal.id}&stepId=${talk2.id}`,
    );
    const titles = await doubt.titles();
    expect(titles).toEqual(here.evidence.map((e) => e.title));
    expect(titles.slice(0, 2)).toEqual([talk2.title, talk2.title]);
    expect(titles.slice(2, 4)).toEqual([talk1.title, talk1.title]);
    const firstCard = doubt.cards().first();
    expect(await firstCard.textContent()).toContain("It is the very step you are facing now.");
    expect(await firstCard.textContent()).toContain("It took real effort (4 of 5)");
    expect(await suite.page.getByText("About the step").textContent()).toContain(talk2.title);

    // One of them, weighed again.
    await firstCard.getByRole("link", { name: /^Weigh what produced this/ }).click();
    const item = new EvidenceItemPage(suite.page);
    await item.exercise().waitFor();
    await expect
      .poll(() => suite.page.evaluate(() => document.activeElement?.id))
      .toBe("exercise-heading");
  });

  it("a long journal loads a page at a time, the rest on demand", async () => {
    const api = apiAs(suite.session.context.request, suite.baseUrl);
    await api.signup(uniqueEmail());
    const careerId = (await api.domains()).find((d) => d.name === "Career")?.id ?? "";
    for (let i = 0; i < 104; i++) {
      await api.addEvidence({
        domainId: careerId,
        title: `Small win ${i}`,
        occurredOn: dayAgo(i % 30),
        ownership: 60,
      });
    }
    const journal = new EvidencePage(suite.page);
    await journal.goto();
    expect(await journal.items().count()).toBe(100);
    expect(await journal.count().textContent()).toBe(
      "The latest 100 pieces of evidence; there are more.",
    );
    await suite.page.getByRole("button", { name: "Show more evidence" }).click();
    await suite.page.getByRole("status").filter({ hasText: "More evidence shown." }).waitFor();
    expect(await journal.items().count()).toBe(104);
    expect(new Set(await journal.titles()).size).toBe(104);
    expect(await suite.page.getByRole("button", { name: "Show more evidence" }).count()).toBe(0);
    await expectNoAxeViolations(suite.page, "the journal after Show more");
  });

  it("with nothing in the journal yet, explains how evidence grows", async () => {
    const api = apiAs(suite.session.context.request, suite.baseUrl);
    await api.signup(uniqueEmail());

    const doubt = new DoubtPage(suite.page);
    await doubt.goto();
    expect(await doubt.empty().textContent()).toContain(
      "Evidence grows with each success you debrief",
    );
    expect(await doubt.calibration().count()).toBe(0);
    expect(
      await doubt.empty().getByRole("link", { name: "Log an attempt" }).getAttribute("href"),
    ).toBe("/goals");
    await expectNoAxeViolations(suite.page, "the empty doubt page");
    await doubt.empty().getByRole("link", { name: "Add an accomplishment" }).click();

    const journal = new EvidencePage(suite.page);
    await journal.heading().waitFor();
    await journal.addForm().waitFor();
    await journal.settled();
    expect(await journal.count().textContent()).toBe("No evidence yet.");
    expect(await suite.page.locator(".empty-state").textContent()).toContain(
      "Evidence grows with each success you debrief",
    );
    await expectNoAxeViolations(suite.page, "the empty journal");
  });

  it("every page fits a 390 px screen and passes axe there", async () => {
    await suite.session.context.close();
    await suite.openSession({ width: 390, height: 844 });
    const { api, talk, careerId } = await twoGoals();
    const step = stepOf(talk.ladder, 0);
    const evidence = await success(api, step.id, "Kept it short and used a drawing.", {
      effort: 4,
    });
    await api.addEvidence({
      domainId: careerId,
      goalId: talk.goal.id,
      title: "Ran the client workshop when my lead was ill, at two hours' notice",
      body: "Stepped in and ran the whole workshop for 8 people.",
      occurredOn: dayAgo(10),
      ownership: 70,
    });
    const { attempt } = await api.logAttempt({ stepId: step.id, outcome: "done" });
    await api.debrief(attempt.id, {
      effort: 1,
      strategy: 0,
      ability: 0,
      luck: 4,
      help: 2,
      easy: 1,
    });

    const pages: [string, () => Promise<void>][] = [
      ["log an attempt", () => new LogAttemptPage(suite.page).goto(talk.goal.id, step.id)],
      [
        "the debrief with an invitation",
        async () => {
          const debrief = new AttemptPage(suite.page);
          await debrief.goto(attempt.id);
          await debrief.invitation().waitFor();
        },
      ],
      ["the journal", () => new EvidencePage(suite.page).goto()],
      ["the accomplishment form", () => new EvidencePage(suite.page).goto("?add=1")],
      ["a piece of evidence", () => new EvidenceItemPage(suite.page).goto(evidence.id)],
      ["doubt", () => new DoubtPage(suite.page).goto(`?goalId=${talk.goal.id}&stepId=${step.id}`)],
    ];
    for (const [what, open] of pages) {
      await open();
      expect(await scrollsSideways(suite.page), `${what} scrolls sideways at 390 px`).toBe(false);
      await expectNoAxeViolations(suite.page, `${what} at 390 px`);
    }
  });
});
