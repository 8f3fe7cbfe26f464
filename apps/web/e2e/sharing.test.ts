import type { Domain } from "@cando/core";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { apiAs, PASSWORD, uniqueEmail } from "./support/api";
import { expectNoAxeViolations } from "./support/axe";
import { chromiumPath, newSession, useBrowserSuite } from "./support/browser";
import { OWN_DOING, TALK_STEPS } from "./support/seeds";

const GOAL = "I can give a clear 10-minute talk to a room of ten or more";
const DEBRIEF = "Kept to three points";
const PHONE = { width: 390, height: 844 };

const noSidewaysScroll = async (page: Page, what: string) => {
  return expect(
    await page.evaluate(() => document.documentElement.scrollWidth),
    `${what} scrolls sideways`,
  ).toBeLessThanOrEqual(PHONE.width);
};

describe.skipIf(!chromiumPath)("supporters in two browsers", () => {
  const suite = useBrowserSuite();

  it("invites, accepts, grants, shows exactly what is shared, and revoking takes it away at once", async () => {
    // The person, on a phone.
    const ada = await suite.openSession(PHONE);
    const api = apiAs(ada.context.request, suite.baseUrl);
    await api.signup(uniqueEmail());
    const career = (await api.domains()).find((d: Domain) => d.name === "Career");
    if (!career) throw new Error("no Career domain");
    const goal = await api.createGoal({ domainId: career.id, statement: GOAL });
    const ladder = await api.buildLadder(goal.id, TALK_STEPS);
    const step = ladder.steps[0];
    if (!step) throw new Error("no step");
    const { attempt } = await api.logAttempt({ stepId: step.id, outcome: "done", effort: 4 });
    await api.debrief(attempt.id, OWN_DOING, DEBRIEF);

    const page = ada.page;
    await page.goto(`/goals/${goal.id}`);
    const sharing = page.getByRole("region", { name: "Supporters and coaches" });
    await sharing.getByText("Invite someone, or see who sees this goal").click();
    await sharing.getByLabel("Who is it for?").fill("Maya");
    await sharing.getByRole("button", { name: "Make an invitation link" }).click();
    const link = await sharing.getByLabel(/^Invitation link/).inputValue();
    expect(link).toMatch(/\/invite\/[\w-]{40,}$/);
    await sharing.getByText("Maya · supporter · waiting").waitFor();
    await expectNoAxeViolations(page, "the goal page's sharing");
    await noSidewaysScroll(page, "the goal page");

    // Maya, in another browser: opens the link, signs up, and lands on what is shared with her.
    const maya = await newSession(suite.browser, suite.baseUrl, PHONE);
    try {
      const mayaEmail = uniqueEmail();
      const mp = maya.page;
      await mp.goto(link);
      await mp.getByRole("link", { name: "Sign up to accept" }).click();
      await mp.getByLabel("Email", { exact: true }).fill(mayaEmail);
      await mp.getByLabel("Password", { exact: true }).fill(PASSWORD);
      await mp.getByRole("button", { name: "Sign up" }).click();
      await mp.getByRole("heading", { level: 1, name: "Shared with me" }).waitFor();
      await mp.getByRole("link", { name: GOAL }).click();
      await mp.getByRole("heading", { name: "Ladder" }).waitFor();
      await mp
        .getByText(TALK_STEPS[0]?.title ?? "", { exact: true })
        .first()
        .waitFor();
      await mp.getByText("Done", { exact: true }).waitFor();
      // Least privilege: the debrief is not shared yet.
      expect(await mp.getByRole("heading", { name: "Debriefs" }).count()).toBe(0);
      expect(await mp.getByText(DEBRIEF).count()).toBe(0);
      expect(
        await mp
          .getByRole("button")
          .filter({ hasText: /save|edit|log/i })
          .count(),
      ).toBe(0);
      await expectNoAxeViolations(mp, "the shared goal");
      await noSidewaysScroll(mp, "the shared goal");

      // Ada sees that Maya accepted, shares the debriefs, and previews what Maya sees.
      await page.reload();
      await sharing.getByText("Invite someone, or see who sees this goal").click();
      await sharing.getByText(`Maya · supporter · accepted by ${mayaEmail}`).waitFor();
      await sharing.getByRole("checkbox", { name: "Debriefs" }).check();
      await sharing.getByText(`Debriefs now shared with Maya (${mayaEmail}).`).waitFor();
      await sharing.getByRole("link", { name: "See what Maya sees" }).click();
      await page.getByRole("heading", { name: "Debriefs" }).waitFor();
      await page.getByText(DEBRIEF).waitFor();
      expect(await page.getByRole("heading", { name: "Evidence" }).count()).toBe(0);
      await expectNoAxeViolations(page, "See what they see");
      await noSidewaysScroll(page, "See what they see");

      await mp.reload();
      await mp.getByRole("heading", { name: "Debriefs" }).waitFor();
      await mp.getByText(DEBRIEF).waitFor();

      // Ada revokes; Maya's very next request is refused.
      await page.getByRole("link", { name: "Back to your goal" }).click();
      await sharing.getByRole("button", { name: "Revoke Maya" }).click();
      await sharing.getByText(`Maya (${mayaEmail}) no longer sees this goal.`).waitFor();
      await mp.reload();
      await mp.getByText("This goal is not shared with you (or no longer is).").waitFor();
      expect(await mp.getByText(DEBRIEF).count()).toBe(0);
      await mp.getByRole("link", { name: "See what is shared with you" }).click();
      await mp.getByRole("heading", { name: "Nothing is shared with you yet" }).waitFor();
      await expectNoAxeViolations(mp, "an empty Shared with me");
    } finally {
      await maya.context.close();
      expect(maya.problems, "errors in Maya's browser").toEqual([]);
    }
  });

  it("a revoked link no longer works; a logged-in invitee accepts a live one with one click", async () => {
    const ada = suite.session;
    const api = apiAs(ada.context.request, suite.baseUrl);
    await api.signup(uniqueEmail());
    const career = (await api.domains()).find((d: Domain) => d.name === "Career");
    if (!career) throw new Error("no Career domain");
    const goal = await api.createGoal({ domainId: career.id, statement: GOAL });
    await api.buildLadder(goal.id, TALK_STEPS);
    const headers = { Origin: suite.baseUrl, "Content-Type": "application/json" };
    const invite = async (label: string) =>
      (
        await (
          await ada.context.request.post("/api/invitations", {
            headers,
            data: { goalId: goal.id, role: "coach", label },
          })
        ).json()
      ).token as string;
    const revoked = await invite("Old link");
    const live = await invite("Sam");
    const page = ada.page;
    await page.goto(`/goals/${goal.id}`);
    const sharing = page.getByRole("region", { name: "Supporters and coaches" });
    await sharing.getByText("Invite someone, or see who sees this goal").click();
    await sharing.getByRole("button", { name: "Revoke invitation for Old link" }).click();
    await sharing.getByText("The invitation for Old link is revoked.").waitFor();
    await sharing.getByText("Old link · coach · revoked").waitFor();

    const sam = await newSession(suite.browser, suite.baseUrl);
    try {
      await apiAs(sam.context.request, suite.baseUrl).signup(uniqueEmail());
      const sp = sam.page;
      await sp.goto(`/invite/${revoked}`);
      await sp.getByRole("button", { name: "Accept the invitation" }).click();
      await sp.getByText(/This invitation link no longer works/).waitFor();
      await expectNoAxeViolations(sp, "a dead invitation link");
      await sp.goto(`/invite/${live}`);
      await sp.getByRole("button", { name: "Accept the invitation" }).click();
      await sp
        .getByText(
          /^Shared with you by .*, read-only: the goal, ladder, outcomes and next step only\.$/,
        )
        .waitFor();
      await sp.getByRole("heading", { name: "Ladder" }).waitFor();
    } finally {
      await sam.context.close();
      expect(sam.problems, "errors in Sam's browser").toEqual([]);
    }
  });
});
