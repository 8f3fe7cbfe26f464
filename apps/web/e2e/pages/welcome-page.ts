import type { Page } from "playwright-core";

/** `/welcome`: the first-run path, one step per screen. */
export class WelcomePage {
  constructor(private readonly page: Page) {}

  readonly heading = () => this.page.getByRole("heading", { level: 1, name: "Getting started" });
  readonly step = () => this.page.getByRole("region", { name: this.stepName });
  readonly progress = () => this.page.locator(".progress-text");
  readonly skip = () => this.page.getByRole("button", { name: "Skip this step" });

  private stepName = /.*/;

  async goto(): Promise<void> {
    await this.page.goto("/welcome");
    await this.heading().waitFor();
  }

  /** Waits for a step by its progress line ("Step 2 of 6: Rate your areas of life"). */
  async at(progress: string): Promise<void> {
    await this.page.locator(".progress-text", { hasText: progress }).waitFor();
  }

  button(name: string) {
    return this.page.getByRole("button", { name, exact: true });
  }
}
