import type { Page } from "playwright-core";

/** Practice on Today ("Practice today") and on the goal page (the "Practice" section). */
export class PracticeParts {
  constructor(private readonly page: Page) {}

  readonly today = () => this.page.getByRole("region", { name: "Practice today" });
  /** Today's card of one goal, by its statement. */
  todayItem(statement: string) {
    return this.today()
      .getByRole("listitem")
      .filter({ has: this.page.getByRole("heading", { name: statement }) });
  }
  quickAdd(statement: string, minutes: number) {
    return this.todayItem(statement).getByRole("button", { name: `+${minutes} min of practice` });
  }

  readonly section = () => this.page.getByRole("region", { name: "Practice", exact: true });
  readonly logForm = () => this.section().getByRole("form", { name: "Log practice" });
  readonly heatMap = () => this.section().getByRole("img", { name: /^Heat map of practice/ });
  readonly monthTable = () => this.section().getByRole("table", { name: "Practice by month" });

  /** Minutes per month as the table shows them. */
  async monthMinutes(): Promise<number[]> {
    return this.monthTable()
      .locator("tbody tr td:nth-child(3)")
      .evaluateAll((cells) => cells.map((c) => Number(c.textContent)));
  }
}
