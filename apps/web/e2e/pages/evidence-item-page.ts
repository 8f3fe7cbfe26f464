import type { Page } from "playwright-core";

export type WeightLabel =
  | "My effort"
  | "My skill"
  | "My strategy or preparation"
  | "Luck"
  | "Help from others"
  | "Timing or circumstances";

export class EvidenceItemPage {
  constructor(private readonly page: Page) {}

  readonly heading = () => this.page.getByRole("heading", { level: 1 });
  readonly exercise = () => this.page.getByRole("region", { name: "What produced this?" });
  readonly share = () => this.exercise().locator(".share-line");
  readonly card = () => this.page.getByRole("region", { name: "What happened" });

  async goto(evidenceId: string): Promise<void> {
    await this.page.goto(`/evidence/${evidenceId}`);
    await this.exercise().waitFor();
  }

  async weigh(weights: Partial<Record<WeightLabel, number>>): Promise<void> {
    for (const [label, value] of Object.entries(weights)) {
      await this.exercise().getByLabel(label, { exact: true }).fill(String(value));
    }
  }

  async writeShows(text: string): Promise<void> {
    await this.exercise().getByLabel("What does this show about me?").fill(text);
  }

  async saveExercise(): Promise<void> {
    await this.exercise().getByRole("button", { name: "Save the exercise" }).click();
  }

  async edit(changes: { title?: string; body?: string }): Promise<void> {
    await this.card().getByRole("button", { name: "Edit" }).click();
    const form = this.page.getByRole("form", { name: "Edit this evidence" });
    if (changes.title !== undefined) await form.getByLabel("Title").fill(changes.title);
    if (changes.body !== undefined)
      await form.getByLabel("What happened (optional)").fill(changes.body);
    await form.getByRole("button", { name: "Save changes" }).click();
    await this.card().getByRole("status").filter({ hasText: "Your changes are saved." }).waitFor();
  }
}
