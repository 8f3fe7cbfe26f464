import type { Page } from "playwright-core";
import { chooseWithKeyboard, tabTo } from "./keyboard";

export type Contributions = Partial<
  Record<"effort" | "strategy" | "ability" | "luck" | "help" | "easy", number>
>;

const CAUSE_LABELS = {
  effort: "My effort",
  strategy: "My strategy or preparation",
  ability: "My ability",
  luck: "Luck",
  help: "Help from others",
  easy: "The task was easy",
} as const;

export class AttemptPage {
  constructor(private readonly page: Page) {}

  readonly heading = () =>
    this.page.getByRole("heading", { level: 1, name: "Debrief your attempt" });
  readonly summary = () => this.page.locator("section.card").first();
  readonly saveButton = () =>
    this.page.getByRole("button", { name: /^(Save debrief|Save changes)$/ }).first();
  readonly status = () => this.page.locator(".debrief-result p.status-line[role=status]");
  readonly invitation = () => this.page.locator("section.invitation");
  readonly nextStep = () => this.page.getByRole("region", { name: "What next" });
  readonly evidenceNotice = () => this.page.locator(".debrief-result .notice-success");

  async goto(attemptId: string, query = ""): Promise<void> {
    await this.page.goto(`/attempts/${attemptId}${query}`);
    await this.ready();
  }

  async ready(): Promise<void> {
    await this.heading().waitFor();
    await this.saveButton().waitFor();
  }

  cause(cause: keyof typeof CAUSE_LABELS) {
    return this.page.getByRole("group", { name: CAUSE_LABELS[cause], exact: true });
  }

  async debrief(answers: {
    didWell?: string;
    capability?: string;
    differently?: string;
    rate: Contributions;
  }) {
    if (answers.didWell) await this.page.getByLabel("What did I do well?").fill(answers.didWell);
    if (answers.capability) {
      await this.page
        .getByLabel("What does this tell me about my capability?")
        .fill(answers.capability);
    }
    if (answers.differently) {
      await this.page.getByLabel("What would I do differently?").fill(answers.differently);
    }
    for (const [cause, value] of Object.entries(answers.rate)) {
      await this.cause(cause as keyof typeof CAUSE_LABELS)
        .getByRole("radio", { name: String(value), exact: true })
        .check();
    }
  }

  /** The debrief with the keyboard only. */
  async debriefWithKeyboard(answers: { didWell: string; rate: Required<Contributions> }) {
    await tabTo(this.page, "textarea#didWell");
    await this.page.keyboard.type(answers.didWell);
    for (const cause of Object.keys(CAUSE_LABELS) as (keyof typeof CAUSE_LABELS)[]) {
      await chooseWithKeyboard(this.page, `cause-${cause}`, answers.rate[cause]);
    }
    await tabTo(this.page, "form.debrief-form button[type=submit]");
    await this.page.keyboard.press("Enter");
  }

  async save(): Promise<void> {
    await this.saveButton().click();
    await this.status().filter({ hasText: "Debrief saved." }).waitFor();
  }

  async lookAgain(text: string): Promise<void> {
    await this.invitation().getByLabel("Looking at it again…").fill(text);
    await this.invitation().getByRole("button", { name: "Save my second look" }).click();
    await this.status().filter({ hasText: "Your second look is saved." }).waitFor();
  }

  async notNow(): Promise<void> {
    await this.invitation().getByRole("button", { name: "Not now" }).click();
    await this.status().filter({ hasText: "Set aside for now." }).waitFor();
  }

  async focusedText(): Promise<string> {
    return this.page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");
  }
}
