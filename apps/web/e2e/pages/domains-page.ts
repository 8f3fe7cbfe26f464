import type { Page } from "playwright-core";

export class DomainsPage {
  constructor(private readonly page: Page) {}

  readonly heading = () => this.page.getByRole("heading", { level: 1, name: "Your domains" });
  readonly status = () => this.page.locator("p.status-line[role=status]");

  async goto(): Promise<void> {
    await this.page.goto("/domains");
    await this.heading().waitFor();
    await this.activeList().first().waitFor();
  }

  activeList() {
    return this.page.getByRole("region", { name: "In your audit" }).getByRole("listitem");
  }

  archivedList() {
    return this.page.getByRole("region", { name: "Archived" }).getByRole("listitem");
  }

  async add(name: string): Promise<void> {
    const section = this.page.getByRole("region", { name: "Add your own domain" });
    await section.getByLabel("Name", { exact: true }).fill(name);
    await section.getByRole("button", { name: "Add domain" }).click();
    await this.status()
      .filter({ hasText: `${name} is added` })
      .waitFor();
  }

  async rename(from: string, to: string): Promise<void> {
    await this.page.getByRole("button", { name: `Rename ${from}`, exact: true }).click();
    await this.page.getByLabel(`New name for ${from}`).fill(to);
    await this.page.getByRole("button", { name: "Save", exact: true }).click();
    await this.status()
      .filter({ hasText: `renamed to ${to}` })
      .waitFor();
  }

  async archive(name: string): Promise<void> {
    await this.page.getByRole("button", { name: `Archive ${name}`, exact: true }).click();
    await this.status()
      .filter({ hasText: `${name} is archived` })
      .waitFor();
  }

  async restore(name: string): Promise<void> {
    await this.page.getByRole("button", { name: `Restore ${name}`, exact: true }).click();
    await this.status()
      .filter({ hasText: `${name} is restored` })
      .waitFor();
  }

  async names(list: "active" | "archived"): Promise<string[]> {
    const items = list === "active" ? this.activeList() : this.archivedList();
    return items
      .locator(".domain-name")
      .evaluateAll((els) => els.map((el) => el.firstChild?.textContent?.trim() ?? ""));
  }
}
