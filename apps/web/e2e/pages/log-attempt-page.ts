import type { Page } from "playwright-core";
import { chooseWithKeyboard, tabTo } from "./keyboard";

export type Outcome = "Done" | "Partly" | "Not yet";
const OUTCOMES: Outcome[] = ["Done", "Partly", "Not yet"];

export class LogAttemptPage {
  constructor(private readonly page: Page) {}

  readonly heading = () => this.page.getByRole("heading", { level: 1, name: "Log an attempt" });
  readonly stepCard = () => this.page.getByRole("region", { name: /./ }).first();
  readonly submitButton = () => this.page.getByRole("button", { name: /^(Log attempt|Logging…)$/ });
  readonly problems = () => this.page.getByRole("alert");

  async goto(goalId: string, stepId: string): Promise<void> {
    await this.page.goto(`/goals/${goalId}/steps/${stepId}/attempt`);
    await this.heading().waitFor();
    await this.submitButton().waitFor();
  }

  group(name: string | RegExp) {
    return this.page.getByRole("group", { name, exact: typeof name === "string" });
  }

  async choose(group: string, value: string | number): Promise<void> {
    await this.group(group)
      .getByRole("radio", { name: String(value), exact: true })
      .check();
  }

  /** The required answers and the optional ones, with the mouse. */
  async fill(answers: {
    outcome: Outcome;
    effort: number;
    difficulty: number;
    confidence?: number;
    anxietyBefore?: number;
    anxietyAfter?: number;
    minutes?: number;
    note?: string;
  }): Promise<void> {
    if (answers.confidence !== undefined) {
      await this.choose(
        "How certain are you, right now, that you can do this step?",
        answers.confidence,
      );
    }
    if (answers.anxietyBefore !== undefined) {
      await this.choose("How anxious do you feel right now?", answers.anxietyBefore);
    }
    await this.choose("Outcome", answers.outcome);
    await this.choose("How much effort did it take?", answers.effort);
    await this.choose("How hard did it feel?", answers.difficulty);
    if (answers.anxietyAfter !== undefined) {
      await this.choose("How anxious do you feel now? (optional)", answers.anxietyAfter);
    }
    if (answers.minutes !== undefined) {
      await this.page.getByLabel("Time spent, in minutes (optional)").fill(String(answers.minutes));
    }
    if (answers.note !== undefined) {
      await this.page.getByLabel("Note (optional)").fill(answers.note);
    }
  }

  /** The same answers with the keyboard only: Tab, Space, arrows, typing, Enter. */
  async fillWithKeyboard(answers: {
    confidence: number;
    outcome: Outcome;
    effort: number;
    difficulty: number;
    note: string;
  }): Promise<void> {
    await chooseWithKeyboard(this.page, "confidence-before", answers.confidence / 10);
    await chooseWithKeyboard(this.page, "outcome", OUTCOMES.indexOf(answers.outcome));
    await chooseWithKeyboard(this.page, "effort", answers.effort - 1);
    await chooseWithKeyboard(this.page, "difficulty", answers.difficulty - 1);
    await tabTo(this.page, "textarea#note");
    await this.page.keyboard.type(answers.note);
  }

  async submitWithKeyboard(): Promise<void> {
    await tabTo(this.page, "button[type=submit]");
    await this.page.keyboard.press("Enter");
  }

  async submit(): Promise<void> {
    await this.submitButton().click();
  }

  /** Waits for the debrief page and returns the attempt's id from the address. */
  async loggedAttemptId(): Promise<string> {
    await this.page.waitForURL(/\/attempts\/[^/?]+/);
    return decodeURIComponent(new URL(this.page.url()).pathname.split("/")[2] ?? "");
  }
}
