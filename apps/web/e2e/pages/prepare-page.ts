import type { Page } from "playwright-core";

/** Start an attempt, finish it, the attempts in progress, and the routine runner. */
export class PreparePage {
  constructor(private readonly page: Page) {}

  readonly startHeading = () =>
    this.page.getByRole("heading", { level: 1, name: "Start an attempt" });
  readonly inProgressHeading = () =>
    this.page.getByRole("heading", { level: 1, name: "Attempt in progress" });
  readonly inProgress = () => this.page.getByRole("region", { name: "In progress", exact: true });
  readonly live = () => this.page.getByTestId("runner-live");
  readonly runner = () => this.page.locator(".runner");

  async choose(group: string, value: string | number): Promise<void> {
    await this.page
      .getByRole("group", { name: group, exact: true })
      .getByRole("radio", { name: String(value), exact: true })
      .check();
  }

  async startWith(answers: { confidence?: number; anxiety?: number; sleep?: string }) {
    await this.startHeading().waitFor();
    if (answers.confidence !== undefined)
      await this.choose(
        "How certain are you, right now, that you can do this step?",
        answers.confidence,
      );
    if (answers.anxiety !== undefined)
      await this.choose("How anxious do you feel right now?", answers.anxiety);
    if (answers.sleep !== undefined)
      await this.page.getByLabel("Hours slept last night (optional)").fill(answers.sleep);
    await this.page.getByRole("button", { name: "Start", exact: true }).click();
    await this.inProgressHeading().waitFor();
  }

  async finishWith(answers: { outcome: string; effort: number; difficulty: number }) {
    await this.choose("Outcome", answers.outcome);
    await this.choose("How much effort did it take?", answers.effort);
    await this.choose("How hard did it feel?", answers.difficulty);
    await this.page.getByRole("button", { name: "Finish", exact: true }).click();
  }
}
