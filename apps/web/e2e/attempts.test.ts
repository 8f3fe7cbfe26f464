import type { Attempt, Domain, Goal, LadderView } from "@cando/core";
import { describe, expect, it } from "vitest";
import { AttemptPage } from "./pages/attempt-page";
import { tabTo } from "./pages/keyboard";
import { LogAttemptPage } from "./pages/log-attempt-page";
import { apiAs, uniqueEmail } from "./support/api";
import { expectNoAxeViolations } from "./support/axe";
import { chromiumPath, useBrowserSuite } from "./support/browser";
import { TALK_STEPS } from "./support/seeds";

type Api = ReturnType<typeof apiAs>;

describe.skipIf(!chromiumPath)("attempts and debriefs in a browser", () => {
  const suite = useBrowserSuite();

  /** A new person with a goal in Career and its five-step ladder. */
  async function withLadder(): Promise<{
    api: Api;
    career: Domain;
    goal: Goal;
    ladder: LadderView;
  }> {
    const api = apiAs(suite.session.context.request, suite.baseUrl);
    await api.signup(uniqueEmail());
    const career = (await api.domains()).find((d) => d.name === "Career");
    if (!career) throw new Error("no Career domain");
    const goal = await api.createGoal({
      domainId: career.id,
      statement: "I can give a clear 10-minute talk to a room of 10+",
    });
    const ladder = await api.buildLadder(goal.id, TALK_STEPS);
    return { api, career, goal, ladder };
  }

  async function attemptsAt(api: Api, stepId: string): Promise<Attempt[]> {
    return (await api.get<{ attempts: Attempt[] }>(`/api/attempts?stepId=${stepId}`)).attempts;
  }

  it("with the keyboard only: logs an attempt, debriefs a success credited to luck, and takes up the invitation to look again", async () => {
    const { api, goal, ladder } = await withLadder();
    const recommendation = ladder.recommendation;
    if (!recommendation) throw new Error("no recommendation");
    const step = ladder.steps.find((s) => s.id === recommendation.stepId);
    if (!step) throw new Error("no recommended step");

    const log = new LogAttemptPage(suite.page);
    await log.goto(goal.id, step.id);
    const card = suite.page.getByRole("region", { name: step.title });
    expect(await card.textContent()).toContain(
      `Predicted chance of success: ${Math.round(step.predictedSuccess * 100)}%`,
    );
    expect(await card.textContent()).toContain(`Recommended next. ${recommendation.reason}`);
    await expectNoAxeViolations(suite.page, "the log-an-attempt page");

    await log.fillWithKeyboard({
      confidence: 30,
      outcome: "Done",
      effort: 4,
      difficulty: 4,
      note: "The projector worked first time.",
    });
    await log.submitWithKeyboard();
    const attemptId = await log.loggedAttemptId();

    const stored = (await api.get<{ attempt: Attempt }>(`/api/attempts/${attemptId}`)).attempt;
    expect(stored).toMatchObject({
      stepId: step.id,
      outcome: "done",
      confidenceBefore: 30,
      effort: 4,
      difficulty: 4,
      note: "The projector worked first time.",
      debrief: null,
    });

    const debrief = new AttemptPage(suite.page);
    await debrief.ready();
    expect(await debrief.summary().textContent()).toContain(
      "You were 30% certain beforehand, and you did it.",
    );
    await debrief.debriefWithKeyboard({
      didWell: "Got through every slide.",
      rate: { effort: 1, strategy: 1, ability: 0, luck: 4, help: 1, easy: 0 },
    });
    await debrief.status().filter({ hasText: "Debrief saved." }).waitFor();
    expect(await debrief.evidenceNotice().textContent()).toContain(
      `Added to your evidence journal: ${step.title}`,
    );
    expect(await debrief.invitation().textContent()).toContain(
      "Luck may have played a part, and you were the one there to use it.",
    );
    // Focus moved to the invitation, so the keyboard carries on from there.
    expect(await debrief.focusedText()).toBe("A success worth owning");
    await expectNoAxeViolations(suite.page, "the debrief with an invitation");

    const second = "I rehearsed twice and checked the room the day before.";
    await tabTo(suite.page, "textarea#reattribution");
    await suite.page.keyboard.type(second);
    await tabTo(suite.page, "section.invitation button[type=submit]");
    await suite.page.keyboard.press("Enter");
    await debrief.status().filter({ hasText: "Your second look is saved." }).waitFor();

    const after = (await api.get<{ attempt: Attempt }>(`/api/attempts/${attemptId}`)).attempt;
    expect(after.debrief).toMatchObject({
      didWell: "Got through every slide.",
      attributions: { effort: 1, strategy: 1, ability: 0, luck: 4, help: 1, easy: 0 },
      reattribution: second,
      prompts: [{ flag: "discounted_success", dismissed: false }],
    });

    // The evidence it became opens from the notice.
    await debrief.evidenceNotice().getByRole("link").click();
    await suite.page.getByRole("heading", { level: 1, name: step.title }).waitFor();
    expect(new URL(suite.page.url()).pathname).toMatch(/^\/evidence\/.+/);
  });

  it("sets aside the invitation for a setback blamed on ability, and offers the doubt page", async () => {
    const { api, goal, ladder } = await withLadder();
    const step = ladder.steps[1];
    if (!step) throw new Error("no step");

    const log = new LogAttemptPage(suite.page);
    await log.goto(goal.id, step.id);
    await log.fill({
      outcome: "Not yet",
      effort: 5,
      difficulty: 5,
      anxietyBefore: 8,
      anxietyAfter: 6,
    });
    await log.submit();
    const attemptId = await log.loggedAttemptId();

    const debrief = new AttemptPage(suite.page);
    await debrief.ready();
    expect(await debrief.summary().textContent()).toContain("8 before, 6 after (of 10)");
    await debrief.debrief({
      didWell: "I stood up and started.",
      rate: { effort: 1, strategy: 0, ability: 4, luck: 1, help: 0, easy: 0 },
    });
    await debrief.save();
    expect(await debrief.invitation().textContent()).toContain(
      "This one did not go the way you hoped, yet. Ability grows with practice.",
    );
    // Not a success, so nothing goes to the evidence journal.
    expect(await debrief.evidenceNotice().count()).toBe(0);

    await debrief.notNow();
    expect(await debrief.invitation().count()).toBe(0);
    expect(await debrief.focusedText()).toBe("What next");
    const stored = (await api.get<{ attempt: Attempt }>(`/api/attempts/${attemptId}`)).attempt;
    expect(stored.debrief?.prompts).toEqual([
      expect.objectContaining({ flag: "fixed_ability_setback", dismissed: true }),
    ]);
    expect(stored.debrief?.reattribution).toBe("");

    // It stays set aside.
    await debrief.goto(attemptId);
    await debrief.nextStep().waitFor();
    expect(await debrief.invitation().count()).toBe(0);

    await debrief.nextStep().getByRole("link", { name: "I'm doubting myself" }).click();
    await suite.page.getByRole("heading", { level: 1, name: "I'm doubting myself" }).waitFor();
    const url = new URL(suite.page.url());
    expect(url.searchParams.get("goalId")).toBe(goal.id);
    expect(url.searchParams.get("stepId")).toBe(step.id);
  });

  it("never logs an attempt twice: a double click, and a retry after the answer was lost", async () => {
    const { api, goal, ladder } = await withLadder();
    const step = ladder.steps[0];
    if (!step) throw new Error("no step");
    const log = new LogAttemptPage(suite.page);

    // Missing answers are named in a summary that takes focus and links to each question.
    await log.goto(goal.id, step.id);
    await log.submit();
    const alert = log.problems();
    await alert.waitFor();
    expect(await alert.textContent()).toContain("Choose how it went: done, partly or not yet.");
    expect(await suite.page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe(
      "alert",
    );
    await alert.getByRole("link", { name: "Choose how it went: done, partly or not yet." }).click();
    expect(await suite.page.evaluate(() => document.activeElement?.id)).toBe("outcome-done");
    expect(await attemptsAt(api, step.id)).toHaveLength(0);

    await log.fill({ outcome: "Done", effort: 3, difficulty: 2 });
    await log.submitButton().dblclick();
    const first = await log.loggedAttemptId();
    await new AttemptPage(suite.page).ready();
    expect((await attemptsAt(api, step.id)).map((a) => a.id)).toEqual([first]);

    // The server logs it, but the answer never reaches the browser.
    await log.goto(goal.id, step.id);
    await log.fill({ outcome: "Partly", effort: 4, difficulty: 4, minutes: 25 });
    let lost = 0;
    await suite.page.route("**/api/attempts", async (route) => {
      if (route.request().method() !== "POST" || lost > 0) return route.fallback();
      lost++;
      await route.fetch();
      await route.abort("failed");
    });
    await log.submit();
    await log.problems().filter({ hasText: "It will not be logged twice." }).waitFor();
    expect(await attemptsAt(api, step.id)).toHaveLength(2);

    await log.submit();
    const retried = await log.loggedAttemptId();
    expect(lost).toBe(1);
    const all = await attemptsAt(api, step.id);
    expect(all).toHaveLength(2);
    expect(all.map((a) => a.id)).toEqual([first, retried]);
    expect(all[1]).toMatchObject({ outcome: "partly", minutes: 25 });
  });

  it("the recommendation on the goal page follows a run of successes, then a setback", async () => {
    const { api, goal, ladder } = await withLadder();
    const start = ladder.recommendation;
    expect(start?.action).toBe("repeat");
    const first = ladder.steps[0];
    if (!first) throw new Error("no step");

    // One success through the form, two more through the API.
    const log = new LogAttemptPage(suite.page);
    await log.goto(goal.id, first.id);
    await log.fill({ outcome: "Done", effort: 3, difficulty: 3, confidence: 70 });
    await log.submit();
    await log.loggedAttemptId();
    // More successes through the API until the advice moves up (it never moves down meanwhile).
    let afterSuccesses = (
      await api.logAttempt({ stepId: first.id, outcome: "done", confidenceBefore: 70 })
    ).ladder.recommendation;
    for (let n = 0; n < 6 && afterSuccesses?.action === "repeat"; n++) {
      afterSuccesses = (await api.logAttempt({ stepId: first.id, outcome: "done" })).ladder
        .recommendation;
    }
    if (!afterSuccesses) throw new Error("no recommendation");
    expect(afterSuccesses.action).toBe("step_up");
    const upTo = ladder.steps[afterSuccesses.stepIndex];
    expect(afterSuccesses.stepIndex).toBeGreaterThan(0);

    await suite.page.goto(`/goals/${goal.id}`);
    await suite.page.getByText(afterSuccesses.reason, { exact: true }).first().waitFor();

    // The log page of the new step says it is the one recommended, and why.
    if (!upTo) throw new Error("no step to step up to");
    await log.goto(goal.id, upTo.id);
    expect(await suite.page.getByRole("region", { name: upTo.title }).textContent()).toContain(
      afterSuccesses.reason,
    );
    await log.fill({ outcome: "Not yet", effort: 5, difficulty: 5 });
    await log.submit();
    await log.loggedAttemptId();

    const after = (await api.get<{ ladder: LadderView }>(`/api/goals/${goal.id}`)).ladder
      .recommendation;
    if (!after) throw new Error("no recommendation");
    expect(after.action).toBe("step_back");
    expect(after.stepIndex).toBeLessThan(afterSuccesses.stepIndex);
    const debrief = new AttemptPage(suite.page);
    await debrief.debrief({
      rate: { effort: 3, strategy: 2, ability: 1, luck: 1, help: 0, easy: 0 },
    });
    await debrief.save();
    await debrief.nextStep().getByRole("link", { name: "Back to the goal" }).click();
    await suite.page.getByText(after.reason, { exact: true }).first().waitFor();
    expect(await suite.page.getByText(afterSuccesses.reason, { exact: true }).count()).toBe(0);
  });
});
