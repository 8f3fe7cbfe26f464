import type { Page } from "playwright-core";

export class HomePage {
  constructor(private readonly page: Page) {}

  readonly heading = () => this.page.getByRole("heading", { level: 1, name: "Welcome to Cando" });
  readonly dueNotice = () => this.page.getByRole("region", { name: /^(Audit due|Monthly audit)$/ });
  readonly takeAudit = () => this.page.getByRole("link", { name: /^Take (your first|the) audit/ });

  readonly latest = () => this.page.getByRole("region", { name: "Your latest ratings" });

  /** Each latest rating as name → [number shown, bar width as drawn (percent of its track)]. */
  async latestRatings(): Promise<Record<string, [string, number]>> {
    await this.latest().waitFor();
    const entries = await this.latest()
      .getByRole("listitem")
      .evaluateAll((items) =>
        items.map((li) => {
          const track = li.querySelector(".bar-track")?.getBoundingClientRect().width ?? 1;
          const fill = li.querySelector(".bar-fill")?.getBoundingClientRect().width ?? 0;
          return [
            li.querySelector(".bar-label")?.textContent ?? "",
            [li.querySelector(".bar-value")?.textContent ?? "", Math.round((fill / track) * 100)],
          ];
        }),
      );
    return Object.fromEntries(entries);
  }

  async goto(): Promise<void> {
    await this.page.goto("/");
    await this.heading().waitFor();
  }
}
