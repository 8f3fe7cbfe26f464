import type { Page } from "playwright-core";

/** `/goals/:goalId`: the goal, and its ladder (or the builder when it has none). */
export class GoalPage {
  constructor(private readonly page: Page) {}

  readonly heading = () => this.page.getByRole("heading", { level: 1 });
  readonly builder = () => this.page.getByRole("region", { name: "Build your ladder" });
  readonly ladder = () => this.page.getByRole("region", { name: "Your ladder" });
  readonly scale = () => this.page.getByRole("region", { name: "Your efficacy scale" });
  readonly attempts = () => this.page.getByRole("region", { name: "Attempts" });
  readonly archived = () => this.page.getByRole("region", { name: "Archived steps" });
  readonly savedCoaching = () => this.page.locator("#goal-saved-coaching");
  readonly status = () => this.ladder().locator("p.status-line[role=status]");

  async goto(goalId: string): Promise<void> {
    await this.page.goto(`/goals/${goalId}`);
    await this.page.locator(".builder, .ladder-section").first().waitFor();
  }

  /** One row of the ladder builder, by its number (1 = the easiest). */
  builderStep(n: number) {
    return this.builder().getByRole("group", { name: new RegExp(`^Step ${n}\\b`) });
  }

  async fillBuilderStep(
    n: number,
    step: { title: string; description?: string; confidence?: number; plannedDate?: string },
  ): Promise<void> {
    const row = this.builderStep(n);
    await row.getByLabel("What will you do?").fill(step.title);
    if (step.description) await row.getByLabel("Details (optional)").fill(step.description);
    if (step.confidence !== undefined) {
      await row
        .getByRole("group", { name: "How certain am I that I can do this now?" })
        .getByRole("radio", { name: String(step.confidence), exact: true })
        .check();
    }
    if (step.plannedDate) await row.getByLabel(/^Planned date/).fill(step.plannedDate);
  }

  async saveLadder(): Promise<void> {
    await this.builder().getByRole("button", { name: "Save ladder" }).click();
    await this.ladder().waitFor();
  }

  /** The ladder's steps as their titles, top (easiest) first. */
  async stepTitles(): Promise<string[]> {
    const titles = await this.ladder().locator("ol.ladder > li .step-title").allTextContents();
    return titles.map((t) => t.replace(/^Step \d+: /, ""));
  }

  step(title: string) {
    return this.ladder()
      .locator("ol.ladder > li")
      .filter({ has: this.page.getByRole("heading", { name: title }) });
  }

  /** A step's fact ("Confidence", "Predicted success", "Attempts", "Planned") as shown. */
  async fact(title: string, name: string): Promise<string> {
    const text = await this.step(title)
      .locator(".step-facts > div")
      .filter({ has: this.page.locator("dt", { hasText: name }) })
      .locator("dd")
      // The number itself, without its "Why?" disclosure.
      .evaluate((dd) => {
        const copy = dd.cloneNode(true) as HTMLElement;
        for (const why of Array.from(copy.querySelectorAll("details"))) why.remove();
        return copy.textContent;
      });
    return (text ?? "").trim();
  }

  /** Opens a "Why …?" disclosure inside `scope` by its label and returns what it says. */
  async why(scope: ReturnType<Page["locator"]>, label: string | RegExp): Promise<string> {
    const summary = scope.locator("summary", { hasText: label }).first();
    await summary.click();
    const body = summary.locator("xpath=..").locator(".why-body");
    await body.waitFor();
    return ((await body.textContent()) ?? "").trim();
  }

  moveButton(title: string, direction: "up" | "down") {
    return this.page.getByRole("button", { name: `Move “${title}” ${direction}`, exact: true });
  }

  /** A step's action from its "More" menu (Edit, Re-rate, Mark mastered, Remove), menu opened. */
  async stepButton(title: string, label: string) {
    const more = this.step(title).getByRole("button", { name: `More for “${title}”` });
    if ((await more.getAttribute("aria-expanded")) !== "true") await more.click();
    return this.step(title).getByRole("button", { name: new RegExp(`^${label}\\b`) });
  }

  /** The efficacy scale as name → value shown. */
  async scaleValues(): Promise<Record<string, string>> {
    const rows = await this.scale()
      .locator("dl > div")
      .evaluateAll((items) =>
        items.map((div) => [
          div.querySelector("dt")?.textContent?.trim() ?? "",
          div.querySelector(".scale-value")?.textContent?.trim() ?? "",
        ]),
      );
    return Object.fromEntries(rows);
  }
}
