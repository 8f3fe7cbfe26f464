import type { Page } from "playwright-core";

export class SignupPage {
  constructor(private readonly page: Page) {}

  readonly heading = () =>
    this.page.getByRole("heading", { level: 1, name: "Create your Cando account" });
  readonly email = () => this.page.getByLabel("Email", { exact: true });
  readonly password = () => this.page.getByLabel("Password", { exact: true });

  async goto(): Promise<void> {
    await this.page.goto("/signup");
    await this.heading().waitFor();
  }

  async signUp(email: string, password: string): Promise<void> {
    await this.email().fill(email);
    await this.password().fill(password);
    await this.page.getByRole("button", { name: "Sign up" }).click();
  }

  /** The error text tied to the password field through aria-describedby. */
  async passwordError(): Promise<string> {
    return describedBy(this.page, "#password");
  }
}

/** Reads the texts an input points at with aria-describedby, as assistive technology does. */
export async function describedBy(page: Page, selector: string): Promise<string> {
  return page.locator(selector).evaluate((input) =>
    (input.getAttribute("aria-describedby") ?? "")
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? "")
      .join(" ")
      .trim(),
  );
}
