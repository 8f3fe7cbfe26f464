import type { Page } from "playwright-core";

export class AuditPage {
  constructor(private readonly page: Page) {}

  readonly heading = () => this.page.getByRole("heading", { level: 1, name: "Take the audit" });

  async goto(): Promise<void> {
    await this.page.goto("/audit");
    await this.heading().waitFor();
    await this.groups().first().waitFor();
  }

  /** Every domain's rating question, one fieldset each. */
  groups() {
    return this.page.getByRole("group", { name: /^How certain are you that you can succeed/ });
  }

  group(domain: string) {
    return this.page.getByRole("group", {
      name: `How certain are you that you can succeed at what matters to you in ${domain}?`,
      exact: true,
    });
  }

  radio(domain: string, rating: number) {
    return this.group(domain).getByRole("radio", { name: String(rating), exact: true });
  }

  async domainNames(): Promise<string[]> {
    return this.groups().locator("legend strong").allTextContents();
  }

  async rate(domain: string, rating: number): Promise<void> {
    await this.radio(domain, rating).check();
  }

  /** Rates with the keyboard only: focus the scale's first point, select it, arrow along. */
  async rateWithKeyboard(domain: string, rating: number): Promise<void> {
    await this.radio(domain, 0).focus();
    await this.page.keyboard.press("Space");
    for (let value = 0; value < rating; value += 10) {
      await this.page.keyboard.press("ArrowRight");
    }
  }

  async fillNote(text: string): Promise<void> {
    await this.page.getByLabel("Note (optional)").fill(text);
  }

  async save(): Promise<void> {
    await this.page.getByRole("button", { name: "Save audit" }).click();
  }
}
