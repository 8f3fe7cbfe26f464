/**
 * How Cando starts Chromium for the browser tests and Lighthouse: no network of its own (this
 * machine's network is closed, and its background connections fail by the dozen), no GPU, no
 * first-run pages, no QUIC. Playwright adds --headless itself; Lighthouse's launcher needs it.
 */
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
