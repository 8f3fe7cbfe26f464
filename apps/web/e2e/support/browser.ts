import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from "vitest";
import { CHROMIUM_FLAGS } from "./chromium-flags";
import { type RunningServer, startServer } from "./server";

/** Debian's Chromium, found by scripts/test/chromium-setup.ts; null when it is not installed. */
export const chromiumPath = inject("chromiumPath");

export function launchBrowser(): Promise<Browser> {
  if (chromiumPath === null) throw new Error("No Chromium: the suite should have been skipped.");
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: CHROMIUM_FLAGS,
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

type Viewport = { width: number; height: number };

/** What a browser test file works with: its server, its browser, and this test's session. */
export interface BrowserSuite {
  readonly server: RunningServer;
  readonly browser: Browser;
  readonly session: Session;
  readonly page: Page;
  readonly baseUrl: string;
  /** Replaces this test's session with a fresh one (e.g. at phone width); the old one is checked and closed. */
  openSession(viewport?: Viewport): Promise<Session>;
}

/**
 * Registers the hooks every browser test file needs: one real server and one Chromium per file,
 * a fresh session (no cookies) per test, and after each test a check that the page logged no
 * errors. Call it inside the file's describe block.
 */
export function useBrowserSuite(): BrowserSuite {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let session: Session | undefined;
  const problems: string[] = [];
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not ready`);
    return value;
  };
  const closeSession = async () => {
    if (!session) return;
    problems.push(...session.problems);
    await session.context.close();
    session = undefined;
  };
  const suite: BrowserSuite = {
    get server() {
      return need(server, "the server");
    },
    get browser() {
      return need(browser, "the browser");
    },
    get session() {
      return need(session, "the session");
    },
    get page() {
      return need(session, "the session").page;
    },
    get baseUrl() {
      return need(server, "the server").baseUrl;
    },
    async openSession(viewport?: Viewport) {
      await closeSession();
      session = await newSession(suite.browser, suite.baseUrl, viewport);
      return session;
    },
  };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  beforeEach(async () => {
    problems.length = 0;
    await suite.openSession();
  });
  afterEach(async () => {
    await closeSession();
    expect(problems, "errors in the browser console").toEqual([]);
  });
  return suite;
}
