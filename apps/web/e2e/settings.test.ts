import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Goal } from "@cando/core";
import { afterAll, describe, expect, it } from "vitest";
import { LoginPage } from "./pages/login-page";
import { SettingsPage } from "./pages/settings-page";
import { apiAs, PASSWORD, uniqueEmail } from "./support/api";
import { expectNoAxeViolations } from "./support/axe";
import { chromiumPath, newSession, useBrowserSuite } from "./support/browser";
import { OWN_DOING, TALK_STEPS } from "./support/seeds";

const NEW_PASSWORD = "a brand new long password";

describe.skipIf(!chromiumPath)("settings in a browser", () => {
  const suite = useBrowserSuite();
  const folder = mkdtempSync(join(tmpdir(), "cando-e2e-settings-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  async function signedUp() {
    const email = uniqueEmail();
    const api = apiAs(suite.session.context.request, suite.baseUrl);
    await api.signup(email);
    return { email, api };
  }

  it("downloads my data, and a fresh account imports it with the same goals, ladders, attempts and evidence", async () => {
    const { api } = await signedUp();
    const [domain] = await api.domains();
    const goal = await api.createGoal({
      domainId: domain?.id as string,
      statement: "I can give a clear 10-minute talk to a room of ten or more",
    });
    const ladder = await api.buildLadder(goal.id, TALK_STEPS);
    const first = ladder.steps[0]?.id as string;
    const { attempt } = await api.logAttempt({ stepId: first, outcome: "done" });
    await api.debrief(attempt.id, OWN_DOING, "Kept it short and clear");
    await api.logAttempt({ stepId: first, outcome: "partly" });
    await api.addEvidence({
      domainId: domain?.id as string,
      goalId: goal.id,
      title: "Answered a hard question in the review",
      occurredOn: "2026-11-20",
      ownership: 80,
    });

    let settings = new SettingsPage(suite.page);
    await settings.goto();
    await expectNoAxeViolations(suite.page, "the settings page");
    const download = await settings.downloadMyData();
    expect(download.suggestedFilename()).toMatch(/^cando-export-\d{4}-\d{2}-\d{2}\.json$/);
    const path = join(folder, download.suggestedFilename());
    await download.saveAs(path);
    const file = JSON.parse(readFileSync(path, "utf8"));
    expect([file.goals.length, file.steps.length, file.attempts.length]).toEqual([1, 5, 2]);

    // A new person, in a new browser session, imports the file.
    await suite.openSession();
    const fresh = await signedUp();
    settings = new SettingsPage(suite.page);
    await settings.goto();
    await settings.importFile(path);
    await expect
      .poll(() => settings.status("Your data").textContent())
      .toMatch(/^Added 1 goal, 5 steps, .*2 attempts, 1 debrief and 2 pieces of evidence/);
    const goals = (await fresh.api.get<{ goals: Goal[] }>("/api/goals")).goals;
    expect(goals.map((g) => g.statement)).toEqual([goal.statement]);

    const imported = await fresh.api.get<{
      ladder: { steps: { title: string; attemptCount: number }[] };
    }>(`/api/goals/${goals[0]?.id}`);
    expect(imported.ladder.steps.map((s) => [s.title, s.attemptCount])).toEqual(
      TALK_STEPS.map((s, i) => [s.title, i === 0 ? 2 : 0]),
    );
    await suite.page.goto(`/goals/${goals[0]?.id}`);
    await suite.page.getByRole("heading", { name: goal.statement }).first().waitFor();
    await suite.page
      .getByText(TALK_STEPS[0]?.title as string)
      .first()
      .waitFor();
    await suite.page.goto("/evidence");
    await suite.page.getByText("Answered a hard question in the review").first().waitFor();

    // The same file again adds nothing; a file that is not an export is refused, saying why.
    await settings.goto();
    await settings.importFile(path);
    await expect.poll(() => settings.status("Your data").textContent()).toMatch(/^Nothing new/);
    const bad = join(folder, "not-an-export.json");
    writeFileSync(bad, JSON.stringify({ hello: 1 }));
    await settings.importFile(bad);
    await expect
      .poll(() => suite.page.getByRole("alert").textContent())
      .toContain("not a Cando export");
  });

  it("changing the password logs out the other session", async () => {
    const { email } = await signedUp();
    const other = await newSession(suite.browser, suite.baseUrl);
    try {
      const login = new LoginPage(other.page);
      await login.goto();
      await login.logIn(email, PASSWORD);
      await other.page.getByRole("heading", { level: 1, name: "Today" }).waitFor();

      const settings = new SettingsPage(suite.page);
      await settings.goto();
      await expect.poll(() => settings.sessions().count()).toBe(2);
      expect(await settings.sessions().filter({ hasText: "This browser" }).count()).toBe(1);
      await settings.changePassword(PASSWORD, NEW_PASSWORD);
      await expect
        .poll(() => settings.status("Password").textContent())
        .toBe("Password changed. 1 other session was logged out.");
      await expect.poll(() => settings.sessions().count()).toBe(1);

      await other.page.goto("/goals");
      await new LoginPage(other.page).heading().waitFor();
      expect(other.problems).toEqual([]);
    } finally {
      await other.context.close();
    }
    // The new password works from a fresh browser.
    await suite.openSession();
    const login = new LoginPage(suite.page);
    await login.goto();
    await login.logIn(email, NEW_PASSWORD);
    await suite.page.getByRole("heading", { level: 1, name: "Today" }).waitFor();
  });

  it("deletes the account with the password", async () => {
    const { email } = await signedUp();
    const settings = new SettingsPage(suite.page);
    await settings.goto();
    await settings.deleteAccount("not my password");
    await expect
      .poll(() => settings.section("Delete your account").textContent())
      .toContain("Password is not your password.");
    await settings.deleteAccount(PASSWORD);
    const login = new LoginPage(suite.page);
    await login.heading().waitFor();
    await suite.page.getByText("Your account and everything in it are deleted.").waitFor();
    await login.logIn(email, PASSWORD);
    await expect.poll(() => login.alert().textContent()).toContain("do not match an account");
  });
});
