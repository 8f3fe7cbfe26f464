import type { Page } from "playwright-core";
import { describedBy } from "./signup-page";

/** `/goals`: the goals by status, and the form that sets a new one. */
export class GoalsPage {
  constructor(private readonly page: Page) {}

  readonly heading = () => this.page.getByRole("heading", { level: 1, name: "Your goals" });
  readonly form = () => this.page.getByRole("region", { name: "Set a new goal" });
  readonly domain = () => this.form().getByLabel("Domain", { exact: true });
  readonly statement = () => this.form().getByLabel("Goal", { exact: true });
  readonly outcome = () => this.form().getByLabel("Observable outcome", { exact: true });
  readonly context = () => this.form().getByLabel("Context (optional)", { exact: true });
  /** The live coaching notes under the form's fields. */
  readonly coaching = () => this.page.locator("#goal-coaching");

  async goto(): Promise<void> {
    await this.page.goto("/goals");
    await this.heading().waitFor();
    await this.form().waitFor();
  }

  /** The statements listed under one status heading ("Active", "Paused", …). */
  async statements(status: string): Promise<string[]> {
    return this.page
      .getByRole("region", { name: new RegExp(`^${status} \\(\\d+\\)$`) })
      .locator(".goal-link")
      .allTextContents();
  }

  /** The gentle note under the domain select, as the select announces it. */
  async domainNote(): Promise<string> {
    return describedBy(this.page, "#goal-domainId");
  }

  async save(): Promise<void> {
    await this.form().getByRole("button", { name: "Set goal" }).click();
  }
}
