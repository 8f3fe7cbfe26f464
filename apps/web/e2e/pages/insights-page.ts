import type { Page } from "playwright-core";

export class InsightsPage {
  constructor(private readonly page: Page) {}

  readonly heading = () => this.page.getByRole("heading", { level: 1, name: "Your insights" });
  readonly goalFilter = () => this.page.getByLabel("Goal", { exact: true });
  readonly empty = () => this.page.getByRole("region", { name: "Nothing to learn from yet" });
  readonly calibration = () => this.page.getByRole("region", { name: "Belief calibration" });
  readonly anxiety = () => this.page.getByRole("region", { name: "Anxiety and outcome" });
  readonly attribution = () =>
    this.page.getByRole("region", { name: "How you explain what happened" });
  readonly audit = () => this.page.getByRole("region", { name: "Your audits" });
  readonly calibrationTable = () =>
    this.page.getByRole("table", { name: "Stated confidence against actual success" });
  readonly trendTable = () =>
    this.page.getByRole("table", { name: /^Stated confidence against success per month/ });
  readonly anxietyTable = () =>
    this.page.getByRole("table", { name: /Success by anxiety before the attempt/ });
  readonly attributionTable = () =>
    this.page.getByRole("table", { name: "Your explanations per month" });
  readonly auditTable = () => this.page.getByRole("table", { name: /Latest rating per domain/ });
  readonly trendChart = () =>
    this.page.getByRole("img", { name: /^Line chart of the gap between stated confidence/ });

  async goto(goalId?: string): Promise<void> {
    await this.page.goto(
      goalId === undefined ? "/insights" : `/insights?goalId=${encodeURIComponent(goalId)}`,
    );
    await this.heading().waitFor();
  }

  /** Waits until the insights (or the empty state) have loaded. */
  async ready(): Promise<void> {
    await this.page.locator("#calibration-heading, #empty-heading").first().waitFor();
  }

  /** A table as header → cell text, one record per body row. */
  rows(table: ReturnType<InsightsPage["calibrationTable"]>): Promise<Record<string, string>[]> {
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

  /** A table whose rows are measures: row header → its cells' text. */
  byRowHeader(
    table: ReturnType<InsightsPage["calibrationTable"]>,
  ): Promise<Record<string, string[]>> {
    return table.evaluate((el) =>
      Object.fromEntries(
        Array.from(el.querySelectorAll("tbody tr")).map((tr) => [
          tr.querySelector("th")?.textContent?.trim() ?? "",
          Array.from(tr.querySelectorAll("td")).map((td) => td.textContent?.trim() ?? ""),
        ]),
      ),
    );
  }
}
