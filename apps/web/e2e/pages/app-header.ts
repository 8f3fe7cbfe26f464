import type { Page } from "playwright-core";

export class AppHeader {
  constructor(private readonly page: Page) {}

  get nav() {
    return this.page.getByRole("navigation", { name: "Main" });
  }

  link(name: "Today" | "Goals" | "Evidence" | "Audit" | "History") {
    return this.nav.getByRole("link", { name, exact: true });
  }

  /**
   * Opens the menu (Domains, Role models, Shared with me, Clients, Settings, theme, log out; on a
   * phone also Audit and History).
   */
  async openMenu(): Promise<void> {
    const button = this.page.locator("#app-menu");
    if ((await button.getAttribute("aria-expanded")) !== "true") await button.click();
  }

  async logOut(): Promise<void> {
    await this.openMenu();
    await this.page.getByRole("button", { name: "Log out" }).click();
    await this.page.waitForURL(/\/login/);
  }
}
