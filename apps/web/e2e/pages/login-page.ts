import type { Page } from "playwright-core";

export class LoginPage {
  constructor(private readonly page: Page) {}

  readonly heading = () => this.page.getByRole("heading", { level: 1, name: "Log in" });
  readonly alert = () => this.page.getByRole("alert");

  async goto(): Promise<void> {
    await this.page.goto("/login");
    await this.heading().waitFor();
  }

  async logIn(email: string, password: string): Promise<void> {
    await this.page.getByLabel("Email", { exact: true }).fill(email);
    await this.page.getByLabel("Password", { exact: true }).fill(password);
    await this.page.getByRole("button", { name: "Log in" }).click();
  }
}
