import type { Page } from "playwright-core";

/**
 * Correcting mistakes wherever they are: an attempt (on its debrief page), a piece of evidence,
 * an audit in the history, a whole goal. Each delete asks first; most offer Undo after.
 */
export class Corrections {
  constructor(private readonly page: Page) {}

  readonly attemptCard = () => this.page.getByRole("region", { name: "Correct this attempt" });
  readonly confirmPanel = (heading: string | RegExp) =>
    this.page.getByRole("region", { name: heading });
  readonly undoNotice = () => this.page.locator(".undo-notice");
  readonly undoButton = () => this.undoNotice().getByRole("button", { name: "Undo" });

  async editAttempt(changes: { outcome?: "Done" | "Partly" | "Not yet"; note?: string }) {
    await this.attemptCard().getByRole("button", { name: "Edit attempt" }).click();
    const form = this.page.locator("form.attempt-edit-form");
    if (changes.outcome) await form.getByLabel(changes.outcome, { exact: true }).check();
    if (changes.note !== undefined)
      await form.getByLabel("Note", { exact: true }).fill(changes.note);
    await form.getByRole("button", { name: "Save corrections" }).click();
    await this.attemptCard()
      .locator("p.status-line[role=status]")
      .filter({ hasText: "Your correction is saved" })
      .waitFor();
  }

  /** Opens the attempt's delete confirmation and returns what it says. */
  async askToDeleteAttempt(): Promise<string> {
    await this.attemptCard().getByRole("button", { name: "Delete attempt" }).click();
    const panel = this.confirmPanel("Delete this attempt?");
    await panel.waitFor();
    // The confirmation names the evidence once the journal has answered.
    await this.page.waitForLoadState("networkidle");
    return (await panel.textContent()) ?? "";
  }

  /** Presses the confirmation's own button (the one that opened it may have the same words). */
  async confirm(label: string) {
    await this.page
      .locator(".confirm-panel")
      .getByRole("button", { name: label, exact: true })
      .click();
  }

  async undo() {
    await this.undoButton().click();
    await this.undoNotice().waitFor({ state: "detached" });
  }

  async deleteEvidence() {
    await this.page.getByRole("button", { name: "Delete evidence", exact: true }).click();
    await this.confirm("Delete evidence");
    await this.undoNotice().waitFor();
  }

  async deleteAudit(label: string) {
    await this.page.getByRole("button", { name: `Delete the audit of ${label}` }).click();
    await this.confirm("Delete audit");
    await this.undoNotice().waitFor();
  }

  async openGoalDelete() {
    await this.page.getByRole("button", { name: "Delete goal…" }).click();
    await this.confirmPanel("Delete this goal and everything under it?").waitFor();
  }

  readonly goalNameField = () => this.page.getByLabel(/^To confirm, type the goal/);
}
