import type { Domain } from "@cando/core";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { GoalPage } from "./pages/goal-page";
import { TodayPage } from "./pages/today-page";
import { apiAs, uniqueEmail } from "./support/api";
import { expectNoAxeViolations } from "./support/axe";
import { chromiumPath, useBrowserSuite } from "./support/browser";
import { OWN_DOING, TALK_STEPS } from "./support/seeds";

/** The page's background as drawn: dark themes have a dark one. */
async function backgroundIsDark(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const rgb = getComputedStyle(document.body).backgroundColor.match(/\d+/g)?.map(Number) ?? [];
    const [r = 255, g = 255, b = 255] = rgb;
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 80;
  });
}

const themeAttribute = (page: Page) =>
  page.evaluate(() => document.documentElement.dataset["theme"] ?? null);

describe.skipIf(!chromiumPath)("themes in a browser", () => {
  const suite = useBrowserSuite();

  async function seeded() {
    const api = apiAs(suite.session.context.request, suite.baseUrl);
    await api.signup(uniqueEmail());
    const domains: Domain[] = await api.domains();
    await api.takeAudit(domains.map((d, i) => ({ domainId: d.id, rating: 30 + 10 * i })));
    const goal = await api.createGoal({
      domainId: domains[0]!.id,
      statement: "I can give a clear 10-minute talk to a room of ten or more",
    });
    const ladder = await api.buildLadder(goal.id, TALK_STEPS);
    for (const [i, outcome] of (["done", "partly", "done", "not_yet"] as const).entries()) {
      const { attempt } = await api.logAttempt({
        stepId: ladder.steps[i % 2]!.id,
        outcome,
        confidenceBefore: 50,
        anxietyBefore: 3 + i,
      });
      if (outcome !== "not_yet") await api.debrief(attempt.id, OWN_DOING, "Kept going");
    }
    return { api, goal };
  }

  it("follows the system, and a choice in the menu wins and is kept in this browser", async () => {
    await seeded();
    const today = new TodayPage(suite.page);
    await suite.page.emulateMedia({ colorScheme: "dark" });
    await today.goto();
    expect(await themeAttribute(suite.page)).toBeNull();
    expect(await backgroundIsDark(suite.page)).toBe(true);

    await suite.page.emulateMedia({ colorScheme: "light" });
    expect(await backgroundIsDark(suite.page)).toBe(false);

    // Choose dark in the menu: the page turns dark at once, whatever the system says.
    await suite.page.getByRole("button", { name: "Menu" }).click();
    const theme = suite.page.getByRole("group", { name: "Theme" });
    expect(await theme.getByRole("radio", { name: "System" }).isChecked()).toBe(true);
    await theme.getByRole("radio", { name: "Dark" }).check();
    expect(await themeAttribute(suite.page)).toBe("dark");
    expect(await backgroundIsDark(suite.page)).toBe(true);

    // Kept across a reload, before the app draws anything (public/theme.js).
    await suite.page.reload();
    expect(await themeAttribute(suite.page)).toBe("dark");
    await today.heading().waitFor();
    expect(await backgroundIsDark(suite.page)).toBe(true);

    // Escape closes the menu and gives the focus back to its button.
    await suite.page.getByRole("button", { name: "Menu" }).click();
    await suite.page.getByRole("radio", { name: "Light" }).check();
    expect(await backgroundIsDark(suite.page)).toBe(false);
    await suite.page.keyboard.press("Escape");
    expect(await suite.page.evaluate(() => document.activeElement?.id)).toBe("app-menu");
    expect(await suite.page.getByRole("group", { name: "Theme" }).count()).toBe(0);

    // Back to the system's choice: the attribute goes, the system's dark applies again.
    await suite.page.emulateMedia({ colorScheme: "dark" });
    await suite.page.getByRole("button", { name: "Menu" }).click();
    await suite.page.getByRole("radio", { name: "System" }).check();
    expect(await themeAttribute(suite.page)).toBeNull();
    expect(await backgroundIsDark(suite.page)).toBe(true);
    expect(await suite.page.evaluate(() => localStorage.getItem("cando-theme"))).toBeNull();
  });

  it("on a phone the theme is under More in the one bottom bar", async () => {
    await suite.openSession({ width: 390, height: 844 });
    const api = apiAs(suite.session.context.request, suite.baseUrl);
    await api.signup(uniqueEmail());
    await new TodayPage(suite.page).goto();
    const nav = suite.page.getByRole("navigation", { name: "Main" });
    const bar = await nav.boundingBox();
    expect(bar !== null && bar.y + bar.height).toBe(844);
    // Four places and More, each a full touch target, in one row.
    const sizes = await nav
      .locator(".nav-list > li:not(.nav-secondary) > a, .nav-menu-button")
      .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
    expect(sizes).toHaveLength(5);
    for (const height of sizes) expect(height).toBeGreaterThanOrEqual(44);
    expect(await nav.getByRole("link", { name: "Audit" }).isVisible()).toBe(false);
    await nav.getByRole("button", { name: "More" }).click();
    await nav.getByRole("link", { name: "Audit" }).waitFor();
    await nav.getByRole("radio", { name: "Dark" }).check();
    expect(await backgroundIsDark(suite.page)).toBe(true);
    await expectNoAxeViolations(suite.page, "today at 390 px, dark, menu open");
  });

  for (const scheme of ["light", "dark"] as const) {
    it(`every main page passes axe in the ${scheme} theme`, { timeout: 180_000 }, async () => {
      const { goal } = await seeded();
      const pages: [string, string][] = [
        ["today", "/"],
        ["the goal", `/goals/${goal.id}`],
        ["goals", "/goals"],
        ["evidence", "/evidence"],
        ["insights", "/insights"],
        ["history", "/history"],
        ["the audit", "/audit"],
        ["domains", "/domains"],
        ["welcome", "/welcome?step=domain"],
      ];
      await suite.page.emulateMedia({ colorScheme: scheme });
      for (const [what, path] of pages) {
        await suite.page.goto(path);
        await suite.page.getByRole("heading", { level: 1 }).waitFor();
        await suite.page.locator(".page [role=status]", { hasText: "Loading" }).waitFor({
          state: "detached",
        });
        if (what === "the goal") await new GoalPage(suite.page).ladder().waitFor();
        // Charts come in lazily; wait for them so their legends are checked too.
        await suite.page.waitForLoadState("networkidle");
        expect(await backgroundIsDark(suite.page), `${what} in ${scheme}`).toBe(scheme === "dark");
        await expectNoAxeViolations(suite.page, `${what}, ${scheme} theme`);
      }
      await suite.page.context().clearCookies();
      await suite.page.goto("/");
      await suite.page.getByRole("heading", { level: 1, name: /Build the belief/ }).waitFor();
      await expectNoAxeViolations(suite.page, `the landing page, ${scheme} theme`);
    });
  }
});
