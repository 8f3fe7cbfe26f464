import type { Page } from "playwright-core";

export class DoubtPage {
  constructor(private readonly page: Page) {}

  readonly heading = () =>
    this.page.getByRole("heading", { level: 1, name: "I'm doubting myself" });
  readonly calibration = () =>
    this.page.getByRole("region", { name: "Your confidence and your results" });
  readonly cards = () => this.page.locator("li.doubt-card");
  readonly empty = () => this.page.getByRole("region", { name: "Your evidence starts here" });

  async goto(query = ""): Promise<void> {
    await this.page.goto(`/doubt${query}`);
    await this.ready();
  }

  /** Waits for the answer: evidence cards or the empty state. */
  async ready(): Promise<void> {
    await this.heading().waitFor();
    await this.page.locator("li.doubt-card, section.empty-doubt").first().waitFor();
  }

  async titles(): Promise<string[]> {
    return this.cards().locator("h3").allTextContents();
  }
}
