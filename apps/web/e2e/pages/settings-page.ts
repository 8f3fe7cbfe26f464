import type { Download, Page } from "playwright-core";

export class SettingsPage {
  constructor(private readonly page: Page) {}

  readonly heading = () => this.page.getByRole("heading", { level: 1, name: "Settings" });
  section(name: string) {
    return this.page.getByRole("region", { name });
  }
  status(section: string) {
    return this.section(section).locator("p.status-line[role=status]");
  }

  async goto(): Promise<void> {
    await this.page.goto("/settings");
    await this.heading().waitFor();
    await this.section("Your data").waitFor();
  }

  async downloadMyData(): Promise<Download> {
    const download = this.page.waitForEvent("download");
    await this.section("Your data").getByRole("link", { name: "Download my data" }).click();
    return download;
  }

  async importFile(path: string): Promise<void> {
    const data = this.section("Your data");
    await data.getByLabel("Cando export file (.json)").setInputFiles(path);
    await data.getByRole("button", { name: "Import" }).click();
  }

  sessions() {
    return this.section("Sessions").getByRole("listitem");
  }

  async changePassword(current: string, next: string): Promise<void> {
    const form = this.section("Password");
    await form.getByLabel("Current password", { exact: true }).fill(current);
    await form.getByLabel("New password", { exact: true }).fill(next);
    await form.getByRole("button", { name: "Change password" }).click();
  }

  async deleteAccount(password: string): Promise<void> {
    const form = this.section("Delete your account");
    await form.getByLabel("Password", { exact: true }).fill(password);
    await form.getByRole("button", { name: "Delete my account and all my data" }).click();
  }
}
