import type { Page } from "playwright-core";

/** `/reflections/week` (write the weekly reflection) and `/reflections` (past ones). */
export class ReflectionPages {
  constructor(private readonly page: Page) {}

  readonly dueNow = () => this.page.getByRole("region", { name: "Due now" });
  readonly facts = () => this.page.getByRole("region", { name: /^Your week:/ });
  readonly form = () => this.page.getByRole("form", { name: "Reflect" });
  readonly keep = () => this.page.getByRole("region", { name: "Keep what this week shows" });
  readonly past = () => this.page.getByRole("region", { name: /reflections/i });

  answer(question: string) {
    return this.form().getByLabel(question);
  }
}
