import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { inject } from "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    chromiumPath: string | null;
  }
}

/** Debian's Chromium, found by scripts/test/chromium-setup.ts; null when it is not installed. */
export const chromiumPath = inject("chromiumPath");

export function launchBrowser(): Promise<Browser> {
  if (chromiumPath === null) throw new Error("No Chromium: the suite should have been skipped.");
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Uncaught exceptions and console errors seen so far (expected 4xx answers left out). */
  problems: string[];
}

/** A fresh context (no cookies, no storage) and page, so tests never share a login. */
export async function newSession(
  browser: Browser,
  baseUrl: string,
  viewport = { width: 1280, height: 800 },
): Promise<Session> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport, locale: "en-GB" });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
  page.on("console", (message) => {
    // Chromium logs every 4xx answer (a 401 from /api/me, a 400 on a bad form); those are expected.
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) {
      problems.push(`console: ${message.text()}`);
    }
  });
  return { context, page, problems };
}
