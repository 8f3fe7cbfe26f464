import type { Attempt, LadderView, Milestone, NextStep } from "@cando/core";
import { describe, expect, it } from "vitest";
import { AttemptPage } from "./pages/attempt-page";
import { DoubtPage } from "./pages/doubt-page";
import { EvidenceItemPage } from "./pages/evidence-item-page";
import { GoalPage } from "./pages/goal-page";
import { InsightsPage } from "./pages/insights-page";
import { MilestonePage } from "./pages/milestone-page";
import { apiAs, uniqueEmail } from "./support/api";
import { expectNoAxeViolations } from "./support/axe";
import { chromiumPath, useBrowserSuite } from "./support/browser";
import { OWN_DOING } from "./support/seeds";

// Issue 9's walkthrough, replayed: one person, one six-step talk ladder. The advice never
// contradicts itself, and every number on the way can say why.

const SIX_STEPS = [
  { title: "Explain my project to one colleague", confidence: 90 },
  { title: "Give a 5-minute update at stand-up", confidence: 70 },
  { title: "Present 5 minutes to my team with slides", confidence: null },
  { title: "Give a 10-minute talk at the department meeting", confidence: 30 },
  { title: "Give a 10-minute talk to a room of ten", confidence: 20 },
  { title: "Give a 10-minute talk to ten and take questions", confidence: 10 },
];

const percent = (p: number) => `${Math.round(p * 100)}%`;
const DAY_MS = 86_400_000;

