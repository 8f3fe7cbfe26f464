import type { Page } from "playwright-core";

export class EvidencePage {
  constructor(private readonly page: Page) {}

  readonly heading = () =>
    this.page.getByRole("heading", { level: 1, name: "Your evidence journal" });
  readonly search = () => this.page.getByRole("searchbox", { name: "Search" });
  readonly goal = () => this.page.getByRole("search").getByLabel("Goal", { exact: true });
  readonly step = () => this.page.getByRole("search").getByLabel("Step", { exact: true });
  readonly count = () => this.page.locator("p.journal-count");
  readonly items = () => this.page.locator("li.evidence-item");
  readonly status = () => this.page.locator(".journal-actions + p.status-line");
  readonly addForm = () => this.page.getByRole("form", { name: "Add an accomplishment" });

  async goto(query = ""): Promise<void> {
    await this.page.goto(`/evidence${query}`);
    await this.heading().waitFor();
    await this.settled();
  }

  /** Waits until the list shows the answer to the current filters. */
  async settled(): Promise<void> {
    await this.page.locator("section.journal[aria-busy=false]").waitFor();
    await this.count().filter({ hasText: /\S/ }).waitFor();
  }

  async titles(): Promise<string[]> {
    return this.items().locator("h3").allTextContents();
  }

  item(title: string) {
    return this.items().filter({
      has: this.page.getByRole("heading", { name: title, exact: true }),
    });
  }

  async searchFor(text: string): Promise<void> {
    await this.search().fill(text);
    await this.page.waitForURL((url) => (url.searchParams.get("q") ?? "") === text.trim());
    await this.settled();
  }

  async filter(which: "domain" | "goal" | "step", label: string): Promise<void> {
    const select =
      which === "domain"
        ? this.page.getByRole("search").getByLabel("Domain", { exact: true })
        : which === "goal"
          ? this.goal()
          : this.step();
    await select.selectOption({ label });
    await this.settled();
  }

  async openAddForm(): Promise<void> {
    await this.page.getByRole("button", { name: "Add an accomplishment" }).click();
    await this.addForm().waitFor();
  }

  async add(data: {
    domain?: string;
    goal?: string;
    title: string;
    body?: string;
    date?: string;
    ownership?: number;
  }): Promise<void> {
    const form = this.addForm();
    if (data.domain) await form.getByLabel("Domain").selectOption({ label: data.domain });
    if (data.goal) await form.getByLabel("Goal (optional)").selectOption({ label: data.goal });
    await form.getByLabel("Title").fill(data.title);
    if (data.body) await form.getByLabel("What happened (optional)").fill(data.body);
    if (data.date) await form.getByLabel("Date").fill(data.date);
    if (data.ownership !== undefined) {
      await form
        .getByRole("group", { name: "How much of it was your own doing?" })
        .getByRole("radio", { name: String(data.ownership), exact: true })
        .check();
    }
    await form.getByRole("button", { name: "Add to my journal" }).click();
  }
}
