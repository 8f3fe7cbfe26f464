import type { Page } from "playwright-core";

export class AppHeader {
  constructor(private readonly page: Page) {}

  get nav() {
    return this.page.getByRole("navigation", { name: "Main" });
  }

  link(name: "Today" | "Goals" | "Evidence" | "Audit" | "History" | "Domains") {
    return this.nav.getByRole("link", { name, exact: true });
  }

  async logOut(): Promise<void> {
    await this.page.getByRole("button", { name: "Log out" }).click();
    await this.page.waitForURL(/\/login/);
  }
}
