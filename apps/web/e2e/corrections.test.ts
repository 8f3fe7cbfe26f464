import type { Attempt, Audit, Domain, Evidence, Goal, LadderView, Milestone } from "@cando/core";
import { describe, expect, it } from "vitest";
import { AttemptPage } from "./pages/attempt-page";
import { Corrections } from "./pages/corrections";
import { EvidenceItemPage } from "./pages/evidence-item-page";
import { GoalPage } from "./pages/goal-page";
import { HistoryPage } from "./pages/history-page";
import { scrollsSideways } from "./pages/keyboard";
import { apiAs, uniqueEmail } from "./support/api";
import { expectNoAxeViolations } from "./support/axe";
import { chromiumPath, useBrowserSuite } from "./support/browser";
import { OWN_DOING, TALK_STEPS } from "./support/seeds";

type Api = ReturnType<typeof apiAs>;
const STATEMENT = "I can give a clear 10-minute talk to a room of 10+";

describe.skipIf(!chromiumPath)("correcting mistakes in a browser", () => {
  const suite = useBrowserSuite();

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
    const goal = await api.createGoal({ domainId: career.id, statement: STATEMENT });
    const ladder = await api.buildLadder(goal.id, TALK_STEPS);
    return { api, career, goal, ladder };
  }

  const first = (ladder: LadderView) => {
    const step = ladder.steps[0];
    if (!step) throw new Error("no steps");
    return step;
  };

  it("edits an attempt's outcome, and the ladder changes with it", async () => {
    const { api, goal, ladder } = await withLadder();
    const step = first(ladder);
    await api.logAttempt({ stepId: step.id, outcome: "done" });
    const { attempt } = await api.logAttempt({ stepId: step.id, outcome: "done" });

    const goalPage = new GoalPage(suite.page);
    await goalPage.goto(goal.id);
    expect(await goalPage.fact(step.title, "Attempts")).toBe("2, 2 done");
    const before = await goalPage.fact(step.title, "Predicted success");

    const debrief = new AttemptPage(suite.page);
    await debrief.goto(attempt.id);
    const corrections = new Corrections(suite.page);
    await corrections.editAttempt({ outcome: "Not yet", note: "I stopped halfway, in fact." });
    expect(await debrief.summary().textContent()).toContain("Not yet");
    await expectNoAxeViolations(suite.page, "the attempt after a correction");

    const stored = (await api.get<{ attempt: Attempt }>(`/api/attempts/${attempt.id}`)).attempt;
    expect(stored).toMatchObject({ outcome: "not_yet", note: "I stopped halfway, in fact." });
    await goalPage.goto(goal.id);
    expect(await goalPage.fact(step.title, "Attempts")).toBe("2, 1 done");
    const after = await goalPage.fact(step.title, "Predicted success");
    expect(Number.parseInt(after, 10)).toBeLessThan(Number.parseInt(before, 10));
  });

  it("deletes an attempt after saying what goes with it, and undoes the deletion", async () => {
    const { api, goal, ladder } = await withLadder();
    const step = first(ladder);
    await api.logAttempt({ stepId: step.id, outcome: "done" });
    const { attempt } = await api.logAttempt({ stepId: step.id, outcome: "done" });
    const { evidence } = await api.debrief(attempt.id, OWN_DOING, "Kept to time");
    if (!evidence) throw new Error("no evidence");

    const debrief = new AttemptPage(suite.page);
    await debrief.goto(attempt.id);
    const corrections = new Corrections(suite.page);
    const question = await corrections.askToDeleteAttempt();
    expect(question).toContain("its debrief");
    expect(question).toContain(`the evidence “${evidence.title}” it added to your journal`);
    await expectNoAxeViolations(suite.page, "the delete-attempt confirmation");
    await corrections.confirm("Delete attempt");
    await corrections.undoNotice().waitFor();
    expect(await corrections.undoNotice().textContent()).toContain(
      "Deleted with it: its debrief and the evidence it added to your journal.",
    );
    // The notice takes focus in an effect after it renders: wait for it rather than read once.
    await expect
      .poll(() => suite.page.evaluate(() => document.activeElement?.className))
      .toContain("undo-notice");
    await expectNoAxeViolations(suite.page, "the deleted attempt with Undo");

    const attempts = async () =>
      (await api.get<{ attempts: Attempt[] }>(`/api/attempts?goalId=${goal.id}`)).attempts;
    expect((await attempts()).map((a) => a.id)).not.toContain(attempt.id);
    const journal = async () => (await api.get<{ evidence: Evidence[] }>("/api/evidence")).evidence;
    expect(await journal()).toEqual([]);

    await corrections.undo();
    await debrief.ready();
    expect(await debrief.summary().textContent()).toContain("Done");
    expect((await attempts()).map((a) => a.id)).toContain(attempt.id);
    expect((await journal()).map((e) => e.id)).toEqual([evidence.id]);
    const goalPage = new GoalPage(suite.page);
    await goalPage.goto(goal.id);
    expect(await goalPage.fact(step.title, "Attempts")).toBe("2, 2 done");
  });

  it("deletes a piece of evidence, with undo", async () => {
    const { api, career } = await withLadder();
    const evidence = await api.addEvidence({
      domainId: career.id,
      title: "Ran the client workshop at two hours' notice",
      occurredOn: "2026-11-20",
      ownership: 70,
    });
    const item = new EvidenceItemPage(suite.page);
    await item.goto(evidence.id);
    const corrections = new Corrections(suite.page);
    await suite.page.getByRole("button", { name: "Delete evidence", exact: true }).click();
    const panel = corrections.confirmPanel(`Delete “${evidence.title}”?`);
    await panel.waitFor();
    await expectNoAxeViolations(suite.page, "the delete-evidence confirmation");
    await corrections.confirm("Delete evidence");
    await corrections.undoNotice().waitFor();
    expect(await corrections.undoNotice().textContent()).toContain("Evidence deleted.");
    const journal = async () => (await api.get<{ evidence: Evidence[] }>("/api/evidence")).evidence;
    expect(await journal()).toEqual([]);
    await corrections.undo();
    await suite.page.getByRole("heading", { level: 1, name: evidence.title }).waitFor();
    expect(await journal()).toEqual([evidence]);

    await corrections.deleteEvidence();
    expect(await journal()).toEqual([]);
  });

  it("deletes a goal only once its name is typed, with everything under it", async () => {
    const { api, career, goal, ladder } = await withLadder();
    const step = first(ladder);
    const { attempt } = await api.logAttempt({ stepId: step.id, outcome: "done" });
    await api.debrief(attempt.id, OWN_DOING, "Kept to time");
    const other = await api.createGoal({ domainId: career.id, statement: "I can run 5 km" });

    const goalPage = new GoalPage(suite.page);
    await goalPage.goto(goal.id);
    const corrections = new Corrections(suite.page);
    await corrections.openGoalDelete();
    const panel = corrections.confirmPanel("Delete this goal and everything under it?");
    await panel.filter({ hasText: "5 steps" }).waitFor();
    expect(await panel.textContent()).toContain(
      "with 5 steps, 1 attempt with their debriefs, 1 piece of evidence, 0 milestones",
    );
    await expectNoAxeViolations(suite.page, "the delete-goal confirmation");

    await corrections.goalNameField().fill("I can give a talk");
    await corrections.confirm("Delete goal for good");
    await panel.getByText("Type the goal exactly as it is written, to confirm.").waitFor();
    expect(await corrections.goalNameField().getAttribute("aria-invalid")).toBe("true");
    expect((await api.get<{ goals: Goal[] }>("/api/goals")).goals).toHaveLength(2);

    await corrections.goalNameField().fill(STATEMENT);
    await corrections.confirm("Delete goal for good");
    await suite.page.waitForURL("**/goals?deleted=1");
    await suite.page.getByText("The goal and everything under it are deleted.").waitFor();
    expect((await api.get<{ goals: Goal[] }>("/api/goals")).goals.map((g) => g.id)).toEqual([
      other.id,
    ]);
    expect((await api.get<{ evidence: Evidence[] }>("/api/evidence")).evidence).toEqual([]);
    expect((await api.get<{ attempts: Attempt[] }>("/api/attempts")).attempts).toEqual([]);
    expect((await api.get<{ milestones: Milestone[] }>("/api/milestones")).milestones).toEqual([]);
  });

  it("deletes an audit from the history, with undo", async () => {
    const api = apiAs(suite.session.context.request, suite.baseUrl);
    await api.signup(uniqueEmail());
    const domains = await api.domains();
    await api.takeAudit(domains.map((d) => ({ domainId: d.id, rating: 40 })));
    await api.takeAudit(domains.map((d) => ({ domainId: d.id, rating: 70 })));
    const audits = async () => (await api.get<{ audits: Audit[] }>("/api/audits")).audits;
    expect(await audits()).toHaveLength(2);

    const history = new HistoryPage(suite.page);
    await history.goto();
    const corrections = new Corrections(suite.page);
    const buttons = suite.page.getByRole("button", { name: /^Delete the audit of / });
    await buttons.nth(1).waitFor();
    expect(await buttons.count()).toBe(2);
    const label = ((await buttons.last().getAttribute("aria-label")) ?? "").replace(
      "Delete the audit of ",
      "",
    );
    await buttons.last().click();
    await corrections.confirmPanel(`Delete the audit of ${label}?`).waitFor();
    await expectNoAxeViolations(suite.page, "the delete-audit confirmation");
    await corrections.confirm("Delete audit");
    await corrections.undoNotice().waitFor();
    expect((await audits()).map((a) => a.ratings[0]?.rating)).toEqual([40]);
    await suite.page
      .getByRole("button", { name: /^Delete the audit of / })
      .first()
      .waitFor();
    expect(await suite.page.getByRole("button", { name: /^Delete the audit of / }).count()).toBe(1);
    await expectNoAxeViolations(suite.page, "the history after a deletion");

    await corrections.undo();
    await suite.page
      .getByRole("button", { name: /^Delete the audit of / })
      .nth(1)
      .waitFor();
    expect((await audits()).map((a) => a.ratings[0]?.rating)).toEqual([40, 70]);
  });

  it("fits a 390 px screen without scrolling sideways, axe clean, while correcting", async () => {
    await suite.openSession({ width: 390, height: 844 });
    const { api, goal, ladder } = await withLadder();
    const step = first(ladder);
    const { attempt } = await api.logAttempt({ stepId: step.id, outcome: "done" });
    await api.debrief(attempt.id, OWN_DOING, "Kept to time");
    const domains = await api.domains();
    await api.takeAudit(domains.map((d) => ({ domainId: d.id, rating: 50 })));
    const corrections = new Corrections(suite.page);

    const debrief = new AttemptPage(suite.page);
    await debrief.goto(attempt.id);
    await corrections.attemptCard().getByRole("button", { name: "Edit attempt" }).click();
    await suite.page.locator("form.attempt-edit-form").waitFor();
    expect(await scrollsSideways(suite.page), "the attempt edit form").toBe(false);
    await expectNoAxeViolations(suite.page, "the attempt edit form at 390 px");

    const goalPage = new GoalPage(suite.page);
    await goalPage.goto(goal.id);
    await corrections.openGoalDelete();
    expect(await scrollsSideways(suite.page), "the goal delete confirmation").toBe(false);
    await expectNoAxeViolations(suite.page, "the goal delete confirmation at 390 px");

    const history = new HistoryPage(suite.page);
    await history.goto();
    await suite.page.getByRole("button", { name: /^Delete the audit of / }).click();
    await corrections.confirm("Delete audit");
    await corrections.undoNotice().waitFor();
    expect(await scrollsSideways(suite.page), "the history with Undo").toBe(false);
    await expectNoAxeViolations(suite.page, "the history with Undo at 390 px");
  });
});
