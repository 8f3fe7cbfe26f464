import type { Page } from "playwright-core";

export class HistoryPage {
  constructor(private readonly page: Page) {}

  readonly heading = () => this.page.getByRole("heading", { level: 1, name: "Your audit history" });
  readonly confirmation = () => this.page.getByRole("status").filter({ hasText: "saved" });
  readonly table = () => this.page.getByRole("table", { name: /Your ratings in each audit/ });
  readonly chart = () => this.page.getByRole("img", { name: /^Line chart of your ratings/ });

  async goto(): Promise<void> {
    await this.page.goto("/history");
    await this.heading().waitFor();
  }

  /** The table as header → cell text, one record per audit (row). */
  async rows(): Promise<Record<string, string>[]> {
    const table = this.table();
    await table.waitFor();
    return table.evaluate((el) => {
      const headers = Array.from(el.querySelectorAll("thead th")).map(
        (th) => th.textContent?.trim() ?? "",
      );
      return Array.from(el.querySelectorAll("tbody tr")).map((tr) =>
        Object.fromEntries(
          Array.from(tr.children).map((cell, i) => [
            headers[i] ?? String(i),
            cell.textContent?.trim() ?? "",
          ]),
        ),
      );
    });
  }

  /** The notes under the table, as date label → note. */
  async notes(): Promise<Record<string, string>> {
    const list = this.page.getByRole("region", { name: "Every audit" }).locator("dl.notes > div");
    const pairs = await list.evaluateAll((items) =>
      items.map((item) => [
        item.querySelector("dt")?.textContent?.trim() ?? "",
        item.querySelector("dd")?.textContent?.trim() ?? "",
      ]),
    );
    return Object.fromEntries(pairs);
  }

  /** Waits for uPlot (loaded on demand) to draw its canvas inside the chart. */
  async waitForChart(): Promise<void> {
    // Charts are drawn when they come near the screen.
    await this.chart().scrollIntoViewIfNeeded();
    await this.chart().locator("canvas").waitFor();
  }
}
