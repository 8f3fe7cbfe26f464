import type { AttemptStart, Domain } from "@cando/core";
import { describe, expect, it } from "vitest";
import { scrollsSideways } from "./pages/keyboard";
import { LoginPage } from "./pages/login-page";
import { PreparePage } from "./pages/prepare-page";
import { TodayPage } from "./pages/today-page";
import { apiAs, PASSWORD, uniqueEmail } from "./support/api";
import { expectNoAxeViolations } from "./support/axe";
import { chromiumPath, useBrowserSuite } from "./support/browser";
import { TALK_STEPS } from "./support/seeds";

const GOAL = "I can give a clear 10-minute talk to a room of ten or more";
const headers = (baseUrl: string) => ({ Origin: baseUrl, "Content-Type": "application/json" });

describe.skipIf(!chromiumPath)("prepare: two-phase attempts and the routine", () => {
  const suite = useBrowserSuite();

  async function withGoal() {
    const email = uniqueEmail();
    const api = apiAs(suite.session.context.request, suite.baseUrl);
    await api.signup(email);
    const career = (await api.domains()).find((d: Domain) => d.name === "Career");
    if (!career) throw new Error("no Career domain");
    const goal = await api.createGoal({ domainId: career.id, statement: GOAL });
    const ladder = await api.buildLadder(goal.id, TALK_STEPS);
    return { api, email, goal, ladder };
  }

  it("keeps the ratings from before through a reload and a new login, then finishes it", async () => {
    const { email, goal } = await withGoal();
    const page = suite.page;
    const prepare = new PreparePage(page);
    const today = new TodayPage(page);
    await today.goto();
    await today.startAttempt(GOAL).click();
    await prepare.startHeading().waitFor();
    await expectNoAxeViolations(page, "Start an attempt");
    await prepare.startWith({ confidence: 60, anxiety: 7, sleep: "6.5" });
    const before = "Before you began: confidence 60, anxiety 7 of 10, 6.5 hours of sleep.";
    await page.getByText(before).waitFor();

    // The tab can close: the ratings are on the server.
    await page.reload();
    await page.getByText(before).waitFor();
    await expectNoAxeViolations(page, "an attempt in progress");
    const session = suite.session;
    await page.context().clearCookies();

    const other = await suite.openSession();
    expect(other).not.toBe(session);
    const login = new LoginPage(other.page);
    await login.goto();
    await login.logIn(email, PASSWORD);
    const again = new PreparePage(other.page);
    await again.inProgress().waitFor();
    await expectNoAxeViolations(other.page, "Today with an attempt in progress");
    await again
      .inProgress()
      .getByRole("link", { name: /^Finish/ })
      .click();
    await other.page.getByText(before).waitFor();
    await again.finishWith({ outcome: "Done", effort: 4, difficulty: 3 });
    await other.page.waitForURL((url) => /^\/attempts\/[^/]+$/.test(url.pathname));

    const otherApi = apiAs(other.context.request, suite.baseUrl);
    const { attempts } = await otherApi.get<{
      attempts: { confidenceBefore: number; anxietyBefore: number; confidenceRated: string }[];
    }>(`/api/attempts?goalId=${goal.id}`);
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({
      confidenceBefore: 60,
      anxietyBefore: 7,
      confidenceRated: "before",
      sleepHours: 6.5,
    });
    const { attemptStarts } = await otherApi.get<{ attemptStarts: AttemptStart[] }>(
      "/api/attempt-starts",
    );
    expect(attemptStarts).toEqual([]);
  });

  it("discards an attempt in progress from the goal page", async () => {
    const { goal, ladder } = await withGoal();
    const page = suite.page;
    const step = ladder.steps[0];
    if (!step) throw new Error("no step");
    await page.request.post("/api/attempt-starts", {
      headers: headers(suite.baseUrl),
      data: { stepId: step.id, anxietyBefore: 5 },
    });
    await page.goto(`/goals/${goal.id}`);
    const prepare = new PreparePage(page);
    await prepare.inProgress().waitFor();
    await prepare
      .inProgress()
      .getByRole("button", { name: /^Discard/ })
      .click();
    await page.getByRole("region", { name: "Discard this attempt in progress?" }).waitFor();
    await page.getByRole("button", { name: "Discard", exact: true }).click();
    await prepare.inProgress().waitFor({ state: "detached" });
    const res = await page.request.get("/api/attempt-starts");
    expect((await res.json()).attemptStarts).toEqual([]);
  });

  async function runOneMinuteRoutine(reducedMotion: boolean) {
    const { goal, ladder } = await withGoal();
    const page = suite.page;
    const step = ladder.steps[0];
    if (!step) throw new Error("no step");
    const saved = await page.request.put("/api/routines/default", {
      headers: headers(suite.baseUrl),
      data: {
        name: "One calm minute",
        blocks: [
          { kind: "breathing", preset: "resonance", duration: { unit: "minutes", minutes: 1 } },
          { kind: "evidence" },
          { kind: "state_check" },
        ],
      },
    });
    expect(saved.status()).toBe(200);
    if (reducedMotion) await page.emulateMedia({ reducedMotion: "reduce" });
    await page.clock.install();
    await page.goto(`/prepare?goalId=${goal.id}&stepId=${step.id}`);
    const prepare = new PreparePage(page);
    await page.getByRole("heading", { name: "One calm minute" }).waitFor();
    await expectNoAxeViolations(page, "the routine before it begins");
    // From here the fake clock is paused: time (performance.now too) moves only when the test
    // says so.
    const at = await page.evaluate(() => Date.now());
    await page.clock.pauseAt(at + 1_000);
    await page.getByRole("button", { name: "Begin" }).click();

    await prepare.runner().waitFor();
    await expect.poll(() => prepare.live().textContent()).toBe("Paced breathing. Breathe in.");
    if (reducedMotion) {
      // A calm number and text, no animation.
      await page.locator(".pacer-still").getByText("Breathe in").waitFor();
      expect(await page.locator(".pacer-circle").count()).toBe(0);
      expect(await page.locator(".pacer-count").textContent()).toBe("5");
    } else {
      await page.locator(".pacer-circle.pacer-inhale").waitFor();
    }

    await page.clock.runFor(5_000);
    await expect.poll(() => prepare.live().textContent()).toBe("Breathe out.");
    await page.getByText("Breath 1 of 6").waitFor();

    // Paused time does not count: Space (the focus on no control) pauses and resumes.
    await page.locator("body").press(" ");
    await page.getByText("Paused", { exact: false }).first().waitFor();
    const left = await page.locator(".runner-time").textContent();
    await page.clock.runFor(30_000);
    expect(await page.locator(".runner-time").textContent()).toBe(left);
    // axe waits on timers: let time flow while the runner is paused, then pause it again.
    await page.clock.resume();
    await expectNoAxeViolations(page, "the runner, breathing (paused)");
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 100);
    expect(await page.locator(".runner-time").textContent()).toBe(left);
    await expect.poll(() => prepare.live().textContent()).toBe("Paused.");
    await page.getByRole("button", { name: "Resume" }).click();
    await expect.poll(() => prepare.live().textContent()).toBe("Breathe out.");

    await page.clock.runFor(20_000);
    await page.getByText("Breath 3 of 6").waitFor();
    await page.clock.runFor(35_050);
    // The minute is over (5 + 20 + 35 s running; the 30 s paused do not count): the evidence
    // review comes by itself.
    await page.getByRole("heading", { name: "Evidence review" }).waitFor();
    await expect.poll(() => prepare.live().textContent()).toBe("Evidence review.");
    await page.getByRole("button", { name: "Next" }).click();

    await page.getByRole("heading", { name: "State check" }).waitFor();
    await prepare.choose("How anxious do you feel?", 6);
    await page.getByRole("button", { name: "Finish" }).click();
    await page.getByRole("heading", { name: "Routine done" }).waitFor();
    // 60 s of breathing and no time elsewhere: the 30 s paused are not counted.
    await page.getByText("3 of 3 blocks done, in 1:00.").waitFor();
    await page.clock.resume();
    await expectNoAxeViolations(page, "the routine done");

    await page.getByRole("link", { name: "Start the attempt" }).click();
    await page.getByText("Routine done: it will be linked to this attempt.").waitFor();
    // The state check's anxiety is filled in.
    expect(
      await page
        .getByRole("group", { name: "How anxious do you feel right now?" })
        .getByRole("radio", { name: "6", exact: true })
        .isChecked(),
    ).toBe(true);
    await prepare.startWith({ confidence: 70 });
    await prepare.finishWith({ outcome: "Partly", effort: 3, difficulty: 4 });
    await page.waitForURL((url) => /^\/attempts\/[^/]+$/.test(url.pathname));

    // The run is stored and linked to the attempt that followed.
    const runs = await page.evaluate(async () => {
      const r = await fetch("/api/insights");
      return (await r.json()).preparation.routine.withRoutine.count as number;
    });
    expect(runs).toBe(1);
  }

  it("runs a one-minute routine with a fake clock, pauses without drift, links it to the attempt", async () => {
    await runOneMinuteRoutine(false);
  });

  it("runs the same routine with reduced motion: a number pacer, no animation", async () => {
    await runOneMinuteRoutine(true);
  });

  it("fits a 390 px phone: start, runner and finish pages", async () => {
    await suite.openSession({ width: 390, height: 844 });
    const { goal, ladder } = await withGoal();
    const step = ladder.steps[0];
    if (!step) throw new Error("no step");
    const page = suite.page;
    await page.goto(`/goals/${goal.id}/steps/${step.id}/start`);
    await new PreparePage(page).startHeading().waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await page.goto(`/prepare?goalId=${goal.id}&stepId=${step.id}`);
    await page.getByRole("button", { name: "Begin" }).waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await page.goto("/routines");
    await page.getByRole("button", { name: "Save routine" }).waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await expectNoAxeViolations(page, "the routine editor");
    // An exhale of 0 s is refused by the server, naming the block and the field; nothing saved.
    await page.getByLabel("Pattern").selectOption("custom");
    await page.getByLabel("Breathe out (seconds)").fill("0");
    await page.getByRole("button", { name: "Save routine" }).click();
    await page.getByRole("alert").getByText("Block 1, Breathe out: must be at least 1").waitFor();
    expect((await (await page.request.get("/api/routines")).json()).routines).toEqual([]);
    await page.getByLabel("Breathe out (seconds)").fill("8");
    await page.getByRole("button", { name: "Save routine" }).click();
    await page.getByText("Routine saved").waitFor();
    const { routines } = await (await page.request.get("/api/routines")).json();
    expect(routines[0].blocks[0]).toMatchObject({ preset: "custom", inhale: 4, exhale: 8 });
  });
});
