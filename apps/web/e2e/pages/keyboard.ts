import type { Page } from "playwright-core";

/**
 * Presses Tab until the focused element matches `selector` (keyboard only, as a person would),
 * failing after `limit` presses.
 */
export async function tabTo(page: Page, selector: string, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/**
 * Answers a scale of radio buttons with the keyboard: Tab into the group (named `name`), Space
 * selects the first point, the arrow keys move along.
 */
export async function chooseWithKeyboard(page: Page, name: string, steps: number): Promise<void> {
  await tabTo(page, `input[type=radio][name="${name}"]`);
  await page.keyboard.press("Space");
  for (let i = 0; i < steps; i++) await page.keyboard.press("ArrowRight");
}

/** Whether the page scrolls sideways at the current viewport. */
export async function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(
    () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
  );
}
