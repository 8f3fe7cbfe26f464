import { existsSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { reportMissing } from "./require-all";

/** Finds Debian's Chromium for the browser tests; provides its path, or null when absent. */
export default function setup(project: TestProject): void {
  const path = process.env.CANDO_CHROMIUM ?? "/usr/bin/chromium";
  if (existsSync(path)) {
    project.provide("chromiumPath", path);
    return;
  }
  reportMissing(
    "Browser (e2e)",
    `no Chromium at ${path}`,
    "apt-get update && apt-get install -y chromium (or set CANDO_CHROMIUM)",
  );
  project.provide("chromiumPath", null);
}
