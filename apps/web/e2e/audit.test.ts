import { describe, expect, it } from "vitest";
import { AppHeader } from "./pages/app-header";
import { AuditPage } from "./pages/audit-page";
import { DomainsPage } from "./pages/domains-page";
import { HistoryPage } from "./pages/history-page";
import { LoginPage } from "./pages/login-page";
import { SignupPage } from "./pages/signup-page";
import { TodayPage } from "./pages/today-page";
import { apiAs, PASSWORD, uniqueEmail } from "./support/api";
import { expectNoAxeViolations } from "./support/axe";
import { chromiumPath, useBrowserSuite } from "./support/browser";

const DEFAULTS = ["Career", "Health", "Relationships", "Learning new skills", "Finances"];

describe.skipIf(!chromiumPath)("the foundation slice in a browser", () => {
  const suite = useBrowserSuite();

  /** Signs a new person up through the API (cookies land in this test's context). */
  async function signedUp(): Promise<{ email: string; api: ReturnType<typeof apiAs> }> {
    const email = uniqueEmail();
    const api = apiAs(suite.session.context.request, suite.baseUrl);
    await api.signup(email);
    return { email, api };
  }

  it("a person signs up, takes the first audit and sees it in the history", async () => {
    const signup = new SignupPage(suite.page);
    await signup.goto();
    await signup.signUp(uniqueEmail(), PASSWORD);

    // Someone new lands on the first-run path (e2e/welcome.test.ts); Today is one link away.
    await suite.page.waitForURL(/\/welcome$/);
    await suite.page.getByRole("link", { name: "Leave setup and go to Today" }).click();
    const home = new TodayPage(suite.page);
    await home.heading().waitFor();
    expect(suite.page.url()).toBe(`${suite.baseUrl}/`);
    await expect
      .poll(() => home.dueNotice().textContent())
      .toContain("Your first audit: rate how certain you are in each area of life");
    await home.takeAudit().click();

    const audit = new AuditPage(suite.page);
    await audit.heading().waitFor();
    await audit.groups().first().waitFor();
    expect(await audit.domainNames()).toEqual(DEFAULTS);

    // Saving with a domain unrated is stopped in the browser, next to the domain.
    await audit.rate("Career", 70);
    await audit.save();
    await expect
      .poll(() => suite.page.getByRole("alert").textContent())
      .toContain("Rate every domain");
    expect(await audit.group("Health").textContent()).toContain("Choose a rating for Health.");

    const entered: Record<string, number> = {
      Career: 70,
      Health: 40,
      Relationships: 80,
      "Learning new skills": 60,
      Finances: 30,
    };
    await audit.rateWithKeyboard("Health", 40);
    expect(await audit.radio("Health", 40).isChecked()).toBe(true);
    await audit.rate("Relationships", 80);
    await audit.rate("Learning new skills", 60);
    await audit.rate("Finances", 30);
    await audit.fillNote("Baseline, after a good week.");
    await audit.save();

    const history = new HistoryPage(suite.page);
    await history.heading().waitFor();
    expect(new URL(suite.page.url()).pathname).toBe("/history");
    await history.confirmation().waitFor();
    const rows = await history.rows();
    expect(rows).toHaveLength(1);
    for (const [domain, rating] of Object.entries(entered)) {
      expect(rows[0]?.[domain], domain).toBe(String(rating));
    }
    expect(Object.values(await history.notes())).toEqual(["Baseline, after a good week."]);
    await history.waitForChart();
    expect(await history.chart().getAttribute("aria-label")).toContain(
      "Latest: Career 70, Health 40, Relationships 80, Learning new skills 60, Finances 30.",
    );

    // Today now knows the audit is done and shows the ratings.
    await new AppHeader(suite.page).link("Today").click();
    await home.heading().waitFor();
    await expect.poll(() => home.dueNotice().textContent()).toMatch(/Next audit due/);
    const latest = await home.latestRatings();
    for (const [domain, rating] of Object.entries(entered)) {
      expect(latest[domain], domain).toEqual([String(rating), rating]);
    }
  });

  it("an own domain joins the next audit; an archived one leaves it and keeps its history", async () => {
    const { api } = await signedUp();
    const domains = await api.domains();
    await api.takeAudit(domains.map((d, i) => ({ domainId: d.id, rating: i * 10 })));

    const manage = new DomainsPage(suite.page);
    await manage.goto();
    expect(await manage.names("active")).toEqual(DEFAULTS);
    await manage.add("Public speaking");
    await manage.rename("Public speaking", "Speaking to a room");
    await manage.archive("Finances");
    expect(await manage.names("active")).toEqual([...DEFAULTS.slice(0, 4), "Speaking to a room"]);
    expect(await manage.names("archived")).toEqual(["Finances"]);

    const audit = new AuditPage(suite.page);
    await new AppHeader(suite.page).link("Audit").click();
    await audit.heading().waitFor();
    await audit.groups().first().waitFor();
    expect(await audit.domainNames()).toEqual([...DEFAULTS.slice(0, 4), "Speaking to a room"]);
    for (const name of await audit.domainNames()) await audit.rate(name, 50);
    await audit.save();

    const history = new HistoryPage(suite.page);
    await history.confirmation().waitFor();
    const rows = await history.rows();
    expect(rows).toHaveLength(2);
    expect(rows[1]?.["Speaking to a room"]).toBe("50");
    expect(rows[0]?.["Finances (archived)"]).toBe("40");
    expect(rows[1]?.["Finances (archived)"]).toBe("not rated");

    await manage.goto();
    await manage.restore("Finances");
    expect(await manage.names("archived")).toEqual([]);
  });

  it("logging out protects the pages; logging in again brings the history back", async () => {
    const { email, api } = await signedUp();
    const domains = await api.domains();
    await api.takeAudit(domains.map((d) => ({ domainId: d.id, rating: 60 })));

    const history = new HistoryPage(suite.page);
    await history.goto();
    expect(await history.rows()).toHaveLength(1);

    await new AppHeader(suite.page).logOut();
    await suite.page.goto("/history");
    const login = new LoginPage(suite.page);
    await login.heading().waitFor();
    expect(new URL(suite.page.url()).pathname).toBe("/login");
    expect(new URL(suite.page.url()).searchParams.get("next")).toBe("/history");

    // Logging in returns to the page the person asked for.
    await login.logIn(email, PASSWORD);
    await history.heading().waitFor();
    expect(new URL(suite.page.url()).pathname).toBe("/history");
    const rows = await history.rows();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.["Career"]).toBe("60");
  });

  it("a wrong password shows the invalid-credentials error", async () => {
    const { email } = await signedUp();
    await suite.session.context.clearCookies();

    const login = new LoginPage(suite.page);
    await login.goto();
    await login.logIn(email, "not-my-password-at-all");
    await expect
      .poll(() => login.alert().textContent())
      .toContain("That email and password do not match an account.");
    expect(new URL(suite.page.url()).pathname).toBe("/login");
  });

  it("sign-up with a short password shows the field error next to the field", async () => {
    const signup = new SignupPage(suite.page);
    await signup.goto();
    await signup.signUp(uniqueEmail(), "short");
    await expect
      .poll(() => signup.passwordError())
      .toContain("Password must be at least 10 characters.");
    expect(await signup.password().getAttribute("aria-invalid")).toBe("true");
    await expect.poll(() => suite.page.evaluate(() => document.activeElement?.id)).toBe("password");
    expect(new URL(suite.page.url()).pathname).toBe("/signup");
  });

  it("every page passes axe", async () => {
    await new SignupPage(suite.page).goto();
    await expectNoAxeViolations(suite.page, "sign up");
    await new LoginPage(suite.page).goto();
    await expectNoAxeViolations(suite.page, "log in");

    // Error states are part of the pages too.
    await new LoginPage(suite.page).logIn(uniqueEmail(), "not-a-real-password");
    await new LoginPage(suite.page).alert().waitFor();
    await expectNoAxeViolations(suite.page, "log in, with the error");

    const { api } = await signedUp();
    const home = new TodayPage(suite.page);
    await home.goto();
    await home.dueNotice().waitFor();
    await expectNoAxeViolations(suite.page, "today, first audit due");

    const audit = new AuditPage(suite.page);
    await audit.goto();
    await audit.rate("Career", 50);
    await audit.save();
    await suite.page.getByRole("alert").waitFor();
    await expectNoAxeViolations(suite.page, "the audit, with unrated domains");

    const history = new HistoryPage(suite.page);
    await history.goto();
    await suite.page.getByRole("link", { name: "Take your first audit" }).waitFor();
    await expectNoAxeViolations(suite.page, "history, empty");

    const domains = await api.domains();
    for (const rating of [30, 50, 70]) {
      await api.takeAudit(
        domains.map((d) => ({ domainId: d.id, rating })),
        "steady",
      );
    }
    await history.goto();
    await history.waitForChart();
    await expectNoAxeViolations(suite.page, "history, with audits");
    await home.goto();
    await suite.page.getByRole("region", { name: "Your latest ratings" }).waitFor();
    await expectNoAxeViolations(suite.page, "today, with latest ratings");

    const manage = new DomainsPage(suite.page);
    await manage.goto();
    await manage.archive("Finances");
    await expectNoAxeViolations(suite.page, "domains");
  });

  it("the pages fit a 390 px wide phone without scrolling sideways", async () => {
    await suite.session.context.close();
    await suite.openSession({ width: 390, height: 844 });
    const { api } = await signedUp();
    const domains = await api.domains();
    await api.takeAudit(
      domains.map((d) => ({ domainId: d.id, rating: 100 })),
      "a long note",
    );

    const scrollWidth = () => suite.page.evaluate(() => document.documentElement.scrollWidth);
    const audit = new AuditPage(suite.page);
    await audit.goto();
    expect(await scrollWidth()).toBeLessThanOrEqual(390);

    for (const path of ["/", "/history", "/domains"]) {
      await suite.page.goto(path);
      await suite.page.getByRole("heading", { level: 1 }).waitFor();
      await suite.page.locator("[role=status]:has-text('Loading')").waitFor({ state: "detached" });
      expect(await scrollWidth(), path).toBeLessThanOrEqual(390);
    }
  });
});