describe.skipIf(!chromiumPath)("advice a person can trust, in a browser", () => {
  const suite = useBrowserSuite();

  it("replays the walkthrough: advice that never contradicts itself and explains every number", {
    timeout: 180_000,
  }, async () => {
    const api = apiAs(suite.session.context.request, suite.baseUrl);
    await api.signup(uniqueEmail());
    const career = (await api.domains()).find((d) => d.name === "Career");
    if (!career) throw new Error("no Career domain");
    const goal = await api.createGoal({
      domainId: career.id,
      statement: "I can give a clear 10-minute talk to a room of ten",
    });
    let ladder = await api.buildLadder(goal.id, SIX_STEPS);
    const ids = ladder.steps.map((s) => s.id);
    const title = (id: string) => ladder.steps.find((s) => s.id === id)?.title ?? "";

    // Before any attempt: "Start with", never a "now" that suggests it was done, no skipped
    // step the person rated under 90; the unrated step's number is explained.
    const first = ladder.recommendation;
    if (!first) throw new Error("no recommendation");
    expect(first.reason).toMatch(/^Start with/);
    expect(first.reason).not.toContain(" now ");
    expect(first.stepIndex).toBeLessThanOrEqual(1);

    const goalPage = new GoalPage(suite.page);
    await goalPage.goto(goal.id);
    const unrated = SIX_STEPS[2]?.title ?? "";
    const unratedWhy = await goalPage.why(goalPage.step(unrated), /^Why \d+%\?$/);
    expect(unratedWhy).toContain("You have not rated this step");
    await expectNoAxeViolations(suite.page, "the goal page with a why open");

    // Re-rating it before any attempt moves it to the rating.
    const rerated = await suite.session.context.request.post(`/api/steps/${ids[2]}/ratings`, {
      headers: { Origin: suite.baseUrl, "Content-Type": "application/json" },
      data: { confidence: 40 },
    });
    ladder = ((await rerated.json()) as { ladder: LadderView }).ladder;
    expect(percent(ladder.steps[2]?.predictedSuccess ?? 0)).toBe("40%");

    // Step 1 done until it is mastered, two days ago; each success keeps the advice at or above
    // it. Every attempt states the confidence held before it (50), for the calibration verdict.
    type Logged = { attempt: Attempt; ladder: LadderView; milestones: Milestone[] };
    let rated = 0;
    const log = async (i: number, outcome: "done" | "not_yet", effort = 3, at?: Date) => {
      const res = (await api.logAttempt({
        stepId: ids[i] as string,
        outcome,
        effort,
        confidenceBefore: 50,
        ...(at ? { attemptedAt: at.toISOString() } : {}),
      })) as Logged;
      rated += 1;
      ladder = res.ladder;
      const rec = ladder.recommendation;
      if (!rec) throw new Error("no recommendation");
      if (outcome === "done") expect(rec.stepIndex, rec.reason).toBeGreaterThanOrEqual(i);
      return res;
    };
    let mastered: Milestone | undefined;
    let earnedBy: Attempt | undefined;
    const twoDaysAgo = Date.now() - 2 * DAY_MS;
    const stepOneSuccesses: Attempt[] = [];
    for (let n = 0; n < 5 && !mastered; n++) {
      const res = await log(0, "done", 2, new Date(twoDaysAgo + n * 60_000));
      mastered = res.milestones.find((m) => m.kind === "step_mastered");
      earnedBy = res.attempt;
      stepOneSuccesses.push(res.attempt);
    }
    if (!mastered || !earnedBy) throw new Error("step 1 was never mastered");
    expect(ladder.steps[0]?.mastered).toBe(true);
    // Each success on step 1 debriefed (after the milestone, as people do): evidence of that day.
    for (const success of stepOneSuccesses)
      await api.debrief(success.id, OWN_DOING, "Kept it short");

    // One setback on step 2: step 1 stays mastered and is not where the advice goes.
    await log(1, "not_yet");
    expect(ladder.steps[0]?.mastered).toBe(true);
    expect(ladder.recommendation?.stepIndex).not.toBe(0);

    // Two successes on step 2: never back down to an easier step.
    await log(1, "done");
    await log(1, "done");
    expect(ladder.recommendation?.stepIndex).toBeGreaterThanOrEqual(1);

    // The milestone is dated by the attempt that earned it, and its praise matches effort 2.
    const shown = (await api.get<{ milestones: Milestone[] }>("/api/milestones")).milestones;
    const milestone = shown.find((m) => m.id === mastered?.id);
    expect(milestone?.achievedAt).toBe(earnedBy.attemptedAt);
    expect(milestone?.praise).not.toContain("real effort");
    expect(milestone?.praise).toContain("effort 2 of 5");
    expect(milestone?.praise).toContain("“Kept it short”");

    // The milestone page counts the evidence of its time: the debriefed successes dated up to the
    // day it was earned, not evidence on the same step from a later day.
    const later = await suite.session.context.request.post("/api/evidence", {
      headers: { Origin: suite.baseUrl, "Content-Type": "application/json" },
      data: {
        domainId: career.id,
        goalId: goal.id,
        stepId: ids[0],
        title: "Explained it again, to my manager",
        occurredOn: new Date().toISOString().slice(0, 10),
        ownership: 80,
      },
    });
    expect(later.status()).toBe(201);
    const milestonePage = new MilestonePage(suite.page);
    await milestonePage.goto(mastered.id);
    const n = stepOneSuccesses.length;
    expect(
      await milestonePage.celebration().locator(".celebration-meaning").textContent(),
    ).toContain(`You have ${n} pieces of evidence behind it.`);
    expect(await milestonePage.evidence().locator("li").count()).toBe(n);
    expect(await milestonePage.evidence().textContent()).not.toContain("to my manager");

    // The goal page: the advice's reason, its why, the target's why with its sources.
    await goalPage.goto(goal.id);
    const rec = ladder.recommendation;
    if (!rec) throw new Error("no recommendation");
    const section = goalPage.ladder();
    expect(await section.locator(".recommend-reason").textContent()).toBe(rec.reason);
    const recWhy = await goalPage.why(section.locator(".recommend-why"), /^Why \d+%\?$/);
    expect(recWhy).toMatch(/From your \d+ attempts? on this step/);
    const targetWhy = await goalPage.why(section.locator(".recommend-why"), "Why aim for 80%?");
    expect(targetWhy).toContain("Wilson et al. 2019");
    expect(targetWhy).toContain("Klinkenberg et al. 2011");
    expect(await goalPage.fact(title(ids[0] as string), "Predicted success")).toMatch(/^\d+%$/);
    const scaleWhy = await goalPage.why(goalPage.scale(), "Why these numbers?");
    expect(scaleWhy).toContain("Lee and Bobko (1994)");
    await expectNoAxeViolations(suite.page, "the goal page with its whys open");

    // The person's target, changed in the why panel, is what the advice aims for.
    const control = section.locator(".recommend-why .target-control");
    await control.getByLabel("Your target success rate").selectOption("75");
    await control.getByRole("button", { name: "Save target" }).click();
    await expect
      .poll(async () => section.locator(".recommend-reason").textContent())
      .toContain("75% target");

    // A debrief's "What next" names the next step, its chance and reason, with Start.
    const { attempt } = await log(1, "done", 4);
    const debrief = new AttemptPage(suite.page);
    await debrief.goto(attempt.id);
    await debrief.debrief({ didWell: "Slowed down", rate: OWN_DOING });
    await debrief.save();
    const card = debrief.nextStep();
    await card.locator(".next-step").waitFor();
    // The same answer through the API (saving the same debrief again changes nothing).
    const again = await api.debrief(attempt.id, OWN_DOING, "Slowed down");
    const next = (again as unknown as { next: NextStep | null }).next;
    if (!next) throw new Error("no next step after the debrief");
    expect(await card.textContent()).toContain(next.stepTitle);
    expect(await card.textContent()).toContain(percent(next.recommendation.predictedSuccess));
    expect(await card.textContent()).toContain(next.recommendation.reason);
    const start = card.getByRole("link", { name: `Start “${next.stepTitle}”` });
    expect(await start.getAttribute("href")).toBe(
      `/goals/${goal.id}/steps/${next.recommendation.stepId}/attempt`,
    );

    // The debriefed success is evidence; weighed in the imposter exercise, its own share says why.
    const evidence = again.evidence;
    if (!evidence) throw new Error("the debriefed success should be evidence");
    const item = new EvidenceItemPage(suite.page);
    await item.goto(evidence.id);
    await item.weigh({ "My effort": 60, Luck: 40 });
    await item.writeShows("I can slow down and be understood.");
    await item.saveExercise();
    await item.exercise().getByRole("button", { name: "Weigh it again" }).waitFor();
    const shareWhy = await goalPage.why(item.exercise(), "Why 60%?");
    expect(shareWhy).toContain("60 + 0 + 0 = 60 of 100 points");
    expect(shareWhy).toContain("Clance & Imes 1978");
    await expectNoAxeViolations(suite.page, "the own share with its why open");
    // "Your own doing" says where its number came from: the causes rated in the debrief.
    const ownDoingWhy = await goalPage.why(
      item.card(),
      `Why ${evidence.ownership}% your own doing?`,
    );
    expect(ownDoingWhy).toContain("worked it out from the causes you rated");
    await expectNoAxeViolations(suite.page, "your own doing with its why open");

    // After 10 attempts with a stated confidence, the calibration verdict says why, on Insights
    // and when doubt comes.
    while (rated < 10) {
      const rec = ladder.recommendation;
      if (!rec) throw new Error("no recommendation");
      await log(rec.stepIndex, "done");
    }
    const insights = new InsightsPage(suite.page);
    await insights.goto();
    await insights.ready();
    const verdictWhy = await goalPage.why(insights.calibration(), "Why this verdict?");
    expect(verdictWhy).toContain("at least 10 attempts");
    expect(verdictWhy).toContain("Lichtenstein, Fischhoff & Phillips 1982");
    await expectNoAxeViolations(suite.page, "Insights with the verdict's why open");
    const doubt = new DoubtPage(suite.page);
    await doubt.goto();
    expect(await goalPage.why(doubt.calibration(), "Why this verdict?")).toBe(verdictWhy);
    await expectNoAxeViolations(suite.page, "the doubt page with the verdict's why open");

    // How Cando works, in plain words with sources; the milestones list.
    await suite.page.goto("/how-cando-works");
    await suite.page.getByRole("heading", { name: "Sources" }).waitFor();
    await suite.page.getByRole("heading", { name: "Your own share of a success" }).waitFor();
    await expectNoAxeViolations(suite.page, "How Cando works");
    await suite.page.goto("/milestones");
    await suite.page.getByRole("link", { name: mastered.title }).waitFor();
    await expectNoAxeViolations(suite.page, "the milestones list");
  });
});
