import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { apiAs, uniqueEmail } from "./support/api";
import { expectNoAxeViolations } from "./support/axe";
import { chromiumPath, useBrowserSuite } from "./support/browser";

describe.skipIf(!chromiumPath)("calendar feed in a browser", () => {
  const suite = useBrowserSuite();

  it("makes a private calendar address, which a calendar app can read without a session, and turns it off", async () => {
    const api = apiAs(suite.session.context.request, suite.baseUrl);
    await api.signup(uniqueEmail());
    const page = suite.page;
    await page.goto("/rhythm");
    const zone = page.getByLabel("My time zone");
    await zone.selectOption("Asia/Tokyo");
    await page.getByText("Time zone set to Asia/Tokyo.").waitFor();
    await page.getByLabel("Reflection time").fill("20:45");
    await page.getByRole("button", { name: "Save reminder times" }).click();
    await page.getByText("Saved: practice at 18:00, reflection at 20:45.").waitFor();
    await page.getByRole("button", { name: "Make my calendar address" }).click();
    const field = page.getByLabel("Your private calendar address");
    await field.waitFor();
    const url = await field.inputValue();
    expect(url).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{43}$/);
    await expectNoAxeViolations(page, "reminders and calendar");

    // A calendar app: a plain HTTP client with no cookie.
    const res = await fetch(url);
    expect(res.status).toBe(200);
    const calendar = new ICAL.Component(ICAL.parse(await res.text()));
    const summaries = calendar
      .getAllSubcomponents("vevent")
      .map((e) => String(e.getFirstPropertyValue("summary")));
    expect(summaries).toEqual(
      expect.arrayContaining(["Weekly reflection", "Monthly audit and ladder re-rating"]),
    );
    const reflection = calendar
      .getAllSubcomponents("vevent")
      .find((e) => e.getFirstPropertyValue("summary") === "Weekly reflection");
    expect(reflection?.getFirstProperty("dtstart")?.getParameter("tzid")).toBe("Asia/Tokyo");
    // The chosen time, local to the zone the file describes in its own VTIMEZONE.
    expect(String(reflection?.getFirstPropertyValue("dtstart"))).toMatch(/T20:45:00$/);
    expect(
      calendar.getAllSubcomponents("vtimezone").map((z) => z.getFirstPropertyValue("tzid")),
    ).toEqual(["Asia/Tokyo"]);

    await page.getByRole("button", { name: "Turn the feed off" }).click();
    await page.getByText("The calendar feed is off. Its address no longer works.").waitFor();
    expect((await fetch(url)).status).toBe(404);
  });

  it("fits a 390 px wide phone without scrolling sideways", async () => {
    await suite.openSession({ width: 390, height: 844 });
    const api = apiAs(suite.session.context.request, suite.baseUrl);
    await api.signup(uniqueEmail());
    await suite.page.goto("/rhythm");
    await suite.page.getByRole("button", { name: "Make my calendar address" }).click();
    await suite.page.getByLabel("Your private calendar address").waitFor();
    const width = await suite.page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
  });
});
