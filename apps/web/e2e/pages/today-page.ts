import type { Page } from "playwright-core";

/** Today (`/`): next steps, goals waiting for a ladder, milestones, and the audit notice Home had. */
export class TodayPage {
  constructor(private readonly page: Page) {}

  readonly heading = () => this.page.getByRole("heading", { level: 1, name: "Today" });
  readonly dueNotice = () => this.page.getByRole("region", { name: /^(Audit due|Monthly audit)$/ });
  readonly takeAudit = () => this.page.getByRole("link", { name: /^Take (your first|the) audit/ });
  readonly latest = () => this.page.getByRole("region", { name: "Your latest ratings" });
  readonly firstRun = () => this.page.getByRole("region", { name: "Start with one goal" });
  readonly nextSteps = () => this.page.getByRole("region", { name: "Your next steps" });
  readonly waitingForLadder = () =>
    this.page.getByRole("region", { name: "Goals waiting for a ladder" });
  readonly toCelebrate = () => this.page.getByRole("region", { name: "To celebrate" });

  /** The next-step card of one goal, found by its statement. */
  item(statement: string) {
    return this.nextSteps()
      .getByRole("listitem")
      .filter({ has: this.page.getByRole("heading", { name: statement }) });
  }

  startAttempt(statement: string) {
    return this.item(statement).getByRole("link", { name: /^Start an attempt/ });
  }

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

  /** Opens Today and waits until it has loaded (the audit notice is always there). */
  async goto(): Promise<void> {
    await this.page.goto("/");
    await this.heading().waitFor();
    await this.dueNotice().waitFor();
  }
}
