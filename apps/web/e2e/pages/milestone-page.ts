import type { Page } from "playwright-core";

/** `/milestones/:milestoneId`: the celebration view. */
export class MilestonePage {
  constructor(private readonly page: Page) {}

  readonly heading = () => this.page.getByRole("heading", { level: 1 });
  readonly celebration = () => this.page.locator("section.celebration");
  readonly evidence = () => this.page.getByRole("region", { name: "The evidence behind it" });
  readonly earlier = () => this.page.getByRole("region", { name: "Earlier milestones" });

  async ready(): Promise<void> {
    await this.evidence().waitFor();
  }

  async goto(milestoneId: string): Promise<void> {
    await this.page.goto(`/milestones/${milestoneId}`);
    await this.ready();
  }
}
